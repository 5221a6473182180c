"""Thank-you drafts: composing them from the notes, keeping every version, tracking what is done.

Generated and edited text are versions of a draft; nothing the user wrote is ever replaced:
regenerating adds a version, and an edit either adds one or updates the user's own latest one.

Drafts are composed when the notes change, not when they are read. Any flush that writes an
application, a person, an interview, a talking point or the profile marks the drafts of the
panels it touches as outdated, in the same transaction (see `_mark_outdated`), so no path can
forget it: the full site, a sync push and an import alike. Once the request that made the
change has committed, the app's own thread composes each touched panel once, off the
request's path (`take_due`, `compose_due`, services.drafts_pending). Reading a panel only
composes when something got past that (a composition not run yet or failed, a change made
outside a request): see `ensure_drafts`.
"""

import difflib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import event, inspect, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from models import (
    Application,
    Contact,
    Draft,
    DraftVersion,
    Interview,
    TalkingPoint,
    User,
    utcnow,
)
from services import composer, deadlines, followups
from services.checker import DraftWarning, check_draft
from services.composer import channels
from services.mail import mailto_link
from services.pdf import card_fits_estimate

log = logging.getLogger("afterword.drafts")

CARD_SIZES_TO_CHECK = ("a6", "4x6", "folded")
# The marks a channel's `done_marks` may name: the draft's column, and the state before it.
DONE_FIELDS = {"sent": "sent_at", "written": "written_at", "posted": "posted_at"}
TO_DO = {"sent": "to send", "written": "to write", "posted": "to post"}
DONE_FIELDS["connected"] = "connected_at"
TO_DO["connected"] = "to connect"


def channels_for(contact: Contact) -> tuple[str, ...]:
    """The notes this person gets: no email without an address (the card still reaches them)."""
    return channels.for_role(contact.role, has_email=bool((contact.email or "").strip()))


def applies(draft: Draft) -> bool:
    """A draft is current while its person is live and still gets notes on its channel."""
    contact = draft.contact
    if draft.channel == followups.CODE:
        application = contact.application
        return (
            application.is_live
            and followups.wanted(application, live_contacts(application)) is contact
        )
    return (
        contact.is_live and contact.application.is_live and draft.channel in channels_for(contact)
    )


def live_contacts(application: Application) -> list[Contact]:
    return [c for c in application.contacts if c.is_live]


def _preload(session: Session, application: Application) -> None:
    """Load the panel's people with their interviews and points in three queries, not one per
    person: composing and the people list read them all."""
    contacts = selectinload(Application.contacts)
    session.scalars(
        select(Application)
        .where(Application.id == application.id)
        .options(contacts.selectinload(Contact.interviews), contacts.selectinload(Contact.points))
        .execution_options(populate_existing=True)
    ).all()


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
        linkedin_limit=user.linkedin_note_limit or 300,
    )


