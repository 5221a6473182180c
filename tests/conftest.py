"""Fixtures: an app on a migrated database (SQLite, or PostgreSQL from DATABASE_URL), clients,
a signed-in user helper, and a live server for browser tests."""

import logging
import os
import re
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool
from werkzeug.serving import make_server

from app import create_app
from extensions import db, limiter
from tests import factories

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


PASSWORD = factories.PASSWORD


@event.listens_for(Engine, "connect")
def _throwaway_sqlite(dbapi_connection, _record):
    """The test database is thrown away after the run, so SQLite need not wait for the disk at
    every commit (most of a test's set-up time was that wait). Only this process's connections:
    a server started as a subprocess keeps SQLite's defaults."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous = OFF")
        dbapi_connection.execute("PRAGMA journal_mode = MEMORY")


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
    """Empty every table. A live server's last request (a phone's sync push still in flight
    when the test ends) may hold row locks: on PostgreSQL the wipe can then be chosen as a
    deadlock's victim, so it waits a moment and tries again."""
    for attempt in range(5):
        try:
            with db.engine.begin() as conn:
                for table in reversed(db.metadata.sorted_tables):
                    conn.execute(table.delete())
            return
        except OperationalError:
            if attempt == 4:
                raise
            time.sleep(0.5 * (attempt + 1))


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


# Apps by their config. Creating an app compiles every URL rule (most of a test's set-up time
# when it is made per test), so each test gets the one app of its config, on an empty database,
# with its config restored afterwards; tests that need another config create their own.
_APPS: dict[str, Flask] = {}


def _app_for(config: dict) -> Flask:
    key = repr(sorted(config.items()))
    if key not in _APPS:
        _APPS[key] = create_app(config)
    return _APPS[key]


@pytest.fixture
def app(app_config):
    app = _app_for(app_config)
    config = dict(app.config)
    with app.app_context():
        _wipe()
    limiter.reset()
    yield app
    with app.app_context():
        db.session.remove()
        _wipe()
        db.engine.dispose()
    app.config.clear()
    app.config.update(config)


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
def user(app, client):
    """A registered, signed-in user (Ana), returned as a model (built through the services:
    test_auth.py signs up through the page)."""
    with app.app_context():
        ana = factories.make_user()
    factories.sign_in(client, ana)
    return ana


@pytest.fixture
def panel(app, user):
    """Acme with Dana (2 points), Sam (none) and Priya the recruiter, interviewed on 21 Nov,
    drafts composed (built through the services: tests/test_factories.py builds the same
    panel through the pages)."""
    with app.app_context():
        return factories.make_panel(user)


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
