"""Pages that list people run a fixed number of SQL statements, however many people there are."""

import pytest
from sqlalchemy import event

from extensions import db
from models import Application, User
from services import capture
from services.schedule import ParsedPerson


def _add_people(app, how_many: int) -> str:
    with app.app_context():
        user = db.session.scalar(db.select(User))
        application = db.session.scalar(db.select(Application)) or capture.create_application(
            db.session, user.id, company="Acme", role="Dev"
        )
        capture.add_interview(
            db.session, application, starts_at=capture.utcnow(), ends_at=None,
            people=[ParsedPerson(name=f"Person {len(application.contacts) + n}")
                    for n in range(how_many)],
        )  # fmt: skip
        for contact in application.contacts:
            capture.add_point(db.session, contact, kind="topic", body="x", interview_id=None)
        return application.id


def _count(app, client, url: str) -> int:
    statements = []
    with app.app_context():
        engine = db.engine
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(statements)


@pytest.mark.parametrize("page", ["/applications/{id}", "/"])
def test_statements_do_not_grow_with_people(app, client, user, page):
    application_id = _add_people(app, 3)
    few = _count(app, client, page.format(id=application_id))
    _add_people(app, 12)
    many = _count(app, client, page.format(id=application_id))
    assert many == few
