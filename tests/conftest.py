"""Fixtures: an app on a migrated database (SQLite, or PostgreSQL from DATABASE_URL), clients,
a signed-in user helper, and a live server for browser tests."""

import logging
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import text
from sqlalchemy.pool import NullPool
from werkzeug.serving import make_server

from app import create_app
from extensions import db, limiter
from models import Application, Contact

FAST_HASH = "scrypt:1024:8:1"

# The live servers' access log would bury a failing test's traceback under hundreds of lines of
# "GET /static/..." (CI shows only part of the output): keep werkzeug to warnings and errors.
logging.getLogger("werkzeug").setLevel(logging.WARNING)


def pytest_collection_modifyitems(config, items):
    """In CI, a browser test that fails is run once more; the summary lists it as rerun.

    A real browser on a shared CI machine can miss a deadline that nothing in the app caused;
    one retry keeps such a stall from blocking a landing, while a test that fails twice still
    fails the run, and a rerun stays visible in the output. Locally, nothing is retried.
    """
    if os.environ.get("CI") != "true":
        return
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if item.get_closest_marker("flaky"):
            continue
        if item.get_closest_marker("browser") or "browser" in fixtures:
            item.add_marker(pytest.mark.flaky(reruns=1))


PASSWORD = "correct horse battery"


def _database_url(tmp_path_factory) -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url.replace("postgresql://", "postgresql+psycopg://", 1)
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """One schema per test run, built by the real migrations."""
    url = _database_url(tmp_path_factory)
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
    with app.app_context():
        if url.startswith("postgresql"):
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        upgrade()
        db.engine.dispose()
    return url


def _wipe() -> None:
    with db.engine.begin() as conn:
        for table in reversed(db.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def app_config(database_url):
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        # No pooled connections outlive a test app (PostgreSQL would warn of unclosed ones).
        "SQLALCHEMY_ENGINE_OPTIONS": {"poolclass": NullPool},
        "WTF_CSRF_ENABLED": False,
        "PASSWORD_HASH_METHOD": FAST_HASH,
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
    }


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    with app.app_context():
        _wipe()
    limiter.reset()
    yield app
    with app.app_context():
        db.session.remove()
        _wipe()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, client):
        self._client = client

    def register(self, email="ana@example.com", password=PASSWORD, name="Ana Ortiz"):
        return self._client.post(
            "/register",
            data={"email": email, "password": password, "name": name, "timezone": "UTC"},
        )

    def login(self, email="ana@example.com", password=PASSWORD):
        return self._client.post("/login", data={"email": email, "password": password})

    def logout(self):
        return self._client.post("/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def user(app, auth):
    """A registered, signed-in user (Ana), returned as a model."""
    from models import User

    auth.register()
    with app.app_context():
        return db.session.scalar(db.select(User).where(User.email == "ana@example.com"))


@pytest.fixture
def panel(app, client, user):
    """Acme with Dana (2 points), Sam (none) and Priya the recruiter, interviewed on 21 Nov."""
    client.post(
        "/applications/new",
        data={
            "company": "Acme",
            "role": "Staff Engineer",
            "fit_points": "ten years of payments infrastructure",
        },
    )
    with app.app_context():
        application_id = db.session.scalar(db.select(Application.id))
    client.post(
        f"/applications/{application_id}/schedule",
        data={
            "day": "2026-11-21",
            "confirm": "1",
            "text": "10:00 Dana Rivera, Engineering Manager\n"
            "11:30-12:15 Sam Lee (Staff Engineer), Priya Nair - Recruiter",
        },
    )
    with app.app_context():
        contacts = {c.name: c.id for c in db.session.scalars(db.select(Contact))}
    dana = f"/contacts/{contacts['Dana Rivera']}"
    client.post(dana, data={"kind": "topic", "body": "kafka migration for the payments ledger"})
    client.post(
        dana,
        data={
            "kind": "promise",
            "body": "send the link to my talk https://example.com/talk?id=7&x=1",
        },
    )
    client.post(
        f"{dana}/edit",
        data={"name": "Dana Rivera", "role": "interviewer", "email": "dana@acme.example"},
    )
    return application_id, contacts


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert match, "page has no csrf-token meta tag"
    return match.group(1)


# --- Browser tests --------------------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Debian's chromium is not installed; CI must install it.")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class LiveServer:
    def __init__(self, app):
        self.app = app
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._thread.join(timeout=5)


@pytest.fixture
def live_server(app_config):
    config = dict(app_config, WTF_CSRF_ENABLED=True)
    app = create_app(config)
    with app.app_context():
        _wipe()
    limiter.reset()
    server = LiveServer(app).start()
    yield server
    server.stop()
    with app.app_context():
        db.session.remove()
        _wipe()
        db.engine.dispose()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


ROOT = Path(__file__).resolve().parent.parent
