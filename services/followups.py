"""The follow-up after silence: who gets it, when it is due, and what cancels it.

Some days after the last interview (the application's own setting, 7 by default) with no reply
marked, the recruiter or HR contact, or else the first interviewer with an email address, gets
a short follow-up email. Marking "they replied", or closing the application, cancels it: it
leaves the due list, the review page, the API and the calendar. Its draft is kept, never
deleted, so a user who edited it and then undoes "they replied" finds their text as they left it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Application, Contact, Draft
from services import deadlines
from services.composer import channels
from services.localtime import to_local

CODE = channels.FOLLOWUP.code


def last_end(application: Application) -> datetime | None:
    return deadlines.last_interview_end(
        i.effective_end for i in application.interviews if i.is_live
    )


def due_at(application: Application) -> datetime | None:
    """When to send it: the application's number of days after its last interview ended."""
    end = last_end(application)
    return end + timedelta(days=application.followup_days or 7) if end else None


def recipient(contacts: Sequence[Contact]) -> Contact | None:
    """Who gets it among these (live) people, as the composer chooses."""
    index = channels.panel_recipient(contacts, CODE)
    return None if index is None else contacts[index]


def cancelled(application: Application) -> bool:
    return application.replied_at is not None or application.closed_at is not None


def wanted(application: Application, contacts: Sequence[Contact]) -> Contact | None:
    """The person who gets the follow-up now, or None: cancelled, or no interview day yet."""
    if cancelled(application) or last_end(application) is None:
        return None
    return recipient(contacts)


def day_text(application: Application, tz: str) -> str:
    """The day of the last interview on the user's clock, as a note says it."""
    starts = [i.starts_at for i in application.interviews if i.is_live and i.starts_at]
    if not starts:
        return ""
    local = to_local(max(starts), tz)
    return f"{local:%A} {local.day} {local:%B}"


def waiting(due: datetime | None, now: datetime) -> bool:
    """Not yet time to send it: the reply may still come."""
    return due is not None and now < due


def mark_replied(session: Session, application: Application, replied: bool, now: datetime) -> None:
    """Tick (or untick) "they replied" on the application."""
    application.replied_at = (application.replied_at or now) if replied else None
    session.commit()


def kept_edit(session: Session, application: Application) -> Draft | None:
    """The application's follow-up draft the user edited, if any (kept while cancelled)."""
    drafts = session.scalars(
        select(Draft)
        .join(Contact, Contact.id == Draft.contact_id)
        .where(Contact.application_id == application.id, Draft.channel == CODE)
    )
    return next(
        (d for d in drafts if any(v.source != "generated" for v in d.versions)),
        None,
    )


# Warnings that do not fit a follow-up: it names the day and the people rather than a detail
# of one conversation, and its date is when to send it, not a deadline passed.
_NOT_FOR_FOLLOWUP = {"no_detail", "deadline_passed"}


def relevant(warnings: list) -> list:
    return [w for w in warnings if w.code not in _NOT_FOR_FOLLOWUP]
