"""The export document: its format, its version, and the rules each of its fields follows.

The export document (version 1) nests everything under its application::

    {"format": "afterword-export", "version": 1, "exported_at": "...Z",
     "profile": {email, name, signature, phone, ...},
     "applications": [{id, company, ..., closed_at, retention_days, created_at, updated_at,
                       "interviews": [{id, title, starts_at, ...}],
                       "contacts": [{id, name, ..., "interview_ids": [...],
                                     "talking_points": [{id, kind, body, interview_id, ...}],
                                     "drafts": [{channel, sent_at, written_at, posted_at,
                                                 "versions": [{number, source, ...}]}]}]}]}

Ids in the document only link its items to each other: an import gives every row a new id,
so importing twice, or into another account, never collides. Created and updated times are
kept, so an export of an imported document equals the original apart from ids, `exported_at`
and `profile.email` (an import never changes the account's email or password).

Deleted rows are not exported. A reference to a row that is not exported is dropped: a
point's interview that was deleted becomes no interview (as deleting an interview does), and
a conflict copy whose original was deleted is exported as an ordinary record, since it is
then the only version left and the draft composer should use it.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from models import GREETINGS, LINKEDIN_LIMITS, PAPERS, TONES
from services.composer.channels import CHANNELS
from services.fields import (
    FIELDS,
    FieldError,
    Rule,
    choice,
    link,
    moment,
    optional,
    text,
    whole,
)
from services.portability.retention import MAX_RETENTION_DAYS

FORMAT = "afterword-export"
VERSION = 1
MAX_FILE_BYTES = 2 * 1024 * 1024
# Far above any real job search, far below what would hurt the server in one transaction.
LIMITS = {
    "applications": 200,
    "interviews": 2_000,
    "contacts": 2_000,
    "talking_points": 5_000,
    "drafts": 6_000,
    "versions": 20_000,
}
DRAFT_SOURCES = ("generated", "edited", "restored", "polished")
DRAFT_BODY_MAX = 10_000


class ImportRefused(Exception):
    """The document cannot be imported; `message` says where and why, in the user's words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- Field rules: the shared ones (services/fields.py) and the document's own ------------


def checked(path: str, rule: Rule, value: Any) -> Any:
    """The value as `rule` keeps it, or ImportRefused naming the path and the problem."""
    try:
        return rule(value)
    except FieldError as error:
        raise ImportRefused(f"{path} {error.plain}.") from None


def _timezone(value: Any) -> str:
    if not isinstance(value, str) or value not in available_timezones():
        raise FieldError("is not a time zone like Europe/Berlin")
    return value


def _linkedin_limit(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in LINKEDIN_LIMITS:
        raise FieldError(f"must be one of {', '.join(map(str, LINKEDIN_LIMITS))}")
    return value


PROFILE = {
    "name": text(120),
    "signature": text(200),
    "phone": text(40),
    "portfolio_url": link(500),
    "linkedin_url": link(500),
    "postal_address": text(500),
    "tone": choice(TONES),
    "greeting_style": choice(GREETINGS),
    "paper": choice(PAPERS),
    "timezone": _timezone,
    # The LinkedIn connection-note limit (300, or 200 on a free account).
    "linkedin_note_limit": _linkedin_limit,
}
APPLICATION = {
    **FIELDS["application"],
    "closed_at": optional(moment),
    "retention_days": optional(whole(0, MAX_RETENTION_DAYS)),
}
INTERVIEW = FIELDS["interview"]
CONTACT = FIELDS["contact"]
POINT = FIELDS["talking_point"]
DRAFT = {
    "channel": choice(CHANNELS),
    "sent_at": optional(moment),
    "written_at": optional(moment),
    "posted_at": optional(moment),
    # A LinkedIn note's "connected" mark.
    "connected_at": optional(moment),
}
VERSION_FIELDS = {
    "number": whole(1, 100_000),
    "source": choice(DRAFT_SOURCES),
    "subject": text(300),
    "body": text(DRAFT_BODY_MAX),
}
REQUIRED = {
    "application": ("id", "company", "role"),
    "interview": ("id",),
    "contact": ("id", "name"),
    "talking_point": ("id", "body"),
    "draft": ("channel",),
    "version": ("number", "source"),
}
# The keys of a syncable record that are not its fields.
RECORD_KEYS = ("id", "conflict_of", "created_at", "updated_at")
