"""Creating a talking point over HTTP through the whole app, against a bare Flask route that
does one insert, both served by the same loopback server in the same run.

Run alone: .venv/bin/python -m bench.bench_http
"""

import re
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager

from bench import report
from bench.apps import afterword, scratch_database, served
from bench.browser import Browser, csrf_token
from bench.timing import median_seconds, row

RUNS = 200
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@contextmanager
def _bare_app(url: str) -> Iterator:
    """A Flask app whose one route inserts one row."""
    from flask import Flask
    from sqlalchemy import Column, Integer, MetaData, String, Table, Text, create_engine

    engine = create_engine(url)
    metadata = MetaData()
    points = Table(
        "bare_points", metadata, Column("id", Integer, primary_key=True),
        Column("contact_id", String(36)), Column("kind", String(16)), Column("body", Text),
    )  # fmt: skip
    metadata.create_all(engine)
    app = Flask("bare")

    @app.post("/bare")
    def insert():
        from flask import request

        with engine.begin() as conn:
            conn.execute(points.insert().values(
                contact_id=request.form["contact_id"], kind=request.form["kind"],
                body=request.form["body"]))  # fmt: skip
        return "", 204

    try:
        yield app
    finally:
        engine.dispose()


def _contact(browser: Browser) -> tuple[str, str]:
    """Sign up, add an application with one interview and one person: (their URL, CSRF token)."""
    _, page, _ = browser.request("GET", "/register")
    form = {"email": "bench@example.com", "password": "correct horse battery",
            "csrf_token": csrf_token(page), "timezone": "UTC"}  # fmt: skip
    browser.request("POST", "/register", urllib.parse.urlencode(form), FORM)
    # Signing in starts a new session, and with it a new CSRF token.
    _, page, _ = browser.request("GET", "/applications/new", headers=FORM)
    token = csrf_token(page)
    application = {"company": "Acme", "role": "Engineer", "csrf_token": token}
    _, _, response = browser.request(
        "POST", "/applications/new", urllib.parse.urlencode(application), FORM
    )
    app_path = response.getheader("Location").rsplit("/", 1)[0]
    schedule = {"day": "2026-11-20", "text": "10:00 Dana Rivera, Engineering Manager",
                "confirm": "1", "csrf_token": token}  # fmt: skip
    browser.request("POST", f"{app_path}/schedule", urllib.parse.urlencode(schedule), FORM)
    _, page, _ = browser.request("GET", app_path, headers=FORM)
    contact = re.search(rb'href="(/contacts/[0-9a-f-]{36})"', page).group(1).decode()
    return contact, token


def _medians(app, browser: Browser, bare_browser: Browser) -> tuple[float, float]:
    """Seconds to create a point through the app, and to insert one through the bare route."""
    from services import drafts_pending

    contact, token = _contact(browser)
    point = urllib.parse.urlencode(
        {"kind": "topic", "body": "kafka migration for the ledger", "csrf_token": token}
    )
    hx = dict(FORM, **{"HX-Request": "true"})

    def create_point():
        status, _, _ = browser.request("POST", contact, point, hx)
        assert status == 200, status

    bare_form = urllib.parse.urlencode(
        {"contact_id": contact[-36:], "kind": "topic", "body": "kafka migration"}
    )

    def bare_insert():
        status, _, _ = bare_browser.request("POST", "/bare", bare_form, FORM)
        assert status == 204

    # The app composes the person's panel after answering; the next point is typed after that.
    composed = lambda: drafts_pending.of(app).wait()  # noqa: E731
    return (
        median_seconds(create_point, runs=RUNS, prepare=composed),
        median_seconds(bare_insert, runs=RUNS),
    )


def run() -> list[dict]:
    config = {"SESSION_COOKIE_SECURE": False, "RATELIMIT_ENABLED": False}
    with (
        scratch_database() as url,
        afterword(url, config) as app,
        _bare_app(url) as bare,
        served(app) as port,
        served(bare) as bare_port,
    ):
        value, floor = _medians(app, Browser(port), Browser(bare_port))
    return [row("create a talking point over HTTP (htmx fragment back)", value * 1000,
                floor * 1000, "ms", note="vs bare Flask route, one insert")]  # fmt: skip


if __name__ == "__main__":
    print(report.table(run()))
