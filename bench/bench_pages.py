"""The application page with 10 people and 200 points: SQL statements per request (they must
not grow with the number of people) and time against a floor of the same rows fetched and
rendered bare, in the same run.

Run alone: .venv/bin/python -m bench.bench_pages
"""

from sqlalchemy import event

from bench import report
from bench.apps import FAST_HASH, afterword, scratch_database
from bench.timing import median_seconds, row

RUNS = 50


def _seed(app, people: int, points: int) -> tuple[str, int]:
    from extensions import db
    from models import User
    from services import capture
    from services.schedule import ParsedPerson

    with app.app_context():
        from werkzeug.security import generate_password_hash

        user = User(
            email=f"bench{people}@example.com",
            name="Bench",
            password_hash=generate_password_hash("bench password", FAST_HASH),
        )
        db.session.add(user)
        db.session.commit()
        application = capture.create_application(db.session, user.id, company="Acme", role="Dev")
        for slot in range(3):
            capture.add_interview(
                db.session, application, starts_at=capture.utcnow(), ends_at=None,
                people=[ParsedPerson(name=f"Person {n}") for n in range(slot, people, 3)],
            )  # fmt: skip
        contacts = application.contacts
        for n in range(points):
            capture.add_point(db.session, contacts[n % len(contacts)], kind="topic",
                              body=f"point {n} about kafka", interview_id=None)  # fmt: skip
        return application.id, user.id


def _statements(app, client, url: str) -> int:
    from extensions import db

    count = 0

    def counter(*_args):
        nonlocal count
        count += 1

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", counter)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    return count


def run() -> list[dict]:
    config = {"TESTING": True, "WTF_CSRF_ENABLED": False}
    with scratch_database() as url, afterword(url, config) as app:
        return _rows(app)


def _rows(app) -> list[dict]:
    from flask import render_template_string
    from sqlalchemy import select

    from extensions import db
    from models import Contact, TalkingPoint

    small_id, _ = _seed(app, people=10, points=200)
    large_id, _ = _seed(app, people=20, points=400)
    client = app.test_client()

    def sign_in(people: int):
        form = {"email": f"bench{people}@example.com", "password": "bench password"}
        assert client.post("/login", data=form).status_code == 302

    sign_in(20)
    statements_large = _statements(app, client, f"/applications/{large_id}")
    sign_in(10)
    statements_small = _statements(app, client, f"/applications/{small_id}")
    url = f"/applications/{small_id}"
    value = median_seconds(lambda: client.get(url).data, runs=RUNS)

    bare = "{% for c in contacts %}<li>{{ c.name }} {{ c.title }} {{ c.n }}</li>{% endfor %}"

    def floor_page():
        with app.app_context():
            contacts = db.session.scalars(
                select(Contact).where(Contact.application_id == small_id)).all()  # fmt: skip
            rows = db.session.execute(
                select(TalkingPoint.contact_id, db.func.count()).group_by(TalkingPoint.contact_id)
            ).all()
            counts = dict(rows)
            with app.test_request_context():
                return render_template_string(bare, contacts=[
                    {"name": c.name, "title": c.title, "n": counts.get(c.id, 0)} for c in contacts
                ])  # fmt: skip

    floor = median_seconds(floor_page, runs=RUNS)
    return [
        row("application page, SQL statements with 10 people", statements_small,
            statements_large, "queries", target="must not grow with people",
            note=f"floor column = same page with 20 people: {statements_large}"),
        row("application page, 10 people / 200 points", value * 1000, floor * 1000, "ms",
            note="vs bare query and render of the same rows"),
    ]  # fmt: skip


if __name__ == "__main__":
    print(report.table(run()))
