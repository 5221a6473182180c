"""Export: the whole account as one JSON document (its format: services/portability/document.py)."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models import (
    Application,
    Contact,
    Draft,
    Interview,
    TalkingPoint,
    User,
    interview_contacts,
)
from services.composer.channels import order as channel_order
from services.portability.document import (
    APPLICATION,
    CONTACT,
    DRAFT,
    FORMAT,
    INTERVIEW,
    POINT,
    PROFILE,
    VERSION,
    VERSION_FIELDS,
)

log = logging.getLogger("afterword.account")


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat() + "Z"


def _plain(obj, names: Iterable[str]) -> dict:
    out = {}
    for name in names:
        value = getattr(obj, name)
        out[name] = _iso(value) if isinstance(value, datetime) else value
    return out


def _live(session: Session, model, user_id: int) -> list:
    return list(
        session.scalars(select(model).where(model.user_id == user_id, model.deleted_at.is_(None)))
    )


def _interview_order(i: Interview):
    return (i.starts_at is None, i.starts_at or datetime.min, i.created_at, i.title, i.id)


def export_account(session: Session, user: User, now: datetime) -> dict:
    """The whole account as one JSON-ready document, in a stable order."""
    applications = sorted(
        _live(session, Application, user.id), key=lambda a: (a.created_at, a.company, a.id)
    )
    app_ids = {a.id for a in applications}
    interviews = defaultdict(list)
    for interview in sorted(_live(session, Interview, user.id), key=_interview_order):
        if interview.application_id in app_ids:
            interviews[interview.application_id].append(interview)
    contacts = defaultdict(list)
    for contact in sorted(
        _live(session, Contact, user.id), key=lambda c: (c.created_at, c.name, c.id)
    ):
        if contact.application_id in app_ids:
            contacts[contact.application_id].append(contact)
    exported = {
        "application": app_ids,
        "interview": {i.id for items in interviews.values() for i in items},
        "contact": {c.id for items in contacts.values() for c in items},
    }
    interview_app = {i.id: i.application_id for items in interviews.values() for i in items}
    contact_app = {c.id: c.application_id for items in contacts.values() for c in items}
    points = defaultdict(list)
    for point in sorted(
        _live(session, TalkingPoint, user.id), key=lambda p: (p.created_at, p.body, p.id)
    ):
        if point.contact_id in contact_app:
            points[point.contact_id].append(point)
    exported["talking_point"] = {p.id for items in points.values() for p in items}
    links = defaultdict(set)
    for interview_id, contact_id in session.execute(
        select(interview_contacts.c.interview_id, interview_contacts.c.contact_id)
        .join(Contact, Contact.id == interview_contacts.c.contact_id)
        .where(Contact.user_id == user.id)
    ):
        if interview_app.get(interview_id) == contact_app.get(contact_id):
            links[contact_id].add(interview_id)
    drafts = defaultdict(list)
    for draft in session.scalars(
        select(Draft).where(Draft.user_id == user.id).options(selectinload(Draft.versions))
    ):
        if draft.contact_id in contact_app:
            drafts[draft.contact_id].append(draft)

    def record(obj, kind: str, fields: dict) -> dict:
        out = {"id": obj.id, **_plain(obj, fields)}
        out["conflict_of"] = obj.conflict_of if obj.conflict_of in exported[kind] else None
        out.update(created_at=_iso(obj.created_at), updated_at=_iso(obj.updated_at))
        return out

    def point_of(point: TalkingPoint, application_id: str) -> dict:
        out = record(point, "talking_point", POINT)
        same = interview_app.get(point.interview_id) == application_id
        out["interview_id"] = point.interview_id if same else None
        return out

    def draft_of(draft: Draft) -> dict:
        versions = [
            {**_plain(v, VERSION_FIELDS), "created_at": _iso(v.created_at)} for v in draft.versions
        ]
        return {**_plain(draft, DRAFT), "created_at": _iso(draft.created_at), "versions": versions}

    def contact_of(contact: Contact, application_id: str) -> dict:
        out = record(contact, "contact", CONTACT)
        out["interview_ids"] = [
            i.id for i in interviews[application_id] if i.id in links[contact.id]
        ]
        out["talking_points"] = [point_of(p, application_id) for p in points[contact.id]]
        out["drafts"] = [
            draft_of(d) for d in sorted(drafts[contact.id], key=lambda d: channel_order(d.channel))
        ]
        return out

    def application_of(application: Application) -> dict:
        out = record(application, "application", APPLICATION)
        out["interviews"] = [record(i, "interview", INTERVIEW) for i in interviews[application.id]]
        out["contacts"] = [contact_of(c, application.id) for c in contacts[application.id]]
        return out

    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _iso(now),
        "profile": {"email": user.email, **_plain(user, PROFILE)},
        "applications": [application_of(a) for a in applications],
    }
    log.info(
        "export user=%s applications=%d contacts=%d points=%d",
        user.id,
        len(applications),
        len(exported["contact"]),
        len(exported["talking_point"]),
    )
    return document
