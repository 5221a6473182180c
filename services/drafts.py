"""Thank-you drafts: composing them from the notes, keeping every version, tracking what is done.

Generated and edited text are versions of a draft; nothing the user wrote is ever replaced:
regenerating adds a version, and an edit either adds one or updates the user's own latest one.
"""

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from models import Application, Contact, Draft, DraftVersion, User, utcnow
from services import composer, deadlines
from services.checker import DraftWarning, check_draft
from services.composer import channels
from services.mail import mailto_link
from services.pdf import card_fits

CARD_SIZES_TO_CHECK = ("a6", "4x6", "folded")
DONE_FIELDS = {"sent": "sent_at", "written": "written_at", "posted": "posted_at"}


def channels_for(contact: Contact) -> tuple[str, ...]:
    return channels.for_role(contact.role)


def applies(draft: Draft) -> bool:
    """A draft is current while its person is live and still gets notes on its channel."""
    contact = draft.contact
    return (
        contact.is_live and contact.application.is_live and draft.channel in channels_for(contact)
    )


def live_contacts(application: Application) -> list[Contact]:
    return [c for c in application.contacts if c.is_live]


def _person(contact: Contact) -> composer.Person:
    interviews = [i for i in contact.interviews if i.is_live]
    return composer.Person(
        id=contact.id,
        name=contact.name,
        role=contact.role,
        title=contact.title,
        email=contact.email,
        points=tuple(
            composer.Point(
                kind=p.kind, body=p.body, reading=p.reading if p.reading_edited else "", id=p.id
            )
            for p in contact.points
            if p.is_live
        ),
        interview_titles=tuple(i.title for i in interviews if i.title),
        greeting_style=contact.greeting_style,
    )


def profile_of(user: User) -> composer.Profile:
    return composer.Profile(
        name=user.name or user.display_name,
        signature=user.signature,
        phone=user.phone,
        portfolio_url=user.portfolio_url,
        linkedin_url=user.linkedin_url,
        tone=user.tone,
        greeting_style=user.greeting_style,
    )


def compose(application: Application, user: User) -> dict[tuple[str, str], composer.ComposedDraft]:
    """Fresh text for every note of the application, keyed by (contact id, channel)."""
    job = composer.Job(
        company=application.company, role=application.role, fit_points=tuple(application.fit_list)
    )
    people = [_person(c) for c in live_contacts(application)]
    composed = composer.compose_panel(job, people, profile_of(user))
    return {(d.contact_id, d.channel): d for d in composed}


def load_drafts(session: Session, application: Application) -> dict[tuple[str, str], Draft]:
    ids = [c.id for c in live_contacts(application)]
    if not ids:
        return {}
    drafts = session.scalars(
        select(Draft).where(Draft.contact_id.in_(ids)).options(selectinload(Draft.versions))
    )
    return {(d.contact_id, d.channel): d for d in drafts}


def ensure_drafts(session: Session, application: Application, user: User) -> list[Draft]:
    """Every note of the application, composing and saving the ones that do not exist yet."""
    existing = load_drafts(session, application)
    wanted = [(c, ch) for c in live_contacts(application) for ch in channels_for(c)]
    missing = [(c, ch) for c, ch in wanted if (c.id, ch) not in existing]
    if missing:
        fresh = compose(application, user)
        for contact, channel in missing:
            text = fresh[(contact.id, channel)]
            draft = Draft(user_id=user.id, contact_id=contact.id, channel=channel)
            draft.versions.append(
                DraftVersion(number=1, source="generated", subject=text.subject, body=text.body)
            )
            session.add(draft)
            existing[(contact.id, channel)] = draft
        try:
            session.commit()
        except IntegrityError:
            # Another request composed the same drafts a moment ago: use those.
            session.rollback()
            existing = load_drafts(session, application)
    return [existing[(c.id, ch)] for c, ch in wanted]


def _add_version(draft: Draft, source: str, subject: str, body: str) -> DraftVersion:
    number = (draft.versions[-1].number if draft.versions else 0) + 1
    version = DraftVersion(number=number, source=source, subject=subject, body=body)
    draft.versions.append(version)
    return version


def regenerate(session: Session, draft: Draft, application: Application, user: User):
    """Reset to generated: a new version from the current notes; older versions stay."""
    text = compose(application, user)[(draft.contact_id, draft.channel)]
    version = _generated(draft, text)
    session.commit()
    return version


def _generated(draft: Draft, text: composer.ComposedDraft) -> DraftVersion:
    """The draft's current version if it already is this generated text, else a new one."""
    current = draft.current
    if current and current.source == "generated" and _same_text(current, text):
        return current
    return _add_version(draft, "generated", text.subject, text.body)


def _same_text(version: DraftVersion | None, text: composer.ComposedDraft) -> bool:
    return version is not None and (version.subject, version.body) == (text.subject, text.body)


def refresh_untouched(
    session: Session, drafts: Sequence[Draft], application: Application, user: User
) -> set[str]:
    """Keep drafts the user never edited in step with their notes and profile.

    A draft still as generated, and not yet sent or written, gets a new generated version
    when the notes, the people or the profile would now compose it differently; nothing the
    user wrote is touched. Returns the ids of edited drafts whose notes have moved on since.
    """
    fresh = compose(application, user)
    stale = set()
    for draft in drafts:
        text = fresh.get((draft.contact_id, draft.channel))
        current = draft.current
        if text is None or current is None or _same_text(current, text):
            continue
        if current.source == "generated" and not is_done(draft) and not draft.written_at:
            _generated(draft, text)
        elif current.source != "generated":
            last = next((v for v in reversed(draft.versions) if v.source == "generated"), None)
            if not _same_text(last, text):
                stale.add(draft.id)
    session.commit()
    return stale


