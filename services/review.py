"""The review step between reading a day (a paste or an invite) and saving it.

What was read becomes rows the user can untick, rename, re-role or move to another slot; the
review form posts those rows back, and `save_review` writes them. Saving is idempotent: each
slot carries a key fixed when it was read, and an interview's id is derived from the
application and that key, so Back + Save again, or a double submit, creates nothing twice.
"""

import hashlib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import CONTACT_ROLES, NAME_MAX, Application, Contact, Interview
from services.capture import interview_times, matching_contact
from services.invites import InviteError, read_invite
from services.schedule import ParsedSchedule, detect_role, parse_person, parse_schedule

MAX_ROWS = 200
_TITLE_MAX = 200
_EMAIL_MAX = 254
_LOCATION_MAX = 300
_NAMESPACE = uuid.UUID("6f1c8f0e-2b7e-4f55-9b39-5b9e7a0c1d11")


@dataclass
class ReviewSlot:
    key: str
    day: date | None
    start: time | None
    end: time | None
    title: str = ""
    location: str = ""
    keep: bool = True
    error: str = ""
    saved: bool = False  # saved before: saving again leaves it as it is


@dataclass
class ReviewPerson:
    name: str
    title: str = ""
    role: str = "interviewer"
    email: str = ""
    slot: int | None = None  # index into the slots; None: of the day, in no one slot
    keep: bool = True
    line: str = ""  # for a line that was not read: the line itself
    error: str = ""


@dataclass
class Review:
    slots: list[ReviewSlot] = field(default_factory=list)
    people: list[ReviewPerson] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [row.error for row in [*self.slots, *self.people] if row.error]

    @property
    def unread(self) -> list[ReviewPerson]:
        return [p for p in self.people if p.line]


def review_of(schedule: ParsedSchedule, day: date, source: str) -> Review:
    """Rows for what was read; `source` ("paste:<digest>" or "ics") makes the slots' keys."""
    review = Review()
    for index, slot in enumerate(schedule.slots):
        key = slot.key or f"{source}:{day.isoformat()}:{index}:{slot.line}"
        review.slots.append(
            ReviewSlot(
                key=key[:500],
                day=slot.day or day,
                start=slot.start,
                end=slot.end,
                title=slot.title,
                location=slot.location,
            )
        )
        for person in slot.people:
            review.people.append(_row(person, index))
    for person in schedule.people:
        review.people.append(_row(person, None))
    for line in schedule.unparsed:
        guess = parse_person(line)
        review.people.append(
            ReviewPerson(
                name=guess.name if guess else "",  # a guess to start from; the rest is typed
                role="other",
                slot=len(schedule.slots) - 1 if schedule.slots else None,
                keep=False,
                line=line[:500],
            )
        )
    return review


def review_invite(data: bytes, *, day: date, candidate: Iterable[str], tz: str) -> Review:
    """Rows for a calendar invite. Raises InviteError, whose message is for the user."""
    schedule = read_invite(data, candidate=candidate, tz=tz)
    if not schedule.slots:
        reasons = "; ".join(schedule.unparsed) or "it has no event with a start time"
        raise InviteError(f"That invite has no interview to add: {reasons}.")
    return review_of(schedule, day, "ics")


def review_paste(text: str, *, day: date, candidate: Iterable[str], company: str) -> Review:
    """Rows for a pasted itinerary. Raises ValueError, whose message is for the user."""
    schedule = parse_schedule(text, candidate=candidate, company=company)
    if not schedule.slots and not schedule.people:
        raise ValueError(
            "No line had a name we could read. Try one line per slot, "
            "like “10:00 Dana Rivera, Engineering Manager”."
        )
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return review_of(schedule, day, f"paste:{digest}")


def _row(person, slot: int | None) -> ReviewPerson:
    return ReviewPerson(
        name=person.name, title=person.title, role=person.role, email=person.email, slot=slot
    )


# --- reading the posted form ---------------------------------------------------------------------


def _get(form: Mapping[str, str], name: str, limit: int) -> str:
    return " ".join(str(form.get(name, "")).split())[:limit]


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _time(value: str) -> time | None:
    try:
        return time.fromisoformat(value).replace(second=0, microsecond=0)
    except ValueError:
        return None


