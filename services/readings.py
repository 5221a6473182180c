"""How the drafts read each talking point, kept beside the point.

The reading is made by the composer's jot reader whenever a point is created or its text or kind
changes, however that happens (the capture form, a phone's sync, an import): a session hook sees
every new or changed point before it is written. A reading the user wrote themselves is kept until
they clear it. The drafts use the user's reading as written; an automatic one they make afresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from models import Contact, TalkingPoint, User
from services.composer import Point, reading_of
from services.composer.channels import ORGANISER_ROLES


@dataclass(frozen=True)
class ShownReading:
    text: str  # what the drafts say for the point, or "" when flagged
    problem: str  # why the reader could not read it, for the user
    edited: bool
    suggestion: str = ""  # wording offered for a point kept out by default


def _tone(user: User | None) -> str:
    return user.tone if user is not None else "warm"


def auto_reading(
    point: TalkingPoint, contact_name: str, tone: str, contact: Contact | None = None
) -> ShownReading:
    """The reader's sentence for the point, or "" and why not (with any wording it offers).
    To a recruiter or HR contact "they" is the company, so the reader is told who the contact
    is."""
    contact = contact or point.contact
    organiser = contact is not None and contact.role in ORGANISER_ROLES
    # A point not yet flushed has no kind until the column's default ("topic") fills it.
    kind = point.kind or TalkingPoint.kind.default.arg
    reading = reading_of(Point(kind, point.body), contact_name, tone, organiser=organiser)
    if reading is None:
        return ShownReading("", "There is nothing here a note could say.", False)
    if reading.ok:
        return ShownReading(reading.text, "", False)
    return ShownReading("", reading.problem, False, reading.suggestion)


def shown(point: TalkingPoint, contact_name: str, tone: str) -> ShownReading:
    if point.reading_edited:
        return ShownReading(point.reading, "", True)
    return auto_reading(point, contact_name, tone)


def refresh(
    point: TalkingPoint, contact_name: str, tone: str, contact: Contact | None = None
) -> None:
    """Store the automatic reading, unless the user wrote their own."""
    if not point.reading_edited:
        point.reading = auto_reading(point, contact_name, tone, contact).text


def set_reading(session: Session, point: TalkingPoint, text: str, tone: str) -> None:
    """The user's own reading; an empty one hands the point back to the reader."""
    text = " ".join((text or "").split())
    point.reading_edited = bool(text)
    point.reading = text
    if not text:
        refresh(point, point.contact.name, tone)
    session.commit()


def _changed(point: TalkingPoint) -> bool:
    state = inspect(point)
    if state.pending or state.transient:
        return True
    watched = ("kind", "body", "reading_edited")
    return any(state.attrs[name].history.has_changes() for name in watched)


def _before_flush(session: Session, _context, _instances) -> None:
    points = [
        obj
        for obj in (*session.new, *session.dirty)
        if isinstance(obj, TalkingPoint) and not obj.reading_edited and _changed(obj)
    ]
    if not points:
        return
    with session.no_autoflush:
        for point in points:
            contact = point.contact or (
                session.get(Contact, point.contact_id) if point.contact_id else None
            )
            user = session.get(User, point.user_id) if point.user_id else None
            refresh(point, contact.name if contact else "", _tone(user), contact)


def listen() -> None:
    """Keep readings up to date in every session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
