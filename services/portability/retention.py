"""Retention: a closed application's people lose their contact details when its time is up."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import Application, Contact

log = logging.getLogger("afterword.account")

MAX_RETENTION_DAYS = 3650
DETAILS = ("email", "phone", "linkedin_url", "postal_address")


def set_retention(
    session: Session,
    application: Application,
    *,
    closed: bool,
    retention_days: int | None,
    now: datetime,
) -> None:
    """Close (or reopen) an application and choose how long its people's details are kept."""
    closed_at = (application.closed_at or now) if closed else None
    if application.closed_at != closed_at:
        application.closed_at = closed_at
    if application.retention_days != retention_days:
        application.retention_days = retention_days
    session.commit()


def erase_after(application: Application) -> datetime | None:
    """When the contact details of the application's people are (or were) erased, if ever."""
    if application.closed_at is None or application.retention_days is None:
        return None
    return application.closed_at + timedelta(days=application.retention_days)


def erase_expired_contact_details(session: Session, now: datetime) -> int:
    """Blank the email, phone, LinkedIn and postal address of people whose time is up.

    Names, titles and notes stay, so the notes and drafts still say who they were about;
    what is erased is how to reach them. Deleted applications and people are included.
    Returns the number of people whose details were erased.
    """
    candidates = session.scalars(
        select(Application).where(
            Application.closed_at.is_not(None),
            Application.retention_days.is_not(None),
            Application.closed_at <= now,
        )
    )
    expired = [a.id for a in candidates if erase_after(a) <= now]
    erased = 0
    for start in range(0, len(expired), 500):
        contacts = session.scalars(
            select(Contact).where(
                Contact.application_id.in_(expired[start : start + 500]),
                or_(*(getattr(Contact, name) != "" for name in DETAILS)),
            )
        )
        for contact in contacts:
            for name in DETAILS:
                setattr(contact, name, "")
            erased += 1
    session.commit()
    log.info("retention erased contacts=%d applications=%d", erased, len(expired))
    return erased
