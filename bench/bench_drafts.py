"""The review of drafts at home: the first open of a 7-person panel's page, one autosave, one
point saved on a 7-person panel, and the page at 200 people, each against a floor measured in
the same run (the same rows fetched and rendered bare, one bare UPDATE and commit for the
autosave, one bare INSERT and commit for the point).

The panels are made the way a user makes them, so whatever composing their notes costs is paid
where the app pays it: the 7-person panels through HTTP (application, pasted schedule, points),
the 200-person one through the services and the same `compose_due` the app runs after a
response (600 points over HTTP would take minutes, each one composing a panel of 200).

The app composes after the response, in its own thread (services.drafts_pending); each timed
request starts once the compositions of the requests before it are done, as they are when a
person types between saves, so a figure is one request's own server time.

Run alone: .venv/bin/python -m bench.bench_drafts
"""

import itertools
import re

from bench import report
from bench.apps import FAST_HASH, afterword, scratch_database
from bench.timing import at_most, median_seconds, row

FIRST_OPEN_RUNS = 10
AUTOSAVE_RUNS = 30
POINT_RUNS = 30
LARGE_RUNS = 5
HX = {"HX-Request": "true"}
FIRST = ("Dana", "Sam", "Alex", "Mina", "Omar", "Lena", "Tom", "Ines")
SURNAMES = ("Rivera", "Lee", "Kim", "Haddad", "Costa", "Berg", "Ward", "Sousa")
_names = itertools.count()


def _jots():
    from tests.jots import JOTS

    return itertools.cycle(JOTS)


def _panel_over_http(client, people: int = 7) -> str:
    """A new application whose panel (people - 1 interviewers and a recruiter, three jots
    each) is entered as a user would; returns its id."""
    from extensions import db
    from models import Application, Contact

    n = next(_names)
    response = client.post("/applications/new", data={
        "company": f"Acme {n}", "role": "Staff Engineer",
        "fit_points": "ten years of payments infrastructure\nled a kafka migration",
    })  # fmt: skip
    application_id = re.search(r"/applications/([0-9a-f-]{36})", response.headers["Location"])[1]
    # Names of letters only, new for every panel, so no composed text repeats an earlier one.
    tag = "".join(chr(ord("a") + int(d)) for d in str(n))
    lines = [f"{9 + i}:00 {FIRST[i]} {SURNAMES[i]}{tag}, Engineer" for i in range(people - 1)]
    lines.append(f"17:00 Priya Nair{tag} - Recruiter")
    client.post(f"/applications/{application_id}/schedule",
                data={"day": "2026-11-20", "confirm": "1", "text": "\n".join(lines)})  # fmt: skip
    with client.application.app_context():
        contact_ids = db.session.scalars(
            db.select(Contact.id).where(Contact.application_id == application_id)
        ).all()
        assert db.session.get(Application, application_id) is not None
    assert len(contact_ids) == people, contact_ids
    # Everyone has an address, as most panels do (someone without one gets no email draft).
    with client.application.app_context():
        for i, contact_id in enumerate(contact_ids):
            db.session.get(Contact, contact_id).email = f"p{i}@acme{n}.example"
        db.session.commit()
    jots = _jots()
    for contact_id in contact_ids:
        for kind, body in itertools.islice(jots, 3):
            client.post(f"/contacts/{contact_id}", data={"kind": kind, "body": body})
    _composed(client.application)
    return application_id


def _composed(app) -> None:
    """Wait until the app has composed every panel changed so far (untimed)."""
    from services import drafts_pending

    assert drafts_pending.of(app).wait(), "composing did not finish"


def _large_panel(app, user_id: int, people: int) -> str:
    """A panel of `people` with three jots each, composed once as a request's end would."""
    from extensions import db
    from models import User
    from services import capture, drafts
    from services.schedule import ParsedPerson

    with app.app_context():
        user = db.session.get(User, user_id)
        application = capture.create_application(db.session, user.id, company="Big", role="Dev")
        capture.add_interview(
            db.session, application, starts_at=capture.utcnow(), ends_at=None,
            people=[ParsedPerson(name=f"Person{n} Surname{n}") for n in range(people)],
        )  # fmt: skip
        jots = _jots()
        for contact in application.contacts:
            for kind, body in itertools.islice(jots, 3):
                capture.add_point(db.session, contact, kind=kind, body=body, interview_id=None)
        drafts.compose_due(db.session, drafts.take_due(db.session))
        return application.id


def _floor_page(app, application_id: str):
    """The same people, drafts and current texts fetched and rendered bare."""
    from flask import render_template_string
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from extensions import db
    from models import Contact, Draft

    bare = (
        "{% for c in contacts %}<li>{{ c.name }}</li>{% endfor %}"
        "{% for d in drafts %}<textarea>{{ d.versions[-1].body }}</textarea>{% endfor %}"
    )

    def floor():
        with app.app_context():
            contacts = db.session.scalars(
                select(Contact).where(Contact.application_id == application_id)
            ).all()
            found = db.session.scalars(
                select(Draft).where(Draft.contact_id.in_([c.id for c in contacts]))
                .options(selectinload(Draft.versions))
            ).all()  # fmt: skip
            with app.test_request_context():
                return render_template_string(bare, contacts=contacts, drafts=found)

    return floor


