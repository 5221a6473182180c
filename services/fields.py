"""The rules for the fields of a record that arrives as JSON: a sync mutation, an imported file.

A rule takes a JSON value and returns it as it is stored, or raises FieldError. The error
does not name the field: the caller knows it (a mutation's `body`, a file's
`applications[0].contacts[2].email`) and puts it in front of the problem.

Limits are the model columns' (and, for Text columns, the forms'), so anything a rule lets
through can be stored on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

from models import (
    CONTACT_GREETINGS,
    CONTACT_ROLES,
    FOLLOWUP_DAYS_MAX,
    INTERVIEW_FORMATS,
    POINT_KINDS,
    POINT_MAX,
)

Rule = Callable[[Any], Any]
# The most interviews one contact may be linked to.
MAX_LINKS = 100
_LINK = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)


class FieldError(Exception):
    """A value a field cannot take.

    `problem` says why in the terms of the JSON a client sends, quoting the value (for the
    sync API); `plain` says it to a person, without the value (for the import page).
    """

    def __init__(self, problem: str, plain: str | None = None):
        super().__init__(problem)
        self.problem = problem
        self.plain = plain or problem


def shown(value: Any) -> str:
    """A value quoted in a message, cut short so a hostile one cannot flood it."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def text(limit: int, *, required: bool = False) -> Rule:
    def rule(value: Any) -> str:
        if not isinstance(value, str):
            raise FieldError("must be a string", "must be text")
        if required and not value.strip():
            raise FieldError("must not be empty")
        if len(value) > limit:
            raise FieldError(f"is longer than {limit:,} characters")
        # PostgreSQL refuses NUL and lone surrogates: refuse them here, not in a failed flush.
        if "\x00" in value or (not value.isascii() and not _encodable(value)):
            raise FieldError("contains characters that are not text")
        return value

    return rule


def line(limit: int, *, required: bool = False) -> Rule:
    """Text of one line (a name, a title): line breaks and runs of spaces become one space."""
    as_text = text(limit, required=required)

    def rule(value: Any) -> str:
        return " ".join(as_text(value).split())

    return rule


def _encodable(value: str) -> bool:
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True


def link(limit: int) -> Rule:
    as_text = text(limit)

    def rule(value: Any) -> str:
        # Links are rendered as href: only web addresses, never javascript: and friends.
        if as_text(value) and not _LINK.fullmatch(value):
            raise FieldError("is not a web address like https://example.com")
        return value

    return rule


def linkedin(limit: int) -> Rule:
    """Empty, or a web address on linkedin.com: "Open their profile" opens it."""
    as_link = link(limit)

    def rule(value: Any) -> str:
        if as_link(value) and not is_linkedin_url(value):
            raise FieldError("is not a LinkedIn address like https://www.linkedin.com/in/name")
        return value

    return rule


def is_linkedin_url(url: str) -> bool:
    """An http(s) address on linkedin.com or one of its subdomains (www., uk., ...)."""
    try:
        parts = urlsplit((url or "").strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and (
        host == "linkedin.com" or host.endswith(".linkedin.com")
    )


def email(value: Any) -> str:
    """Empty, or one address like name@example.com, as a mail program would take it: never two
    (`a,b"c@x.co` would make a two-recipient To: header), never quoted or with a display name."""
    if text(254)(value):
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            raise FieldError("is not an email address like name@example.com") from None
    return value


def choice(choices: Iterable[str]) -> Rule:
    allowed = tuple(choices)

    def rule(value: Any) -> str:
        if not isinstance(value, str) or value not in allowed:
            one_of = f"must be one of {', '.join(allowed)}"
            raise FieldError(f"{one_of}; got {shown(value)}", one_of)
        return value

    return rule


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError("must be true or false")
    return value


def whole(low: int, high: int) -> Rule:
    def rule(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise FieldError(f"must be a whole number from {low} to {high:,}")
        return value

    return rule


def moment(value: Any) -> datetime:
    """ISO 8601, with Z or an offset (stored as naive UTC); without one it is taken as UTC."""
    if isinstance(value, str) and len(value) <= 40:
        try:
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is not None:
                parsed = parsed.astimezone(UTC).replace(tzinfo=None)
            return parsed
        except (ValueError, OverflowError):  # Overflow: an offset that leaves years 1 to 9999.
            pass
    raise FieldError(
        f"is not an ISO 8601 date-time: {shown(value)}",
        "is not a date and time like 2026-11-21T10:00:00Z",
    )


def identifier(value: Any) -> str:
    """A UUID in its canonical lowercase form (the form ids are stored and answered in)."""
    if isinstance(value, str) and len(value) <= 45:
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    raise FieldError(
        f"must be a UUID; got {shown(value)}",
        "must be an id like 0b6f3c1e-2f7a-4c43-9d51-3a1f0c2b9e11",
    )


def optional(rule: Rule) -> Rule:
    """The rule, with null allowed (and kept as None)."""
    return lambda value: None if value is None else rule(value)


# The fields of each syncable record that both a mutation and an import may set, by the
# names of models.SYNCABLE_MODELS. References between records are each caller's own.
FIELDS: dict[str, dict[str, Rule]] = {
    "application": {
        "company": line(200, required=True),
        "role": line(200, required=True),
        "posting_url": link(500),
        "fit_points": text(2000),
        # The follow-up after silence (services/followups.py).
        "followup_days": whole(1, FOLLOWUP_DAYS_MAX),
        "replied_at": optional(moment),
    },
    "interview": {
        "title": line(200),
        "starts_at": optional(moment),
        "ends_at": optional(moment),
        "format": choice(INTERVIEW_FORMATS),
        "location": line(300),
        "round": line(100),
    },
    "contact": {
        "name": line(200, required=True),
        "title": line(200),
        "email": email,
        "phone": line(40),
        "linkedin_url": linkedin(500),
        "postal_address": text(500),
        "role": choice(CONTACT_ROLES),
        "got_card": flag,
        "greeting_style": choice(CONTACT_GREETINGS),
    },
    "talking_point": {
        "kind": choice(POINT_KINDS),
        "body": text(POINT_MAX, required=True),
        "reading": text(POINT_MAX),
        "reading_edited": flag,
    },
}
