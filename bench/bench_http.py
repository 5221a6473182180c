"""Creating a talking point over HTTP through the whole app, against a bare Flask route that
does one insert, both served by the same loopback server in the same run."""

import re
import tempfile
import threading
import urllib.parse
from pathlib import Path

from bench.browser import Browser
from bench.timing import median_seconds, row

RUNS = 200


class _Server:
    """The app on a loopback port, and one browser talking to it."""

    def __init__(self, app):
        from werkzeug.serving import make_server

        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.browser = Browser(self.server.server_port)

    def request(self, method, path, body=None, headers=None):
        _status, data, response = self.browser.request(method, path, body, headers)
        return response, data

    def stop(self):
        self.server.shutdown()


def _bare_app(url: str):
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

    return app


def _afterword(url: str):
    from flask_migrate import upgrade

    from app import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                      "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
                      "SESSION_COOKIE_SECURE": False, "RATELIMIT_ENABLED": False})  # fmt: skip
    with app.app_context():
        upgrade()
    return app


def run() -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="afterword-bench-"))
    app = _afterword(f"sqlite:///{folder / 'app.sqlite'}")
    bare = _bare_app(f"sqlite:///{folder / 'bare.sqlite'}")
    server, floor_server = _Server(app), _Server(bare)
    try:
        _, page = server.request("GET", "/register")
        token = re.search(rb'name="csrf-token" content="([^"]+)"', page).group(1).decode()
        form = {"email": "bench@example.com", "password": "correct horse battery",
                "csrf_token": token, "timezone": "UTC"}  # fmt: skip
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        server.request("POST", "/register", urllib.parse.urlencode(form), headers)
        # Signing in starts a new session, and with it a new CSRF token.
        _, page = server.request("GET", "/applications/new", headers=headers)
        token = re.search(rb'name="csrf-token" content="([^"]+)"', page).group(1).decode()
        application = {"company": "Acme", "role": "Engineer", "csrf_token": token}
        response, _ = server.request("POST", "/applications/new",
                                     urllib.parse.urlencode(application), headers)  # fmt: skip
        app_path = response.getheader("Location").rsplit("/", 1)[0]
        schedule = {"day": "2026-11-20", "text": "10:00 Dana Rivera, Engineering Manager",
                    "confirm": "1", "csrf_token": token}  # fmt: skip
        server.request("POST", f"{app_path}/schedule", urllib.parse.urlencode(schedule), headers)
        _, page = server.request("GET", app_path, headers=headers)
        contact = re.search(rb'href="(/contacts/[0-9a-f-]{36})"', page).group(1).decode()
        point = urllib.parse.urlencode(
            {"kind": "topic", "body": "kafka migration for the ledger", "csrf_token": token}
        )
        hx = dict(headers, **{"HX-Request": "true"})

        def create_point():
            response, _ = server.request("POST", contact, point, hx)
            assert response.status == 200, response.status

        bare_form = urllib.parse.urlencode(
            {"contact_id": contact[-36:], "kind": "topic", "body": "kafka migration"}
        )
        bare_headers = {"Content-Type": "application/x-www-form-urlencoded"}

        def bare_insert():
            response, _ = floor_server.request("POST", "/bare", bare_form, bare_headers)
            assert response.status == 204

        value = median_seconds(create_point, runs=RUNS)
        floor = median_seconds(bare_insert, runs=RUNS)
    finally:
        server.stop()
        floor_server.stop()
    return [row("create a talking point over HTTP (htmx fragment back)", value * 1000,
                floor * 1000, "ms", note="vs bare Flask route, one insert")]  # fmt: skip


if __name__ == "__main__":
    for item in run():
        print(item)
