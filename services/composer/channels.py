"""The channels a thank-you note goes out on, in one registry.

Each channel says what it is called, how long it may be, when it is due after the person's last
interview, which marks say it is done, and whether it needs a subject and an email address. Who
gets which channel and how its text is planned live here too, so adding a channel is one entry
and one small planner (see `register`).
"""

from __future__ import annotations

from collections.abc import Sequence
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
    # The paper its text prints on: "card" (the card, copy sheet and envelope PDFs), "letter"
    # (the letter PDF), or "" when it is never printed.
    printed_as: str = ""
    # A limit in characters as well as words (0: none); the account may choose a lower one.
    max_chars: int = 0
    # One note for the whole panel, to the person `panel_recipient` chooses, not one per role.
    one_per_panel: bool = False
    # A note the user may skip (not everyone uses LinkedIn): it never makes anyone overdue, and
    # it is listed as due (and in the calendar) only once the person's `due_if` field is known.
    optional: bool = False
    due_if: str = ""

    def applies_to(self, role: str) -> bool:
        if self.one_per_panel:
            return False
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
        "interviewer", "email", printed_as="letter",
    )
)  # fmt: skip
WRAPUP = register(
    Channel(
        "wrapup", "Wrap-up email", "Wrap-up email", 150, timedelta(hours=24), ("sent",), True,
        True, "organiser", "wrapup", printed_as="letter",
    )
)  # fmt: skip
CARD = register(
    Channel(
        "card", "Handwritten card", "Card", 80, timedelta(hours=48), ("written", "posted"), False,
        False, "everyone", "card", printed_as="card",
    )
)  # fmt: skip

# A connection request's note: 300 characters, or 200 on a free LinkedIn account.
LINKEDIN = register(
    Channel(
        "linkedin", "LinkedIn note", "LinkedIn", 60, timedelta(hours=48), ("connected",), False,
        False, "everyone", "linkedin", max_chars=300, optional=True, due_if="linkedin_url",
    )
)  # fmt: skip
# The follow-up after silence: its deadline is the application's own setting (default 7 days).
FOLLOWUP = register(
    Channel(
        "followup", "Follow-up email", "Follow-up", 120, timedelta(days=7), ("sent",), True, True,
        "organiser", "followup", one_per_panel=True,
    )
)  # fmt: skip


def get(code: str) -> Channel:
    """The channel with this code; an unknown code reads as email, the strictest deadline."""
    return CHANNELS.get(code, EMAIL)


def codes() -> tuple[str, ...]:
    """Every registered channel code, in the registry's order."""
    return tuple(CHANNELS)


def order(code: str) -> int:
    """Where a channel comes in the registry (unknown codes last), to sort notes by."""
    return list(CHANNELS).index(code) if code in CHANNELS else len(CHANNELS)


def for_role(role: str, has_email: bool = True) -> tuple[str, ...]:
    """The channel codes a person with this role gets a note on, in order. Someone with no
    email address gets no note on a channel that needs one (the card still reaches them)."""
    return tuple(
        c.code for c in CHANNELS.values() if c.applies_to(role) and (has_email or not c.needs_email)
    )


def courier(people: Sequence) -> int | None:
    """The index of the recruiter or HR contact who passes things on to people with no email
    address (thanks, a promised file): the first organiser with an address, or None."""
    return next(
        (i for i, p in enumerate(people) if p.role in ORGANISER_ROLES and _has_email(p)), None
    )


def panel_recipient(people: Sequence, code: str) -> int | None:
    """The index of the one person of a panel who gets a one-per-panel note (the follow-up):
    the first recruiter or HR contact with an email address, else the first interviewer with
    one; None when nobody has an address. `people` have `role` and `email`."""
    channel = get(code)
    if not channel.one_per_panel:
        return None
    # An email goes only to someone with an address (as every other note): a recruiter or HR
    # contact without one is passed over, not written to.
    organisers = [i for i, p in enumerate(people) if p.role in ORGANISER_ROLES and _has_email(p)]
    if organisers:
        return organisers[0]
    return next((i for i, p in enumerate(people) if _has_email(p)), None)


def _has_email(person) -> bool:
    return bool((getattr(person, "email", "") or "").strip())
