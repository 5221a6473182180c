"""A real server process killed in the middle of a push loses nothing and duplicates nothing
once the client retries the same batch."""

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

from sqlalchemy import create_engine, func, select
from sqlalchemy.pool import NullPool

from models import AppliedMutation, Contact, TalkingPoint
from tests.conftest import PASSWORD, ROOT

POINTS = 450


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """`flask run` in its own process, so the test can kill it outright."""

    def __init__(self, database_url: str):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # Development mode only so the session cookie is not Secure over plain http.
        self.env = dict(os.environ, DATABASE_URL=database_url, SECRET_KEY="killed-test",
                        FLASK_DEBUG="1", PYTHONPATH=str(ROOT))  # fmt: skip
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "app", "run", "--no-reload",
             "--no-debugger", "--port", str(self.port)],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        # A loaded machine may take a while to import the app; never leave the process behind.
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        self.process.wait(timeout=10)
        raise RuntimeError("the server did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


class Client:
    """A device: a cookie jar, a session, and the same batch retried until confirmed."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def call(self, method, path, data=None, headers=None, timeout=30):
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers=headers or {})  # fmt: skip
        with self.opener.open(request, timeout=timeout) as response:
            return response.status, response.read()

    def sign_up(self):
        _, page = self.call("GET", "/register")
        token = re.search(rb'name="csrf-token" content="([^"]+)"', page).group(1).decode()
        form = {"email": "ana@example.com", "password": PASSWORD, "csrf_token": token}
        self.call("POST", "/register", urllib.parse.urlencode(form).encode())

    def push(self, mutations):
        _, session = self.call("GET", "/api/session")
        token = json.loads(session)["csrf_token"]
        body = json.dumps({"mutations": mutations}).encode()
        headers = {"Content-Type": "application/json", "X-CSRFToken": token}
        return json.loads(self.call("POST", "/api/sync/push", body, headers)[1])


def _batch() -> list[dict]:
    application, contact = str(uuid.uuid4()), str(uuid.uuid4())
    mutations = [
        {"id": str(uuid.uuid4()), "entity": "application", "op": "upsert",
         "entity_id": application, "base_version": None,
         "data": {"company": "Acme", "role": "Engineer"}},
        {"id": str(uuid.uuid4()), "entity": "contact", "op": "upsert", "entity_id": contact,
         "base_version": None,
         "data": {"application_id": application, "name": "Dana Rivera", "role": "interviewer"}},
    ]  # fmt: skip
    for n in range(POINTS):
        mutations.append(
            {"id": str(uuid.uuid4()), "entity": "talking_point", "op": "upsert",
             "entity_id": str(uuid.uuid4()), "base_version": None,
             "data": {"contact_id": contact, "kind": "topic", "body": f"point {n} kafka"}}
        )  # fmt: skip
    return mutations


def test_push_survives_a_killed_server(app):
    database_url = app.config["SQLALCHEMY_DATABASE_URI"]
    server = ServerProcess(database_url).start()
    client = Client(server.url)
    client.sign_up()
    mutations = _batch()

    # Send the batch and kill the server while it is working on it.
    outcome = {}

    def send():
        try:
            outcome["answer"] = client.push(mutations)
        except (urllib.error.URLError, ConnectionError, OSError) as error:
            outcome["error"] = error

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(0.15)
    server.kill()
    sender.join(timeout=30)
    assert "error" in outcome, "the push finished before the kill: make the batch bigger"

    # The device retries the very same batch against the restarted server.
    server = ServerProcess(database_url)
    server.port, server.url = int(client.base.rsplit(":", 1)[1]), client.base
    server.start()
    try:
        answer = client.push(mutations)
    finally:
        server.kill()
    statuses = [result["status"] for result in answer["results"]]
    assert set(statuses) <= {"applied", "duplicate"}, statuses
    assert len(statuses) == len(mutations)

    engine = create_engine(database_url, poolclass=NullPool)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(TalkingPoint)) == POINTS
        assert conn.scalar(select(func.count()).select_from(Contact)) == 1
        bodies = conn.scalars(select(TalkingPoint.body)).all()
        assert len(set(bodies)) == POINTS
        assert conn.scalar(select(func.count()).select_from(AppliedMutation)) == len(mutations)
    engine.dispose()
