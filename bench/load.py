"""A bounded load test on loopback: gunicorn with 4 workers on PostgreSQL, 50 simulated users
capturing and syncing for 60 s. Counts errors, and lost or duplicated rows afterwards.

    DATABASE_URL=postgresql://... .venv/bin/python -m bench.load [--users 50] [--seconds 60]

It runs in a schema of its own in the database named by DATABASE_URL, dropped at the end
(bench.apps.scratch_database), so it never touches the rows already there.
"""

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
import urllib.parse
import uuid

from bench.apps import afterword, gunicorn, postgresql_url, scratch_database
from bench.browser import Browser, csrf_token
from bench.timing import ROOT

PASSWORD = "correct horse battery"


class User:
    """One simulated candidate on a phone: signs up, then captures and syncs in a loop."""

    def __init__(self, port: int, n: int):
        # Behind the (simulated) HTTPS proxy: the app sees https, so cookies are Secure and
        # CSRF checks the Referer, as in production.
        origin = f"https://127.0.0.1:{port}"
        self.browser = Browser(port, {"X-Forwarded-Proto": "https", "Referer": origin + "/"})
        self.n = n
        self.errors: list[str] = []
        self.sent_points: set[str] = set()
        self.cursor = 0
        self.rng = random.Random(n)

    @property
    def latencies(self) -> list[float]:
        return self.browser.latencies

    def call(self, method, path, data=None, headers=None):
        status, body, _ = self.browser.request(method, path, data, headers)
        if status >= 400:
            self.errors.append(f"{method} {path.split('?')[0]} -> {status}")
        return status, body

    def sign_up(self):
        _, page = self.call("GET", "/register")
        form = {"email": f"load{self.n}@example.com", "password": PASSWORD,
                "csrf_token": csrf_token(page)}  # fmt: skip
        form_type = {"Content-Type": "application/x-www-form-urlencoded"}
        self.call("POST", "/register", urllib.parse.urlencode(form), form_type)
        self.application, self.contact = str(uuid.uuid4()), str(uuid.uuid4())
        self.push([
            self._mutation("application", self.application,
                           {"company": f"Company {self.n}", "role": "Engineer"}),
            self._mutation("contact", self.contact,
                           {"application_id": self.application, "name": "Dana Rivera"}),
        ])  # fmt: skip

    @staticmethod
    def _mutation(entity, entity_id, data, base_version=None):
        return {"id": str(uuid.uuid4()), "entity": entity, "op": "upsert",
                "entity_id": entity_id, "base_version": base_version, "data": data}  # fmt: skip

    def push(self, mutations):
        status, session = self.call("GET", "/api/session")
        if status != 200:
            return None
        token = json.loads(session)["csrf_token"]
        body = json.dumps({"mutations": mutations}).encode()
        headers = {"Content-Type": "application/json", "X-CSRFToken": token}
        status, answer = self.call("POST", "/api/sync/push", body, headers)
        if status != 200:
            return None
        results = json.loads(answer)["results"]
        for result in results:
            if result["status"] not in ("applied", "duplicate"):
                self.errors.append(f"push result {result['status']}: {result.get('error')}")
        return results

    def step(self):
        """A few new points, sometimes sent twice (a lost response), then a pull."""
        batch = []
        for _ in range(self.rng.randint(1, 4)):
            point = str(uuid.uuid4())
            self.sent_points.add(point)
            batch.append(self._mutation("talking_point", point, {
                "contact_id": self.contact, "kind": "topic",
                "body": f"user {self.n} point {len(self.sent_points)}"}))  # fmt: skip
        self.push(batch)
        if self.rng.random() < 0.2:
            self.push(batch)  # the phone never heard back and sends the same batch again
        status, answer = self.call("GET", f"/api/sync/pull?since={self.cursor}&limit=500")
        if status == 200:
            self.cursor = json.loads(answer)["cursor"]


def _database_counts(url: str, users: list[User]) -> tuple[int, int]:
    """Points a user sent that are not stored, and stored points no user sent (duplicates)."""
    from sqlalchemy import create_engine, select

    from models import TalkingPoint

    engine = create_engine(url)
    with engine.connect() as conn:
        stored = conn.scalars(select(TalkingPoint.id)).all()
    engine.dispose()
    sent = set().union(*(u.sent_points for u in users))
    return len(sent - set(stored)), len(stored) - len(sent & set(stored))


def _load(users: list[User], seconds: float) -> float:
    """Sign everyone up, then let them all capture and sync for `seconds`; the time it took."""
    for user in users:
        user.sign_up()
    for user in users:  # sign-up is not part of the measured minute
        user.latencies.clear()
    stop = time.monotonic() + seconds

    def work(user: User):
        while time.monotonic() < stop:
            user.step()

    threads = [threading.Thread(target=work, args=(u,)) for u in users]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=5099)
    args = parser.parse_args()
    if postgresql_url() is None:
        print("Set DATABASE_URL to a PostgreSQL database.", file=sys.stderr)
        return 2
    with scratch_database() as url, afterword(url):
        env = dict(os.environ, SECRET_KEY="load-test", WEB_CONCURRENCY="4", PYTHONPATH=str(ROOT),
                   TRUSTED_PROXIES="1", DATABASE_URL=url,
                   # Every simulated user signs up from 127.0.0.1.
                   SIGN_UP_LIMIT_IP=f"{args.users}/3600",
                   SIGN_UP_LIMIT=f"{args.users}/3600")  # fmt: skip
        users = [User(args.port, n) for n in range(args.users)]
        with gunicorn("app:create_app()", args.port, env, workers=4):
            elapsed = _load(users, args.seconds)
        lost, duplicated = _database_counts(url, users)
    latencies = sorted(x for u in users for x in u.latencies)
    errors = [e for u in users for e in u.errors]
    points = sum(len(u.sent_points) for u in users)
    print(f"users: {args.users}, seconds: {elapsed:.1f}, requests: {len(latencies)} "
          f"({len(latencies) / elapsed:.0f}/s), points created: {points}")  # fmt: skip
    print(f"latency p50 {statistics.median(latencies) * 1000:.1f} ms, "
          f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.1f} ms, "
          f"max {latencies[-1] * 1000:.1f} ms")  # fmt: skip
    print(f"errors: {len(errors)}, lost rows: {lost}, duplicated rows: {duplicated}")
    for error in errors[:10]:
        print("  ", error)
    return 0 if not errors and not lost and not duplicated else 1


if __name__ == "__main__":
    sys.exit(main())