def read_review(form: Mapping[str, str]) -> Review:
    """The rows as posted: slot-N-* and person-N-* fields, each row checked on its own."""
    review = Review()
    for index in range(MAX_ROWS):
        prefix = f"slot-{index}-"
        if f"{prefix}key" not in form:
            break
        slot = ReviewSlot(
            key=str(form.get(f"{prefix}key", ""))[:500],
            day=_date(str(form.get(f"{prefix}day", ""))),
            start=_time(str(form.get(f"{prefix}start", ""))),
            end=_time(str(form.get(f"{prefix}end", ""))),
            title=_get(form, f"{prefix}title", _TITLE_MAX),
            location=_get(form, f"{prefix}location", _LOCATION_MAX),
            keep=bool(form.get(f"{prefix}keep")),
        )
        if slot.keep and slot.day is None:
            slot.error = "Pick the day of this interview."
        elif slot.keep and slot.end and slot.start and slot.end <= slot.start:
            slot.error = "The end must be after the start."
        review.slots.append(slot)
    for index in range(MAX_ROWS * 4):
        prefix = f"person-{index}-"
        if f"{prefix}name" not in form:
            break
        slot_value = str(form.get(f"{prefix}slot", ""))
        slot = int(slot_value) if slot_value.isdigit() else None
        role = str(form.get(f"{prefix}role", ""))
        person = ReviewPerson(
            name=_get(form, f"{prefix}name", NAME_MAX + 1),
            title=_get(form, f"{prefix}title", _TITLE_MAX),
            role=role if role in CONTACT_ROLES else "interviewer",
            email=_get(form, f"{prefix}email", _EMAIL_MAX),
            slot=slot if slot is not None and slot < len(review.slots) else None,
            keep=bool(form.get(f"{prefix}keep")),
            line=str(form.get(f"{prefix}line", ""))[:500],
        )
        if person.keep and not person.name:
            person.error = "Type this person's name, or untick them."
        elif person.keep and len(person.name) > NAME_MAX:
            person.error = f"Keep the name under {NAME_MAX} characters."
        elif person.keep and person.slot is not None and not review.slots[person.slot].keep:
            person.error = "Their slot is unticked: move them to another slot or untick them too."
        review.people.append(person)
    return review


# --- saving -----------------------------------------------------------------------------------


def mark_saved(session: Session, application: Application, review: Review) -> Review:
    """Say which slots were saved before (Back, then read again), so the page can tell."""
    ids = {interview_id(application, slot.key): slot for slot in review.slots}
    found = session.scalars(
        select(Interview.id).where(
            Interview.id.in_(list(ids)),
            Interview.application_id == application.id,
            Interview.deleted_at.is_(None),
        )
    )
    for identifier in found:
        ids[identifier].saved = True
    return review


def interview_id(application: Application, key: str) -> str:
    """The same slot of the same application always has the same interview id."""
    return str(uuid.uuid5(_NAMESPACE, f"{application.id}\x00{key}"))


@dataclass
class Saved:
    created: int = 0  # interviews
    already: int = 0  # interviews saved before (Back + Save again)
    people: int = 0  # contacts created


def save_review(session: Session, application: Application, review: Review, tz: str) -> Saved:
    """Create the ticked slots and people; what was saved before is not created again."""
    try:
        return _save(session, application, review, tz)
    except IntegrityError:
        # A double submit racing this one saved the same rows first: read them again.
        session.rollback()
        return _save(session, application, review, tz)


def _save(session: Session, application: Application, review: Review, tz: str) -> Saved:
    saved = Saved()
    interviews: dict[int, Interview] = {}
    left: set[int] = set()  # slots saved before: left as they are, people included
    for index, slot in enumerate(review.slots):
        if not slot.keep or slot.day is None:
            continue
        wanted = interview_id(application, slot.key)
        interview = session.get(Interview, wanted)
        if interview is not None and interview.user_id != application.user_id:
            interview = None  # never another account's row, however the key was made
            wanted = str(uuid.uuid4())
        if interview is not None and interview.application_id == application.id:
            if interview.deleted_at is not None:
                interview.deleted_at = None  # deleted since: the import brings it back
                saved.created += 1
            else:
                saved.already += 1
                left.add(index)
        else:
            starts_at, ends_at = interview_times(slot.day, slot.start, slot.end, tz)
            interview = Interview(
                id=wanted,
                user_id=application.user_id,
                application=application,
                starts_at=starts_at,
                ends_at=ends_at,
                title=slot.title,
                location=slot.location,
                format=_format(slot.location),
            )
            session.add(interview)
            saved.created += 1
        interviews[index] = interview
    nothing_new = bool(left) and len(left) == len(interviews)
    for person in review.people:
        if not person.keep or not person.name:
            continue
        if person.slot is not None and (person.slot not in interviews or person.slot in left):
            continue
        if person.slot is None and nothing_new:
            continue
        contact = _contact(session, application, person, saved)
        interview = interviews.get(person.slot) if person.slot is not None else None
        if interview is not None and contact not in interview.contacts:
            interview.contacts.append(contact)
    session.commit()
    return saved


def _format(location: str) -> str:
    """A place that is only a link is a video call."""
    return "video" if location.startswith("https://") else "onsite"


def _contact(session: Session, application: Application, person: ReviewPerson, saved: Saved):
    contact = matching_contact(application, person)
    if contact is not None:
        return contact
    wanted = " ".join(person.name.split()).casefold()
    contact_id = str(uuid.uuid5(_NAMESPACE, f"{application.id}\x00contact\x00{wanted}"))
    existing = session.get(Contact, contact_id)
    if (
        existing is not None
        and existing.application_id == application.id
        and existing.deleted_at is not None
    ):
        existing.deleted_at = None  # deleted since: the import brings them back
        return existing
    contact = Contact(
        id=contact_id if existing is None else str(uuid.uuid4()),
        user_id=application.user_id,
        application=application,
        name=person.name,
        title=person.title,
        role=person.role if person.role in CONTACT_ROLES else detect_role(person.title),
        email=person.email,
    )
    session.add(contact)
    saved.people += 1
    return contact
