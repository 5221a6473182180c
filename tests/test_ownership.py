"""Every URL of the app that names an object answers 404 to anyone but its owner."""

import pytest

from extensions import db
from models import Application, Contact, Draft, Interview, TalkingPoint
from services import capture
from services.schedule import ParsedPerson
from tests.conftest import AuthActions

# Rules that take no object id, or that only serve public files (a reset link's token is
# its own proof, tested in test_recovery.py).
PUBLIC = {"static", "auth.reset_password"}


@pytest.fixture
def owned_ids(app, client):
    """Ana's application with an interview, a person, a point and a draft; then Ben signs in."""
    auth = AuthActions(client)
    auth.register()
    with app.app_context():
        from models import User

        ana = db.session.scalar(db.select(User))
        application = capture.create_application(db.session, ana.id, company="Acme", role="Dev")
        interview = capture.add_interview(
            db.session,
            application,
            starts_at=capture.utcnow(),
            ends_at=None,
            people=[ParsedPerson(name="Dana Rivera", title="EM")],
        )
        contact = interview.contacts[0]
        point = capture.add_point(
            db.session, contact, kind="topic", body="kafka", interview_id=interview.id
        )
        draft = Draft(user_id=ana.id, contact_id=contact.id, channel="email")
        copy = TalkingPoint(
            user_id=ana.id, contact=contact, kind="topic", body="other", conflict_of=point.id
        )
        db.session.add_all([draft, copy])
        db.session.commit()
        ids = {
            "application_id": application.id,
            "interview_id": interview.id,
            "contact_id": contact.id,
            "point_id": point.id,
            "draft_id": draft.id,
            "conflict_id": copy.id,
        }
    auth.logout()
    auth.register(email="ben@example.com", name="Ben")
    return ids


def _object_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC or not rule.arguments:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def test_every_object_url_is_404_for_another_user(app, client, owned_ids):
    checked = 0
    for rule, method in _object_rules(app):
        unknown = rule.arguments - owned_ids.keys() - {"number", "what"}
        assert not unknown, f"{rule.rule} takes {unknown}: add them to this test"
        values = {
            name: owned_ids.get(name, {"number": 1, "what": "sent"}.get(name))
            for name in rule.arguments
        }
        url = app.url_map.bind("localhost").build(rule.endpoint, values, method=method)
        response = client.open(url, method=method)
        assert response.status_code == 404, f"{method} {url} answered {response.status_code}"
        checked += 1
    assert checked >= 12


def test_another_users_objects_are_not_changed(app, client, owned_ids):
    for rule, method in _object_rules(app):
        if method != "POST":
            continue
        values = {
            name: owned_ids.get(name, {"number": 1, "what": "sent"}.get(name))
            for name in rule.arguments
        }
        url = app.url_map.bind("localhost").build(rule.endpoint, values, method=method)
        client.post(
            url, data={"body": "pwned", "kind": "topic", "company": "pwned", "choice": "discard"}
        )
    with app.app_context():
        assert db.session.get(TalkingPoint, owned_ids["point_id"]).body == "kafka"
        assert db.session.get(TalkingPoint, owned_ids["point_id"]).deleted_at is None
        assert db.session.get(Application, owned_ids["application_id"]).company == "Acme"
        assert db.session.get(Contact, owned_ids["contact_id"]).deleted_at is None
        assert db.session.get(Interview, owned_ids["interview_id"]).deleted_at is None
        assert db.session.get(TalkingPoint, owned_ids["conflict_id"]).deleted_at is None


# Pages anyone may see, signed in or not.
OPEN = {"static", "home.index", "auth.login", "auth.register", "pwa.manifest", "pwa.capture",
        "pwa.share", "pwa.receive_share", "pwa.service_worker", "errors.csrf_error",
        "auth.forgot_password", "auth.reset_password"}  # fmt: skip


def test_signed_out_visitors_are_sent_to_sign_in(app, client, owned_ids):
    client.post("/logout")
    checked = 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint in OPEN:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            values = {
                name: owned_ids.get(name, {"number": 1, "what": "sent"}.get(name))
                for name in rule.arguments
            }
            url = app.url_map.bind("localhost").build(rule.endpoint, values, method=method)
            response = client.open(url, method=method)
            if url.startswith("/api/"):
                assert response.status_code == 401, url
                assert response.json["error"]["code"] == "not_signed_in"
            else:
                assert response.status_code == 302, f"{method} {url}"
                assert response.headers["Location"].startswith("/login"), url
            checked += 1
    assert checked >= 30