def compose(application: Application, user: User) -> dict[tuple[str, str], composer.ComposedDraft]:
    """Fresh text for every note of the application, keyed by (contact id, channel)."""
    job = composer.Job(
        company=application.company,
        role=application.role,
        fit_points=tuple(application.fit_list),
        day=followups.day_text(application, user.timezone),
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


def _wanted(application: Application) -> list[tuple[Contact, str]]:
    contacts = live_contacts(application)
    wanted = [(c, ch) for c in contacts for ch in channels_for(c)]
    recipient = followups.wanted(application, contacts)
    if recipient is not None:
        wanted.append((recipient, followups.CODE))
    return wanted


def ensure_drafts(
    session: Session, application: Application, user: User, *, compose_outdated: bool = True
) -> list[Draft]:
    """Every note of the application, in step with the notes.

    Normally this only reads: the panel was composed after the request that changed its notes.
    A panel with a note missing or marked outdated (its composition has not run yet, or failed)
    is composed here, once, so nobody reads a stale draft. The answer to an action on one draft
    (`compose_outdated=False`) shows what is there and leaves composing to the app's thread.
    """
    _preload_people(session, application)
    existing = load_drafts(session, application)
    wanted = _wanted(application)
    stale = any((c.id, ch) not in existing or existing[(c.id, ch)].outdated for c, ch in wanted)
    if stale and compose_outdated:
        log.info("composing on read application=%s", application.id)
        recompose(session, application, user)
        existing = load_drafts(session, application)
    return [existing[(c.id, ch)] for c, ch in wanted if (c.id, ch) in existing]


def _preload_people(session: Session, application: Application) -> None:
    """The panel's people with their interviews (their deadlines), in three queries; reading
    the drafts needs the points of the person shown only."""
    session.scalars(
        select(Application)
        .where(Application.id == application.id)
        .options(selectinload(Application.contacts).selectinload(Contact.interviews))
        .execution_options(populate_existing=True)
    ).all()


def recompose(session: Session, application: Application, user: User) -> bool:
    """Compose the whole panel once and bring its drafts in step (the composer works per
    panel, so no sentence is shared across it). Returns whether the drafts are now in step.

    A missing draft is created. A draft still as generated, and not yet sent or written, takes
    the new text; nothing the user wrote is touched, but an edited draft is marked `behind`
    when its notes would now compose something else.

    Composing takes a while (seconds for a panel of 200), so it runs without holding a lock;
    only writing the result does. The outdated marks are cleared only by a composition that saw
    the latest notes: under the lock it checks that nothing of the user's changed since it read
    them (every write of a note bumps the user's change counter, see models.stamp_changes), and
    composes again if something did. After a few tries it leaves the marks for the next one.
    """
    user_id = user.id
    for _attempt in range(COMPOSE_TRIES):
        seen = _notes_stamp(session, user_id)
        _preload(session, application)
        fresh = compose(application, session.get(User, user_id))
        _lock_notes(session, user_id)
        if _notes_stamp(session, user_id) != seen:
            session.rollback()
            continue
        _write(session, application, user_id, fresh)
        try:
            session.commit()
        except IntegrityError:
            # Another composition created the same drafts a moment ago: its drafts stand.
            session.rollback()
        return True
    # Each change that got in is composed by its own submission (or by the next read).
    log.info("notes kept changing while composing application=%s", application.id)
    return False


COMPOSE_TRIES = 3


def _notes_stamp(session: Session, user_id: int) -> tuple:
    """What a composition depends on beyond the panel's rows: the user's change counter (bumped
    by every write of an application, person, interview or point) and the profile it reads."""
    columns = [User.change_counter, *(getattr(User, name) for name in PROFILE_FIELDS)]
    return tuple(session.execute(select(*columns).where(User.id == user_id)).one())


def _lock_notes(session: Session, user_id: int) -> None:
    """Hold back every writer of this user's notes until this transaction ends.

    Writers bump the user's change counter in their flush, which waits on this row lock in
    PostgreSQL; in SQLite this first write takes the database's write lock. A SELECT ... FOR
    UPDATE would do for PostgreSQL only (SQLite ignores it), so this is a write of nothing.
    """
    session.execute(
        update(User)
        .where(User.id == user_id)
        .values(change_counter=User.change_counter)
        .execution_options(synchronize_session=False)
    )


def _write(
    session: Session,
    application: Application,
    user_id: int,
    fresh: dict[tuple[str, str], composer.ComposedDraft],
) -> None:
    """Bring the panel's drafts in step with `fresh`, read again under the lock (an autosave may
    have added a version since they were first read)."""
    existing = {
        (d.contact_id, d.channel): d
        for d in session.scalars(
            select(Draft)
            .where(Draft.contact_id.in_([c.id for c in live_contacts(application)] or [""]))
            .options(selectinload(Draft.versions))
            .execution_options(populate_existing=True)
        )
    }
    for contact, channel in _wanted(application):
        text = fresh.get((contact.id, channel))
        if text is None:
            continue
        draft = existing.get((contact.id, channel))
        if draft is None:
            draft = Draft(user_id=user_id, contact_id=contact.id, channel=channel)
            draft.versions.append(
                DraftVersion(number=1, source="generated", subject=text.subject, body=text.body)
            )
            session.add(draft)
        else:
            _follow(draft, text)
        draft.outdated = False


def _follow(draft: Draft, text: composer.ComposedDraft) -> None:
    current = draft.current
    if current is None or _same_text(current, text):
        draft.behind = False
    elif current.source == "generated":
        if not is_done(draft) and not draft.written_at:
            # Nobody has touched this text: it follows the notes in place, so a day of jots
            # (or one sync push) does not pile up versions the user never saw.
            current.subject, current.body, current.created_at = text.subject, text.body, utcnow()
        draft.behind = False
    else:
        last = next((v for v in reversed(draft.versions) if v.source == "generated"), None)
        draft.behind = not _same_text(last, text)


def _add_version(draft: Draft, source: str, subject: str, body: str) -> DraftVersion:
    number = (draft.versions[-1].number if draft.versions else 0) + 1
    version = DraftVersion(number=number, source=source, subject=subject, body=body)
    draft.versions.append(version)
    return version


def regenerate(session: Session, draft: Draft, application: Application, user: User):
    """Reset to generated: a new version from the current notes; older versions stay."""
    text = compose(application, user)[(draft.contact_id, draft.channel)]
    version = _generated(draft, text)
    draft.behind = False
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


# --- composing when notes change ---------------------------------------------------------------

# Profile fields the composer reads (services/drafts.profile_of).
PROFILE_FIELDS = (
    "name", "signature", "phone", "portfolio_url", "linkedin_url", "tone", "greeting_style",
    "linkedin_note_limit", "timezone",
)  # fmt: skip
_PENDING = "drafts.notes_changed"
_DUE = "drafts.compose_due"


@dataclass
class Changed:
    applications: set[str] = field(default_factory=set)
    contacts: set[str] = field(default_factory=set)
    users: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.applications or self.contacts or self.users)

    def add(self, other: "Changed") -> None:
        self.applications |= other.applications
        self.contacts |= other.contacts
        self.users |= other.users


