"""When each note is due: the email 24 hours after the person's last interview ends, the card 48."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.composer import channels

EMAIL_WITHIN = channels.EMAIL.due_within
CARD_WITHIN = channels.CARD.due_within


def last_interview_end(ends: Iterable[datetime | None]) -> datetime | None:
    known = [end for end in ends if end is not None]
    return max(known) if known else None


def due_at(channel: str, last_end: datetime | None) -> datetime | None:
    """Naive-UTC deadline of a note on `channel`, or None when the person had no interview time."""
    if last_end is None:
        return None
    return last_end + channels.get(channel).due_within


@dataclass(frozen=True)
class Countdown:
    text: str
    overdue: bool
    urgent: bool


def countdown(due: datetime | None, now: datetime) -> Countdown:
    """'due in 3 h 20 min', 'overdue by 2 h', or 'no deadline'."""
    if due is None:
        return Countdown("no deadline", overdue=False, urgent=False)
    left = due - now
    overdue = left < timedelta(0)
    words = _span(abs(left))
    text = f"overdue by {words}" if overdue else f"due in {words}"
    return Countdown(text, overdue=overdue, urgent=overdue or left < timedelta(hours=6))


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"
