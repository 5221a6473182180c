"""The channels a thank-you note goes out on, in one registry.

Each channel says what it is called, how long it may be, when it is due after the person's last
interview, which marks say it is done, and whether it needs a subject and an email address. Who
gets which channel and how its text is planned live here too, so adding a channel is one entry
and one small planner (see `register`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

ORGANISER_ROLES = ("recruiter", "hr")


@dataclass(frozen=True)
class Channel:
    code: str
    label: str
    short_label: str
    max_words: int
    due_within: timedelta
    done_marks: tuple[str, ...]  # the marks, in order; the last one means done
    needs_subject: bool
    needs_email: bool
    # Who gets a note on this channel: "interviewer", "organiser" or "everyone".
    audience: str
    # The planner's name in services.composer.planner.PLANNERS.
    planner: str

    def applies_to(self, role: str) -> bool:
        organiser = role in ORGANISER_ROLES
        return (
            self.audience == "everyone"
            or (self.audience == "organiser" and organiser)
            or (self.audience == "interviewer" and not organiser)
        )

    @property
    def done_mark(self) -> str:
        return self.done_marks[-1]


CHANNELS: dict[str, Channel] = {}


def register(channel: Channel) -> Channel:
    CHANNELS[channel.code] = channel
    return channel


def unregister(code: str) -> None:
    CHANNELS.pop(code, None)


EMAIL = register(
    Channel(
        "email", "Email", "Email", 150, timedelta(hours=24), ("sent",), True, True,
        "interviewer", "email",
    )
)  # fmt: skip
WRAPUP = register(
    Channel(
        "wrapup", "Wrap-up email", "Wrap-up email", 150, timedelta(hours=24), ("sent",), True,
        True, "organiser", "wrapup",
    )
)  # fmt: skip
CARD = register(
    Channel(
        "card", "Handwritten card", "Card", 80, timedelta(hours=48), ("written", "posted"), False,
        False, "everyone", "card",
    )
)  # fmt: skip


def get(code: str) -> Channel:
    """The channel with this code; an unknown code reads as email, the strictest deadline."""
    return CHANNELS.get(code, EMAIL)


def for_role(role: str, has_email: bool = True) -> tuple[str, ...]:
    """The channel codes a person with this role gets a note on, in order. Someone with no
    email address gets no note on a channel that needs one (the card still reaches them)."""
    return tuple(
        c.code for c in CHANNELS.values() if c.applies_to(role) and (has_email or not c.needs_email)
    )