def _changes_in(objects: Iterable[object]) -> Changed:
    changed = Changed()
    for obj in objects:
        if isinstance(obj, Application):
            changed.applications.add(obj.id)
        elif isinstance(obj, Contact | Interview):
            changed.applications.add(obj.application_id)
        elif isinstance(obj, TalkingPoint):
            changed.contacts.add(obj.contact_id)
        elif isinstance(obj, User) and obj.id is not None:
            state = inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in PROFILE_FIELDS):
                changed.users.add(obj.id)
    changed.applications.discard(None)
    changed.contacts.discard(None)
    return changed


def _panel_contacts(changed: Changed):
    """The ids of every person in a panel the change touches."""
    via_contacts = select(Contact.application_id).where(Contact.id.in_(changed.contacts))
    return select(Contact.id).where(
        or_(
            Contact.application_id.in_(changed.applications),
            Contact.application_id.in_(via_contacts),
        )
    )


@event.listens_for(Session, "after_flush")
def _mark_outdated(session: Session, _context) -> None:
    """Notes changed: mark their panels' drafts outdated in the same transaction."""
    changed = _changes_in([*session.new, *session.dirty, *session.deleted])
    if not changed:
        return
    connection = session.connection()
    if changed.applications or changed.contacts:
        connection.execute(
            update(Draft.__table__)
            .where(Draft.__table__.c.contact_id.in_(_panel_contacts(changed)))
            .values(outdated=True)
        )
    if changed.users:
        connection.execute(
            update(Draft.__table__)
            .where(Draft.__table__.c.user_id.in_(changed.users))
            .values(outdated=True)
        )
    session.info.setdefault(_PENDING, Changed()).add(changed)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending:
        session.info.setdefault(_DUE, Changed()).add(pending)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)


def take_due(session: Session) -> Changed | None:
    """What this session changed and committed that has not been composed yet, handed over
    once (to `compose_due`, now or after the response)."""
    return session.info.pop(_DUE, None) or None


def compose_changed(session: Session) -> int:
    """Compose now, once each, the open panels whose notes this session changed and committed."""
    due = take_due(session)
    return compose_due(session, due) if due else 0


