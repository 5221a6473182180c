"""Capturing the day: applications, interviews, the people met and what was said.

Every function takes the session and the owner's id explicitly; versions and change
numbers are stamped by the flush listener in models.py, never here.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from models import Application, Contact, Interview, TalkingPoint, utcnow
from services.localtime import day_bounds_utc, local_today, to_utc
from services.schedule import ParsedPerson, ParsedSchedule, parse_person

DEFAULT_LENGTH = timedelta(hours=1)
RESUBMIT_WINDOW = timedelta(minutes=10)


def _resubmitted(session: Session, model, record_id: str | None, user_id: int, *same):
    """The record a repeated create form names, and the id a new one may take.

    The form carries an id made when it was shown: a double submit, or a resent POST whose
    answer was lost, names the same record. Back and resubmit reloads the form with a new id
    but the typed values restored, so the same content saved within RESUBMIT_WINDOW is that
    record too (nobody means the same thing twice in a row). Another user's id is never used.
    """
    if record_id:
        existing = session.get(model, record_id)
        if existing is not None and existing.user_id == user_id:
            return existing, record_id
        if existing is not None:
            record_id = None
    found = session.scalar(
        select(model).where(
            model.user_id == user_id,
            model.is_live,
            model.created_at >= utcnow() - RESUBMIT_WINDOW,
            *same,
        )
    )
    return found, record_id


def create_application(
    session: Session, user_id: int, *, application_id: str | None = None, **fields
) -> Application:
    """A new application, created once however often its form is sent."""
    existing, application_id = _resubmitted(
        session,
        Application,
        application_id,
        user_id,
        Application.company == fields.get("company"),
        Application.role == fields.get("role"),
    )
    if existing is not None:
        return existing
    application = Application(user_id=user_id, **fields)
    if application_id:
        application.id = application_id
    session.add(application)
    session.commit()
    return application


def update_fields(session: Session, obj, **fields) -> None:
    """Set the fields that changed and commit (unchanged fields bump nothing)."""
    for name, value in fields.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
    session.commit()


# Columns a kept-both copy does not take from the record it copies.
_NOT_COPIED = {
    "id", "version", "change_seq", "created_at", "updated_at", "deleted_at", "conflict_of",
}  # fmt: skip


def keep_other_version(session: Session, obj, opened_version: int | None, fields: dict) -> bool:
    """Before saving an edit made on an older version than the record now has, keep the newer
    version as a conflict copy beside it, so neither text is lost (the user chooses later,
    as with a sync conflict). Does not commit; True if a copy was kept."""
    if opened_version is None or opened_version == obj.version or obj.deleted_at is not None:
        return False
    if all(getattr(obj, name) == value for name, value in fields.items()):
        return False
    model = type(obj)
    copy = model(conflict_of=obj.id)
    for column in model.__table__.columns:
        if column.key not in _NOT_COPIED:
            setattr(copy, column.key, getattr(obj, column.key))
    if isinstance(obj, Contact):
        copy.interviews = list(obj.interviews)
    elif isinstance(obj, Interview):
        copy.contacts = list(obj.contacts)
    session.add(copy)
    return True


def interview_times(
    day: date, start: time | None, end: time | None, tz: str
) -> tuple[datetime | None, datetime | None]:
    """UTC start and end; the end defaults to an hour after the start."""
    if start is None:
        return to_utc(day, time(9), tz), None
    starts_at = to_utc(day, start, tz)
    ends_at = to_utc(day, end, tz) if end else starts_at + DEFAULT_LENGTH
    return starts_at, ends_at


def person_line(contact: Contact) -> str:
    """How a person is written in a people box: "Name, Title"."""
    return ", ".join(part for part in (contact.name, contact.title) if part)


def people_from_lines(application: Application, lines: Iterable[str]) -> list:
    """The people of a people box: a line written as an existing person is that person, so
    editing an interview never turns them into someone new; other lines are parsed."""
    known = {person_line(c): c for c in application.contacts if c.is_live}
    people = []
    for raw in lines:
        line = " ".join(raw.split())
        if line in known:
            people.append(known[line])
        elif line and (person := parse_person(line)):
            people.append(person)
    return people


def matching_contact(application: Application, person) -> Contact | None:
    """The application's live contact of this person's name (matched loosely), filling in a
    title or email it does not have yet."""
    wanted = " ".join(person.name.split()).casefold()
    for contact in application.contacts:
        if contact.is_live and " ".join(contact.name.split()).casefold() == wanted:
            if person.title and not contact.title:
                contact.title = person.title
            if person.email and not contact.email:
                contact.email = person.email
            return contact
    return None


def find_or_add_contact(
    session: Session, application: Application, person: ParsedPerson | Contact
) -> Contact:
    """The application's live contact of this name, or a new one (names are matched loosely)."""
    if isinstance(person, Contact):
        return person
    contact = matching_contact(application, person)
    if contact is not None:
        return contact
    contact = Contact(
        user_id=application.user_id,
        application=application,
        name=person.name,
        title=person.title,
        role=person.role,
        email=person.email,
    )
    session.add(contact)
    return contact