def save_edit(session: Session, draft: Draft, subject: str, body: str) -> DraftVersion:
    """Autosave: the user's working copy is their latest edited version, or a new one."""
    current = draft.current
    if current and (current.subject, current.body) == (subject, body):
        return current
    if current and current.source == "edited":
        current.subject, current.body, current.created_at = subject, body, utcnow()
        version = current
    else:
        version = _add_version(draft, "edited", subject, body)
    session.commit()
    return version


def restore(session: Session, draft: Draft, number: int) -> DraftVersion | None:
    """Make an older version current again, as a new version."""
    old = next((v for v in draft.versions if v.number == number), None)
    if old is None:
        return None
    if old is draft.current:
        return old
    version = _add_version(draft, "restored", old.subject, old.body)
    session.commit()
    return version


def mark(session: Session, draft: Draft, what: str, done: bool, now: datetime) -> None:
    """Tick (or untick) sent, written or posted."""
    setattr(draft, DONE_FIELDS[what], now if done else None)
    session.commit()


def status(draft: Draft) -> str:
    if draft.channel == "card":
        return "posted" if draft.posted_at else "written" if draft.written_at else "to write"
    return "sent" if draft.sent_at else "to send"


def is_done(draft: Draft) -> bool:
    return bool(getattr(draft, DONE_FIELDS[channels.get(draft.channel).done_mark]))


def contact_last_end(contact: Contact) -> datetime | None:
    return deadlines.last_interview_end(i.effective_end for i in contact.interviews if i.is_live)


@dataclass
class DraftView:
    draft: Draft
    contact: Contact
    subject: str
    body: str
    due_at: datetime | None
    countdown: deadlines.Countdown
    status: str
    done: bool
    warnings: list[DraftWarning] = field(default_factory=list)
    mailto: str = ""
    card_fits: dict[str, bool] = field(default_factory=dict)
    # The user edited this draft, and their notes or profile have changed since.
    stale: bool = False


def review(
    session: Session, application: Application, user: User, now: datetime
) -> list[DraftView]:
    """Every draft of the application with its deadline, status and warnings."""
    drafts = ensure_drafts(session, application, user)
    stale = refresh_untouched(session, drafts, application, user)
    views = []
    for draft in drafts:
        contact = draft.contact
        version = draft.current
        due = deadlines.due_at(draft.channel, contact_last_end(contact))
        done = is_done(draft)
        others = [d.current.body for d in drafts if d.contact_id != draft.contact_id and d.current]
        warnings = check_draft(
            channel=draft.channel,
            subject=version.subject,
            body=version.body,
            contact_name=contact.name,
            contact_email=contact.email,
            points=[p.body for p in contact.points if p.is_live],
            other_bodies=others,
            due_at=None if done else due,
            now=now,
            generic=not any(p.is_live for p in contact.points),
        )
        views.append(
            DraftView(
                draft=draft,
                contact=contact,
                subject=version.subject,
                body=version.body,
                due_at=due,
                countdown=deadlines.countdown(due, now),
                status=status(draft),
                done=done,
                # Once a note is sent (or posted) there is nothing left to check.
                warnings=[] if done else warnings,
                stale=draft.id in stale,
                mailto=mailto_link(contact.email, version.subject, version.body)
                if draft.channel != "card"
                else "",
                card_fits={size: card_fits(version.body, size) for size in CARD_SIZES_TO_CHECK}
                if draft.channel == "card"
                else {},
            )
        )
    return views


@dataclass
class DueItem:
    application: Application
    contact: Contact
    channel: str
    due_at: datetime | None
    countdown: deadlines.Countdown
    done: bool


def due_items(session: Session, user_id: int, now: datetime) -> list[DueItem]:
    """Every note of every open application, most urgent first, done ones last."""
    applications = session.scalars(
        select(Application)
        .where(
            Application.user_id == user_id,
            Application.is_live,
            Application.closed_at.is_(None),
        )
        .options(selectinload(Application.contacts).selectinload(Contact.interviews))
    ).all()
    return _due(session, applications, now)


def due_items_of(session: Session, application: Application, now: datetime) -> list[DueItem]:
    """The notes of one application, most urgent first."""
    return _due(session, [application], now)


def _due(session: Session, applications: Sequence[Application], now: datetime) -> list[DueItem]:
    contacts = [c for a in applications for c in live_contacts(a)]
    found = session.scalars(select(Draft).where(Draft.contact_id.in_([c.id for c in contacts])))
    drafts = {(d.contact_id, d.channel): d for d in found} if contacts else {}
    items = []
    for contact in contacts:
        last_end = contact_last_end(contact)
        for channel in channels_for(contact):
            draft = drafts.get((contact.id, channel))
            due = deadlines.due_at(channel, last_end)
            items.append(
                DueItem(
                    application=contact.application,
                    contact=contact,
                    channel=channel,
                    due_at=due,
                    countdown=deadlines.countdown(due, now),
                    done=bool(draft and is_done(draft)),
                )
            )
    items.sort(key=lambda item: (item.done, item.due_at or datetime.max, item.contact.name))
    return items


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs between two versions: op is "same", "removed" or "added"."""
    # Whitespace runs are tokens too, so line breaks survive and joining restores the text.
    old_words, new_words = re.findall(r"\s+|\S+", old), re.findall(r"\s+|\S+", new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("same", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", "".join(old_words[i1:i2])))
        if j2 > j1:
            runs.append(("added", "".join(new_words[j1:j2])))
    return runs