def compose_due(session: Session, due: Changed) -> int:
    """Compose, once each, the open panels a change touched.

    A failure is logged and leaves the drafts marked outdated, so the next read composes them;
    the notes themselves are already saved. Returns how many panels were composed.
    """
    query = select(Application).where(
        Application.is_live,
        Application.closed_at.is_(None),
        or_(
            Application.id.in_(due.applications),
            Application.id.in_(select(Contact.application_id).where(Contact.id.in_(due.contacts))),
            # A profile change: every open panel of the user that has drafts to keep in step.
            Application.user_id.in_(due.users)
            & Application.id.in_(
                select(Contact.application_id).join(Draft, Draft.contact_id == Contact.id)
            ),
        ),
    )
    composed = 0
    try:
        found = [(a.id, a.user_id) for a in session.scalars(query)]
    except Exception:  # the notes are saved; the next read composes
        session.rollback()
        log.exception("finding panels to compose failed")
        return 0
    for application_id, user_id in found:
        try:
            application = session.get(Application, application_id)
            if recompose(session, application, session.get(User, user_id)):
                composed += 1
        except Exception:
            session.rollback()
            log.exception("composing failed application=%s", application_id)
    return composed


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
    """The furthest mark the draft has ("sent", "written", "posted"), else what is to do."""
    marks = channels.get(draft.channel).done_marks
    done = [mark for mark in marks if getattr(draft, DONE_FIELDS[mark])]
    return done[-1] if done else TO_DO[marks[0]]


DONE_FIELDS["connected"] = "connected_at"
TO_DO["connected"] = "to connect"


def is_done(draft: Draft) -> bool:
    return bool(getattr(draft, DONE_FIELDS[channels.get(draft.channel).done_mark]))


def contact_last_end(contact: Contact) -> datetime | None:
    return deadlines.last_interview_end(i.effective_end for i in contact.interviews if i.is_live)


def due_of(contact: Contact, channel: str) -> datetime | None:
    """A note's deadline: after the person's last interview, or for the follow-up, after the
    application's last interview by the application's own number of days."""
    if channel == followups.CODE:
        return followups.due_at(contact.application)
    return deadlines.due_at(channel, contact_last_end(contact))


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
    # A follow-up whose day has not come: a reply may still arrive, so it is not open yet.
    waiting: bool = False
    # A note the user may skip (a LinkedIn note): it never makes its person overdue.
    optional: bool = False

    @property
    def edited(self) -> bool:
        """The current text is the user's own: no generated version reads like it (restoring
        a generated version brings the draft back to "to write")."""
        current = self.draft.current
        return current.source != "generated" and not any(
            v.source == "generated" and (v.subject, v.body) == (current.subject, current.body)
            for v in self.draft.versions
        )


def _may_be_due(contact: Contact, channel: str) -> bool:
    """An optional note (a LinkedIn note) has a deadline only once its `due_if` field is known."""
    needed = channels.get(channel).due_if
    return not needed or bool(getattr(contact, needed, None))


def _view(draft: Draft, panel: Sequence[Draft], now: datetime, *, checked: bool) -> DraftView:
    """One draft's review; `checked` adds its warnings (they compare it with the rest of
    the panel) and the card-fit estimate, which the page needs only for the person shown."""
    contact = draft.contact
    version = draft.current
    due = due_of(contact, draft.channel) if _may_be_due(contact, draft.channel) else None
    done = is_done(draft)
    view = DraftView(
        draft=draft,
        contact=contact,
        subject=version.subject,
        body=version.body,
        due_at=due,
        countdown=deadlines.countdown(due, now),
        status=status(draft),
        done=done,
        stale=draft.behind and version.source != "generated",
        waiting=draft.channel == followups.CODE and followups.waiting(due, now),
        optional=channels.get(draft.channel).optional,
    )
    if not checked:
        return view
    # Once a note is sent (or posted) there is nothing left to check.
    if not done:
        others = [d.current.body for d in panel if d.contact_id != draft.contact_id and d.current]
        points = [p.body for p in contact.points if p.is_live]
        view.warnings = check_draft(
            channel=draft.channel, subject=version.subject, body=version.body,
            contact_name=contact.name, contact_email=contact.email, points=points,
            other_bodies=others, due_at=due, now=now, generic=not points,
        )  # fmt: skip
    channel = channels.get(draft.channel)
    if draft.channel == followups.CODE:
        view.warnings = followups.relevant(view.warnings)
    if channel.printed_as == "card":
        view.card_fits = {s: card_fits_estimate(version.body, s) for s in CARD_SIZES_TO_CHECK}
    if channel.needs_email:
        view.mailto = mailto_link(contact.email, version.subject, version.body)
    return view