def _new_interview(
    session: Session,
    application: Application,
    *,
    starts_at: datetime | None,
    ends_at: datetime | None,
    people: Iterable[ParsedPerson] = (),
    **fields,
) -> Interview:
    interview = Interview(
        user_id=application.user_id,
        application=application,
        starts_at=starts_at,
        ends_at=ends_at or (starts_at + DEFAULT_LENGTH if starts_at else None),
        **fields,
    )
    session.add(interview)
    for person in people:
        contact = find_or_add_contact(session, application, person)
        if contact not in interview.contacts:
            interview.contacts.append(contact)
    return interview


def add_interview(
    session: Session, application: Application, *, interview_id: str | None = None, **fields
) -> Interview:
    """One interview, with its people matched to the application's contacts, added once
    however often its form is sent."""
    existing, interview_id = _resubmitted(
        session,
        Interview,
        interview_id,
        application.user_id,
        Interview.application_id == application.id,
        Interview.starts_at == fields.get("starts_at"),
        Interview.title == fields.get("title", ""),
    )
    if existing is not None:
        return existing
    interview = _new_interview(session, application, **fields)
    if interview_id:
        interview.id = interview_id
    session.commit()
    return interview


def update_interview(
    session: Session,
    interview: Interview,
    *,
    people: Iterable[ParsedPerson],
    starts_at: datetime | None,
    ends_at: datetime | None,
    **fields,
) -> None:
    """Change an interview; its people become exactly those listed."""
    for name, value in fields.items():
        if getattr(interview, name) != value:
            setattr(interview, name, value)
    if interview.starts_at != starts_at or interview.ends_at != ends_at:
        interview.starts_at, interview.ends_at = starts_at, ends_at
    wanted = [find_or_add_contact(session, interview.application, p) for p in people]
    if [c.id for c in interview.contacts] != [c.id for c in wanted]:
        interview.contacts = wanted
    session.commit()


def save_schedule(
    session: Session, application: Application, day: date, schedule: ParsedSchedule, tz: str
) -> list[Interview]:
    """Create one interview per parsed slot, in one transaction."""
    interviews = []
    for slot in schedule.slots:
        starts_at, ends_at = interview_times(day, slot.start, slot.end, tz)
        interviews.append(
            _new_interview(
                session,
                application,
                starts_at=starts_at,
                ends_at=ends_at,
                people=slot.people,
                title=slot.title,
            )
        )
    for person in schedule.people:  # the organizer: of the day, not of one slot
        find_or_add_contact(session, application, person)
    session.commit()
    return interviews


def add_contact(
    session: Session, application: Application, person: ParsedPerson, interview: Interview | None
) -> Contact:
    contact = find_or_add_contact(session, application, person)
    if interview is not None and contact not in interview.contacts:
        interview.contacts.append(contact)
    session.commit()
    return contact


def add_point(
    session: Session,
    contact: Contact,
    *,
    kind: str,
    body: str,
    interview_id: str | None,
    point_id: str | None = None,
) -> TalkingPoint:
    """A new point, saved once however often the form is sent (see `_resubmitted`; the
    offline fallback resends a POST whose answer was lost with the same `point_id`)."""
    same, point_id = _resubmitted(
        session,
        TalkingPoint,
        point_id,
        contact.user_id,
        TalkingPoint.contact_id == contact.id,
        TalkingPoint.kind == kind,
        TalkingPoint.body == body,
    )
    if same is not None:
        return same
    point = TalkingPoint(
        user_id=contact.user_id, contact=contact, kind=kind, body=body, interview_id=interview_id
    )
    if point_id:
        point.id = point_id
    session.add(point)
    session.commit()
    return point


def soft_delete(session: Session, obj) -> None:
    tombstone(obj, utcnow())
    session.commit()


def restore(session: Session, obj) -> None:
    obj.deleted_at = None
    session.commit()


def _dependants(obj) -> list:
    """What hangs under a record and goes (and comes back) with it."""
    if isinstance(obj, Application):
        return [*obj.interviews, *obj.contacts, *(p for c in obj.contacts for p in c.points)]
    if isinstance(obj, Contact):
        return list(obj.points)
    return []


def tombstone(obj, now: datetime) -> None:
    """Mark a record deleted with what hangs under it, without committing.

    Deletes are tombstones so that other devices learn of them when they pull.
    """
    for item in (*_dependants(obj), obj):
        if item.deleted_at is None:
            item.deleted_at = now


# How long a deleted application, interview or person can be brought back with "Undo".
UNDO_WINDOW = timedelta(hours=1)


def what_goes_with(obj) -> str:
    """What a delete takes along, in words: "with 2 interviews, 3 people and 5 points"."""
    if isinstance(obj, Application):
        contacts = live(obj.contacts)
        parts = [
            _count(len(live(obj.interviews)), "interview"),
            _count(len(contacts), "person", "people"),
            _count(sum(len(live(c.points)) for c in contacts), "talking point"),
        ]
    elif isinstance(obj, Contact):
        parts = [_count(len(live(obj.points)), "talking point")]
    else:
        return ""
    parts = [part for part in parts if not part.startswith("0 ")]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return "with " + listed


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def can_undo(obj, now: datetime) -> bool:
    return obj.deleted_at is not None and now - obj.deleted_at <= UNDO_WINDOW


