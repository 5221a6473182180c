"""Getting back into an account: change password, reset by an emailed link, the operator's
command. Mail goes to a real SMTP server (aiosmtpd) on 127.0.0.1."""

import email
import re
import socket
import threading
import time

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from app import create_app
from extensions import db
from models import User
from services import accounts, mail
from tests.conftest import PASSWORD

NEW_PASSWORD = "lantern orchard velvet compass"


class Inbox:
    """What the SMTP server received, as parsed messages."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.logins: list[tuple[str, str]] = []
        self._arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        with self._arrived:
            self.messages.append(email.message_from_bytes(envelope.original_content))
            self._arrived.notify_all()
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        self.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        return AuthResult(success=auth_data.password == b"s3cret")

    def wait_for(self, count: int, timeout: float = 10.0) -> list:
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.messages) < count and time.monotonic() < deadline:
                self._arrived.wait(deadline - time.monotonic())
        return self.messages


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def inbox():
    box = Inbox()
    controller = Controller(
        box,
        hostname="127.0.0.1",
        port=_free_port(),
        authenticator=box.authenticate,
        auth_require_tls=False,
    )
    controller.start()
    box.url = f"smtp://mailer:s3cret@127.0.0.1:{controller.port}"
    yield box
    # Mail goes out on background threads: let them finish before the server goes away.
    for thread in threading.enumerate():
        if thread.name == "afterword-mail":
            thread.join(timeout=30)
    controller.stop()


@pytest.fixture
def mail_app(app, app_config, inbox):
    """The app of `app` (a wiped database), sending mail to `inbox`."""
    config = dict(app_config, MAIL_URL=inbox.url, PUBLIC_URL="https://afterword.example")
    app = create_app(config)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _register(client, email="ana@example.com", password=PASSWORD):
    return client.post(
        "/register", data={"email": email, "password": password, "name": "Ana Ortiz"}
    )


def _link_in(message) -> str:
    body = message.get_payload(decode=True).decode()
    match = re.search(r"https://afterword\.example(/reset-password/\S+)", body)
    assert match, body
    return match.group(1)


def test_forgot_password_emails_a_link_that_works_once(mail_app, inbox):
    client = mail_app.test_client()
    _register(client)
    client.post("/logout")
    response = client.post("/forgot-password", data={"email": "Ana@Example.com"})
    assert response.status_code == 303
    [message] = inbox.wait_for(1)
    assert message["To"] == "ana@example.com"
    assert inbox.logins == [("mailer", "s3cret")]
    link = _link_in(message)

    page = client.get(link)
    assert page.status_code == 200 and b"Choose a new password" in page.data
    # The new password is judged like any other.
    weak = client.post(link, data={"password": "anaortiz"})
    assert weak.status_code == 422 and b"easy to guess" in weak.data
    done = client.post(link, data={"password": NEW_PASSWORD})
    assert done.status_code == 303
    assert client.get("/applications/new").status_code == 200  # Signed in on this device.

    client.post("/logout")
    assert (
        client.post("/login", data={"email": "ana@example.com", "password": PASSWORD}).status_code
        == 422
    )
    assert (
        client.post(
            "/login", data={"email": "ana@example.com", "password": NEW_PASSWORD}
        ).status_code
        == 302
    )
    # Single use: the link died with the password it was made for.
    again = client.get(link)
    assert again.status_code == 410 and b"no longer works" in again.data
    assert client.post(link, data={"password": "another fine passphrase"}).status_code == 410


def test_the_answer_never_says_whether_the_address_has_an_account(mail_app, inbox):
    client = mail_app.test_client()
    _register(client)
    client.post("/logout")
    client.get("/login")
    known = client.post("/forgot-password", data={"email": "ana@example.com"})
    known_page = client.get("/login").data.replace(b"ana@example.com", b"X")
    unknown = client.post("/forgot-password", data={"email": "nobody@example.com"})
    unknown_page = client.get("/login").data.replace(b"nobody@example.com", b"X")
    assert known.status_code == unknown.status_code == 303
    assert known.headers["Location"] == unknown.headers["Location"]
    # Pages differ only in their CSRF tokens (signed with the second they were made in).
    tokens = rb'content="[^"]+"|"X-CSRFToken": "[^"]+"'
    assert re.sub(tokens, b"", known_page) == re.sub(tokens, b"", unknown_page)
    assert b"If X has an account" in known_page
    time.sleep(0.5)
    assert [m["To"] for m in inbox.wait_for(1)] == ["ana@example.com"]


def test_a_link_expires_after_30_minutes(app, client, auth):
    auth.register()
    with app.app_context():
        user = db.session.scalar(db.select(User))
        token = accounts.reset_token(user, app.config["SECRET_KEY"])
        assert accounts.user_for_reset_token(db.session, token, "test-secret") == user
        assert accounts.user_for_reset_token(db.session, token, "test-secret", max_age=-1) is None
        assert accounts.user_for_reset_token(db.session, token + "x", "test-secret") is None
        assert accounts.user_for_reset_token(db.session, token, "other-secret") is None
    assert accounts.RESET_MAX_AGE == 30 * 60


def test_registering_a_taken_address_emails_its_owner(mail_app, inbox):
    client = mail_app.test_client()
    _register(client)
    client.post("/logout")
    _register(client, password="some other passphrase")
    [message] = inbox.wait_for(1)
    assert message["Subject"] == "You already have an Afterword account"
    assert "https://afterword.example/forgot-password" in message.get_payload(decode=True).decode()


def test_without_mail_the_page_says_how_an_operator_resets(client):
    page = client.get("/forgot-password").get_data(as_text=True)
    assert "flask --app app reset-password" in page
    assert 'name="email"' not in page


def test_operator_command_resets_a_password_and_ends_sessions(app, client, auth, runner):
    auth.register()
    assert client.get("/applications/new").status_code == 200
    weak = runner.invoke(args=["reset-password", "ana@example.com", "--password", "password1"])
    assert weak.exit_code != 0 and "easy to guess" in weak.output
    result = runner.invoke(args=["reset-password", "ANA@example.com", "--password", NEW_PASSWORD])
    assert result.exit_code == 0, result.output
    assert "New password set for ana@example.com" in result.output
    assert client.get("/applications/new").status_code == 302  # The session ended.
    assert auth.login(password=NEW_PASSWORD).status_code == 302
    missing = runner.invoke(args=["reset-password", "no@example.com", "--password", NEW_PASSWORD])
    assert missing.exit_code != 0 and "No account" in missing.output


def test_change_password_needs_the_current_one_and_ends_other_sessions(app, client, auth):
    auth.register()
    other = app.test_client()
    other.post("/login", data={"email": "ana@example.com", "password": PASSWORD})
    assert other.get("/applications/new").status_code == 200
    wrong = client.post(
        "/account/password", data={"current": "not my password", "password": NEW_PASSWORD}
    )
    assert wrong.status_code == 422 and b"not your current password" in wrong.data
    weak = client.post("/account/password", data={"current": PASSWORD, "password": "aaaaaaaa"})
    assert weak.status_code == 422 and b"easy to guess" in weak.data
    done = client.post("/account/password", data={"current": PASSWORD, "password": NEW_PASSWORD})
    assert done.status_code == 303
    assert client.get("/applications/new").status_code == 200  # This device stays in.
    assert other.get("/applications/new").status_code == 302  # Every other one is out.
    client.post("/logout")
    assert auth.login(password=NEW_PASSWORD).status_code == 302


def test_mail_url_forms():
    server = mail.MailServer.from_url("smtp://me%40x.co:p%3Ass@mail.example:2525")
    assert (server.host, server.port, server.tls, server.starttls) == (
        "mail.example",
        2525,
        False,
        "auto",
    )
    assert (server.username, server.password) == ("me@x.co", "p:ss")
    secure = mail.MailServer.from_url("smtps://mail.example")
    assert secure.tls and secure.port == 465
    assert mail.MailServer.from_url("smtp://h?starttls=required").starttls == "required"
    with pytest.raises(ValueError):
        mail.MailServer.from_url("http://mail.example")


def test_starttls_required_refuses_a_server_without_it(inbox):
    server = mail.MailServer.from_url(inbox.url + "?starttls=required")
    message = mail.message(sender="a@x.co", to="b@x.co", subject="s", body="b")
    with pytest.raises(Exception, match="STARTTLS"):
        mail.send(server, message, timeout=5)
    assert inbox.messages == []