def review(
    session: Session, application: Application, user: User, now: datetime
) -> list[DraftView]:
    """Every draft of the application with its deadline, status and warnings."""
    drafts = ensure_drafts(session, application, user)
    return [_view(draft, drafts, now, checked=True) for draft in drafts]


@dataclass
class PersonRow:
    """One person in the list to move between, with the state of their notes."""

    contact: Contact
    state: str  # "to write", "edited", "sent" or "overdue"
    notes: list[DraftView]

    @property
    def urgent(self) -> bool:
        return any(n.countdown.urgent and not n.done for n in self.notes)


PERSON_STATES = ("overdue", "to write", "edited", "sent")


def person_state(notes: Sequence[DraftView]) -> str:
    """Sent once every note is done; else overdue, edited or still to write, in that order."""
    open_notes = [n for n in notes if not n.done and not n.waiting and not n.optional]
    if not open_notes:
        return "sent"
    if any(n.countdown.overdue for n in open_notes):
        return "overdue"
    if any(n.edited for n in open_notes):
        return "edited"
    return "to write"


@dataclass
class Review:
    """The review page: everyone with their state, and one person's notes beside their drafts."""

    application: Application
    people: list[PersonRow]
    person: PersonRow | None
    views: list[DraftView]
    points: list[TalkingPoint]

    @property
    def counts(self) -> dict[str, int]:
        return {state: sum(p.state == state for p in self.people) for state in PERSON_STATES}

    def _neighbour(self, step: int) -> PersonRow | None:
        if self.person is None:
            return None
        index = self.people.index(self.person) + step
        return self.people[index] if 0 <= index < len(self.people) else None

    @property
    def previous(self) -> PersonRow | None:
        return self._neighbour(-1)

    @property
    def next(self) -> PersonRow | None:
        return self._neighbour(1)


# Warnings about the person, not the note: said once, under the first of their notes that has
# it, rather than under every one.
PERSON_WARNINGS = frozenset({"no_title", "title_from_notes", "name_unsure"})


def _once_per_person(views: list[DraftView]) -> None:
    said: set[str] = set()
    for view in views:
        kept = []
        for warning in view.warnings:
            if warning.code in PERSON_WARNINGS and warning.code in said:
                continue
            said.add(warning.code)
            kept.append(warning)
        view.warnings = kept


def review_person(
    session: Session,
    application: Application,
    user: User,
    now: datetime,
    contact_id: str | None = None,
    only: str | None = None,
) -> Review | None:
    """The review page for one person (by default the first with a note still open).

    Their drafts come with warnings and card fits; `only` (a draft id) limits those to the one
    draft an action re-renders, and then nothing is composed (the app's thread does that).
    None when `contact_id` names nobody on this panel.
    """
    drafts = ensure_drafts(session, application, user, compose_outdated=only is None)
    by_contact: dict[str, list[Draft]] = {}
    for draft in drafts:
        by_contact.setdefault(draft.contact_id, []).append(draft)
    people = []
    for contact in live_contacts(application):
        notes = [_view(d, drafts, now, checked=False) for d in by_contact.get(contact.id, [])]
        people.append(PersonRow(contact=contact, state=person_state(notes), notes=notes))
    if contact_id is not None:
        person = next((p for p in people if p.contact.id == contact_id), None)
        if person is None:
            return None
    else:
        person = next((p for p in people if p.state != "sent"), people[0] if people else None)
    views, points = [], []
    if person is not None:
        views = [
            _view(n.draft, drafts, now, checked=only in (None, n.draft.id)) for n in person.notes
        ]
        _once_per_person(views)
        person.notes = views
        points = [p for p in person.contact.points if p.is_live]
    return Review(application=application, people=people, person=person, views=views, points=points)


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
        .options(
            selectinload(Application.contacts).selectinload(Contact.interviews),
            selectinload(Application.interviews),
        )
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
    # Every note each person gets, and the follow-up after silence while it is not cancelled.
    for contact, channel in [pair for a in applications for pair in _wanted(a)]:
        if not _may_be_due(contact, channel):
            continue  # an optional note (LinkedIn) is due only once their profile is known
        draft = drafts.get((contact.id, channel))
        due = due_of(contact, channel)
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
