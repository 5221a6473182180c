"""Security events are logged with the client's address (the real one behind a trusted proxy):
sign-in refusals, rate limits, CSRF failures, wrong passwords on deletion or password change,
and asking for another account's records."""

import pytest

from app import create_app
from extensions import db
from models import Application, User
from services import capture
from tests.conftest import PASSWORD, AuthActions

PROXIED = {"REMOTE_ADDR": "10.0.0.2"}
CLIENT = "203.0.113.50"


@pytest.fixture
def proxied(app_config):
    """The app behind one trusted proxy, which says who the client is."""
    app = create_app(dict(app_config, TRUSTED_PROXIES=1))
    client = app.test_client()
    client.environ_base.update(PROXIED)
    client.environ_base["HTTP_X_FORWARDED_FOR"] = CLIENT
    yield app, client
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _lines(caplog) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name == "afterword.security")


def test_refused_sign_ins_and_rate_limits_carry_the_client_address(app, proxied, caplog):
    caplog.set_level("INFO", logger="afterword")
    _, client = proxied
    for _ in range(6):
        client.post("/login", data={"email": "ana@example.com", "password": "not it at all"})
    lines = _lines(caplog)
    assert f"sign-in refused ip={CLIENT}" in lines
    assert f"rate limited ip={CLIENT}" in lines
    assert "10.0.0.2" not in lines


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(app, client, caplog):
    caplog.set_level("INFO", logger="afterword")
    client.post(
        "/login",
        data={"email": "ana@example.com", "password": "not it at all"},
        headers={"X-Forwarded-For": "198.51.100.66"},
    )
    assert "sign-in refused ip=127.0.0.1" in _lines(caplog)
    assert "198.51.100.66" not in _lines(caplog)


def test_csrf_failures_are_logged(app_config, caplog):
    caplog.set_level("INFO", logger="afterword")
    app = create_app(dict(app_config, WTF_CSRF_ENABLED=True))
    client = app.test_client()
    assert client.post("/login", data={"email": "a@x.co", "password": "x"}).status_code == 400
    assert "csrf refused ip=127.0.0.1 user=- path=/login" in _lines(caplog)
    with app.app_context():
        db.engine.dispose()


def test_wrong_passwords_on_deletion_and_password_change_are_logged(client, user, caplog):
    caplog.set_level("INFO", logger="afterword")
    client.post("/account/delete", data={"password": "guessing!!", "confirm": "delete my account"})
    client.post("/account/password", data={"current": "guessing!!", "password": PASSWORD + "x"})
    lines = _lines(caplog)
    assert f"wrong password on account deletion ip=127.0.0.1 user={user.id}" in lines
    assert f"wrong password on password change ip=127.0.0.1 user={user.id}" in lines
    assert "guessing" not in lines


def test_asking_for_another_accounts_record_is_logged(app, client, auth, caplog):
    auth.register()
    with app.app_context():
        ana = db.session.scalar(db.select(User))
        theirs = capture.create_application(db.session, ana.id, company="Acme", role="Dev").id
    auth.logout()
    AuthActions(client).register(email="ben@example.com")
    caplog.set_level("INFO", logger="afterword")
    assert client.get(f"/applications/{theirs}").status_code == 404
    assert client.get("/applications/0b6f3c1e-2f7a-4c43-9d51-3a1f0c2b9e11").status_code == 404
    lines = _lines(caplog)
    with app.app_context():
        ben = db.session.scalar(db.select(User.id).where(User.email == "ben@example.com"))
    assert f"other account's record ip=127.0.0.1 user={ben} applications={theirs}" in lines
    assert lines.count("other account's record") == 1  # A missing id is no one's.
    with app.app_context():
        assert db.session.get(Application, theirs).company == "Acme"
