"""Test data built through the services, not over HTTP: users, applications, interviews, people,
talking points and drafts, with defaults that make a plausible panel.

Every function needs an app context and uses `db.session`; each commits, as the service it
calls does. Tests of a view build their state here and spend their HTTP requests on the view
under test; one end-to-end flow per area still builds its state through the pages (for the
panel: tests/test_factories.py checks the two ways build the same account).
"""

from datetime import date, datetime

from flask import current_app, session
from flask_login import login_user

from extensions import db
from models import Application, Contact, Interview, TalkingPoint, User
from services import accounts, capture, drafts
from services.review import review_paste, save_review
from services.schedule import ParsedPerson

PASSWORD = "correct horse battery"

# The panel of tests/conftest.py's `panel` fixture, as the schedule page is given it.
PANEL_DAY = date(2026, 11, 21)
PANEL_SCHEDULE = (
    "10:00 Dana Rivera, Engineering Manager\n"
    "11:30-12:15 Sam Lee (Staff Engineer), Priya Nair - Recruiter"
)


def make_user(
    email: str = "ana@example.com",
    *,
    name: str = "Ana Ortiz",
    password: str = PASSWORD,
    timezone: str = "UTC",
    **profile,
) -> User:
    """An account, registered as the sign-up page registers it (with the app's hash method)."""
    user = accounts.register(
        db.session,
        email=email,
        password=password,
        name=name,
        timezone=timezone,
        method=current_app.config["PASSWORD_HASH_METHOD"],
    )
    if profile:
        capture.update_fields(db.session, user, **profile)
    db.session.refresh(user)  # loaded, so it can be read after the app context ends
    return user


def sign_in(client, user: User) -> None:
    """Sign `user` in on `client` as the sign-in page does (Flask-Login's login_user), without
    a request: the session cookie the client sends next carries the same keys."""
    app = client.application
    with app.test_request_context(environ_base=client.environ_base):
        login_user(user)
        keys = dict(session)
    with client.session_transaction() as cookie:
        cookie.clear()
        cookie.update(keys)


def make_application(
    user: User | int, company: str = "Acme", role: str = "Staff Engineer", **fields
) -> Application:
    user_id = user if isinstance(user, int) else user.id
    return capture.create_application(db.session, user_id, company=company, role=role, **fields)


def make_schedule(
    application: Application,
    text: str = PANEL_SCHEDULE,
    day: date = PANEL_DAY,
) -> list[Interview]:
    """A pasted day of interviews, read and saved as the schedule page saves it."""
    user = db.session.get(User, application.user_id)
    review = review_paste(
        text, day=day, candidate=(user.name, user.email), company=application.company
    )
    assert not review.errors, review.errors
    save_review(db.session, application, review, user.timezone)
    return list(capture.live(application.interviews))


def make_interview(
    application: Application,
    *people: str | ParsedPerson,
    starts_at: datetime | None = datetime(2026, 11, 21, 10, 0),
    ends_at: datetime | None = None,
    **fields,
) -> Interview:
    """One interview with its people ("Name" or ParsedPerson), matched to existing contacts."""
    parsed = [ParsedPerson(name=p) if isinstance(p, str) else p for p in people]
    return capture.add_interview(
        db.session, application, starts_at=starts_at, ends_at=ends_at, people=parsed, **fields
    )


def make_contact(
    application: Application,
    name: str = "Dana Rivera",
    *,
    title: str = "",
    role: str = "interviewer",
    email: str = "",
    interview: Interview | None = None,
    **fields,
) -> Contact:
    """A person of the application (the same name gives the same person), with any other
    fields (phone, linkedin_url, postal_address, got_card...) saved as the edit page saves."""
    person = ParsedPerson(name=name, title=title, role=role, email=email)
    contact = capture.add_contact(db.session, application, person, interview)
    if fields:
        capture.update_fields(db.session, contact, **fields)
    return contact


def make_point(
    contact: Contact,
    body: str = "kafka migration for the payments ledger",
    *,
    kind: str = "topic",
    interview: Interview | None = None,
) -> TalkingPoint:
    return capture.add_point(
        db.session,
        contact,
        kind=kind,
        body=body,
        interview_id=interview.id if interview else None,
    )


def compose_drafts(application: Application) -> list:
    """The application's drafts, composed as the end of a request that changed its notes
    composes them."""
    drafts.compose_changed(db.session)
    application = db.session.get(Application, application.id)
    return drafts.ensure_drafts(db.session, application, db.session.get(User, application.user_id))


def make_panel(user: User | int) -> tuple[str, dict[str, str]]:
    """Acme with Dana (2 points), Sam (none) and Priya the recruiter, each with an address,
    interviewed on 21 Nov, drafts composed: what the `panel` fixture's pages used to build.
    Returns the application's id and the people's ids by name."""
    application = make_application(
        user, fit_points="ten years of payments infrastructure", role="Staff Engineer"
    )
    make_schedule(application)
    contacts = {c.name: c for c in capture.live(application.contacts)}
    dana = contacts["Dana Rivera"]
    make_point(dana, "kafka migration for the payments ledger")
    make_point(dana, "send the link to my talk https://example.com/talk?id=7&x=1", kind="promise")
    capture.update_fields(db.session, dana, role="interviewer", email="dana@acme.example")
    # Everyone has an address here, so each gets an email or wrap-up; people without one
    # (a card only, thanks passed on by the recruiter) have their own tests.
    capture.update_fields(db.session, contacts["Sam Lee"], email="sam@acme.example")
    capture.update_fields(db.session, contacts["Priya Nair"], email="priya@acme.example")
    compose_drafts(application)
    return application.id, {name: c.id for name, c in contacts.items()}