def undo_delete(session: Session, obj) -> None:
    """Bring back a deleted record with what was deleted along with it (at the same moment);
    things deleted on their own before it stay deleted."""
    when = obj.deleted_at
    for item in (*_dependants(obj), obj):
        if item.deleted_at == when:
            item.deleted_at = None
    session.commit()


def delete_application(session: Session, application: Application) -> None:
    """Delete an application with its interviews, people and points."""
    tombstone(application, utcnow())
    session.commit()


def delete_contact(session: Session, contact: Contact) -> None:
    """Delete a person and their points."""
    tombstone(contact, utcnow())
    session.commit()


CONFLICT_CHOICES = {
    "keep_copy": "Use the other device's version",
    "keep_both": "Keep both",
    "discard": "Discard the other version",
}
# What a conflict copy does not carry over onto the record it conflicts with.
_RECORD_KEEPING = {
    "id", "user_id", "version", "change_seq", "created_at", "updated_at", "deleted_at",
    "conflict_of", "application_id", "contact_id",
}  # fmt: skip


def resolve_conflict(session: Session, copy, choice: str) -> None:
    """The user's choice about a record edited on two devices (see services/sync.py)."""
    original = session.get(type(copy), copy.conflict_of)
    if choice == "keep_copy" and original is not None and original.user_id == copy.user_id:
        for column in type(copy).__table__.columns:
            if column.key not in _RECORD_KEEPING:
                setattr(original, column.key, getattr(copy, column.key))
        original.deleted_at = None
        tombstone(copy, utcnow())
    elif choice == "discard":
        tombstone(copy, utcnow())
    else:
        # Keep both (or the original is gone): the copy becomes an ordinary record.
        copy.conflict_of = None
    session.commit()


@dataclass(frozen=True)
class Conflict:
    copy: object
    # (field, this version, the other device's version) for each field that differs.
    differences: list[tuple[str, str, str]]


def conflicts_among(items: Sequence) -> list[Conflict]:
    """The conflict copies among `items` still waiting for the user's choice."""
    by_id = {item.id: item for item in items}
    found = []
    for item in items:
        if item.conflict_of and item.deleted_at is None:
            found.append(Conflict(item, _differences(by_id.get(item.conflict_of), item)))
    return found


def _differences(original, copy) -> list[tuple[str, str, str]]:
    rows = []
    for column in type(copy).__table__.columns:
        key = column.key
        if key in _RECORD_KEEPING or key == "user_id":
            continue
        mine = "" if original is None else getattr(original, key)
        theirs = getattr(copy, key)
        if mine != theirs:
            rows.append((key.replace("_", " "), _shown(mine), _shown(theirs)))
    return rows


def _shown(value) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def copies_of(session: Session, application: Application) -> list[Application]:
    """Conflict copies of the application record itself."""
    return list(
        session.scalars(
            select(Application).where(
                Application.user_id == application.user_id,
                Application.conflict_of == application.id,
                Application.deleted_at.is_(None),
            )
        )
    )


def live(items: Sequence):
    return [item for item in items if item.is_live]


def interviews_with_people(session: Session, application: Application) -> list[Interview]:
    """The application's live interviews with their people, in two queries whatever the size."""
    return list(
        session.scalars(
            select(Interview)
            .where(Interview.application_id == application.id, Interview.is_live)
            .options(selectinload(Interview.contacts))
            .order_by(Interview.starts_at)
        )
    )


def point_counts(session: Session, contact_ids: Sequence[str]) -> dict[str, int]:
    """How many live talking points each contact has, in one query."""
    if not contact_ids:
        return {}
    rows = session.execute(
        select(TalkingPoint.contact_id, func.count())
        .where(TalkingPoint.contact_id.in_(contact_ids), TalkingPoint.is_live)
        .group_by(TalkingPoint.contact_id)
    )
    return dict(rows.all())


def todays_interviews(session: Session, user_id: int, tz: str, now: datetime) -> list[Interview]:
    """The user's interviews on their local today, earliest first."""
    start, end = day_bounds_utc(local_today(now, tz), tz)
    return list(
        session.scalars(
            select(Interview)
            .join(Application)
            .where(
                Interview.user_id == user_id,
                Interview.is_live,
                Application.is_live,
                Interview.starts_at >= start,
                Interview.starts_at < end,
            )
            .order_by(Interview.starts_at)
        )
    )


def current_interview(interviews: Sequence[Interview], now: datetime) -> Interview | None:
    """The interview going on now, else the last one that started, else the next one."""
    started = [i for i in interviews if i.starts_at and i.starts_at <= now]
    for interview in reversed(started):
        if interview.effective_end and now < interview.effective_end:
            return interview
    if started:
        return started[-1]
    return interviews[0] if interviews else None
