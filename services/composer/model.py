"""What the composer is given and what it returns: plain frozen dataclasses, no database."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    kind: str  # topic|common_ground|their_work|promise|question|wish_said|other
    body: str
    # The user's own reading of the point; "" lets the reader make one.
    reading: str = ""
    id: str = ""


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str  # interviewer|recruiter|hr|other
    title: str = ""
    email: str = ""
    points: tuple[Point, ...] = ()
    interview_titles: tuple[str, ...] = ()
    # "" follows the account; "first_name" or "honorific" sets how this person is greeted.
    greeting_style: str = ""


@dataclass(frozen=True)
class Job:
    company: str
    role: str
    fit_points: tuple[str, ...] = ()
    # The day of the last interview as a note says it ("Monday 16 November"), or "".
    day: str = ""


@dataclass(frozen=True)
class Profile:
    name: str
    signature: str = ""
    phone: str = ""
    portfolio_url: str = ""
    linkedin_url: str = ""
    tone: str = "warm"  # warm|formal|brief
    greeting_style: str = "first_name"  # first_name | honorific
    language: str = "en"
    # The account's LinkedIn connection-note limit in characters (200 on a free account).
    linkedin_limit: int = 300


@dataclass(frozen=True)
class ComposedDraft:
    contact_id: str
    channel: str  # a code from services.composer.channels
    subject: str
    body: str
    generic: bool  # True when the note carries nothing from the person's talking points
    # Ids of the person's points the reader could not read, left out of the note.
    flagged: tuple[str, ...] = ()