def _floor_save(app, draft_id: str):
    """One bare UPDATE of the draft's working text and a commit."""
    from sqlalchemy import func, select, update

    from extensions import db
    from models import DraftVersion

    counter = itertools.count()

    def floor():
        with app.app_context():
            number = db.session.scalar(
                select(func.max(DraftVersion.number)).where(DraftVersion.draft_id == draft_id)
            )
            db.session.execute(
                update(DraftVersion)
                .where(DraftVersion.draft_id == draft_id, DraftVersion.number == number)
                .values(body=f"Hi,\n\nfloor {next(counter)}")
            )
            db.session.commit()

    return floor


def _floor_point(app, contact_id: str):
    """One bare INSERT of a talking point and a commit."""
    from sqlalchemy import insert, select

    from extensions import db
    from models import Contact, TalkingPoint, new_id

    with app.app_context():
        user_id = db.session.scalar(select(Contact.user_id).where(Contact.id == contact_id))

    def floor():
        with app.app_context():
            db.session.execute(insert(TalkingPoint).values(
                id=new_id(), user_id=user_id, contact_id=contact_id, kind="topic",
                body="kafka migration for the ledger"))  # fmt: skip
            db.session.commit()

    return floor


def run() -> list[dict]:
    config = {"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
              "DRAFTS_COMPOSE": "background"}  # fmt: skip
    with scratch_database() as url, afterword(url, config) as app:
        return _rows(app)


def _rows(app) -> list[dict]:
    from werkzeug.security import generate_password_hash

    from extensions import db
    from models import Contact, Draft, User

    with app.app_context():
        user = User(email="drafts@example.com", name="Ana Ortiz",
                    password_hash=generate_password_hash("bench password", FAST_HASH))  # fmt: skip
        db.session.add(user)
        db.session.commit()
        user_id = user.id
    client = app.test_client()
    form = {"email": "drafts@example.com", "password": "bench password"}
    assert client.post("/login", data=form).status_code == 302

    # First open: a fresh panel each time (so no text is cached from an earlier one).
    fresh: list[str] = []

    def open_first():
        response = client.get(f"/applications/{fresh.pop()}/drafts")
        assert response.status_code == 200

    first_open = median_seconds(
        open_first,
        runs=FIRST_OPEN_RUNS,
        warmup=2,
        prepare=lambda: fresh.append(_panel_over_http(client)),
    )
    application_id = _panel_over_http(client)
    assert client.get(f"/applications/{application_id}/drafts").status_code == 200
    first_floor = median_seconds(_floor_page(app, application_id), runs=FIRST_OPEN_RUNS)

    # One autosave of an email, as htmx sends it while the user types.
    with app.app_context():
        draft_id = db.session.scalar(
            db.select(Draft.id)
            .join(Contact, Contact.id == Draft.contact_id)
            .where(Contact.application_id == application_id, Draft.channel == "email")
        )
    typed = itertools.count()

    def autosave():
        body = f"Hi,\n\nThank you for the conversation about kafka. {next(typed)}\n\nBest,\nAna"
        response = client.post(f"/drafts/{draft_id}/save",
                                data={"subject": "Thanks", "body": body}, headers=HX)  # fmt: skip
        assert response.status_code == 200

    save = median_seconds(autosave, runs=AUTOSAVE_RUNS)
    save_floor = median_seconds(_floor_save(app, draft_id), runs=AUTOSAVE_RUNS)

    # One talking point saved on a 7-person panel, as the capture page sends it; its panel is
    # composed after the answer (prepare waits for that, untimed).
    with app.app_context():
        contact_id = db.session.scalar(
            db.select(Contact.id).where(Contact.application_id == application_id)
        )
    jots = _jots()

    def save_point():
        kind, body = next(jots)
        response = client.post(f"/contacts/{contact_id}", data={"kind": kind, "body": body},
                               headers=HX)  # fmt: skip
        assert response.status_code == 200

    point = median_seconds(save_point, runs=POINT_RUNS, prepare=lambda: _composed(app))
    _composed(app)
    point_floor = median_seconds(_floor_point(app, contact_id), runs=POINT_RUNS)

    large_id = _large_panel(app, user_id, 200)
    large_url = f"/applications/{large_id}/drafts"
    assert client.get(large_url).status_code == 200
    large = median_seconds(lambda: client.get(large_url).data, runs=LARGE_RUNS, warmup=1)
    large_floor = median_seconds(_floor_page(app, large_id), runs=LARGE_RUNS, warmup=1)

    return [
        row("drafts page, first open, 7 people", first_open * 1000, first_floor * 1000, "ms",
            target=at_most(first_open * 1000, 300, "ms"),
            note="vs the same rows fetched and rendered bare"),
        row("drafts page, one autosave", save * 1000, save_floor * 1000, "ms",
            target=at_most(save * 1000, 30, "ms"), note="vs one bare UPDATE and commit"),
        row("one talking point saved, 7-person panel (composed after the answer)", point * 1000,
            point_floor * 1000, "ms", target=at_most(point * 1000, 60, "ms"),
            note="vs one bare INSERT and commit; composing in the request took ~190 ms"),
        row("drafts page, 200 people", large * 1000, large_floor * 1000, "ms",
            target=at_most(large * 1000, 1000, "ms"),
            note="vs the same rows fetched and rendered bare"),
    ]  # fmt: skip


if __name__ == "__main__":
    print(report.table(run()))
