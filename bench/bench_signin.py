"""Sign-in under attack, on real gunicorn workers over loopback:

- 21 wrong guesses for one account sent at once from one address: how many had their password
  checked (the limit is 5 a minute; before the counter moved into one atomic statement, 20 of
  21 were checked with 4 workers);
- peak memory of the workers while 21 sign-ins from 21 addresses arrive at once, with the
  per-worker cap on password hashes (HASH_CONCURRENCY=2) against the same flood uncapped.

Run alone: .venv/bin/python -m bench.bench_signin
"""

import http.client
import os
import re
import threading
import time
import urllib.parse
from pathlib import Path

from bench import report
from bench.apps import afterword, free_port, gunicorn, scratch_database
from bench.timing import ROOT, row

GUESSES = 21
WORKERS = 2
THREADS = 12
EMAIL = "owner@example.com"
PASSWORD = "lantern orchard velvet compass"


def _post_all(port: int, forms: list[dict], forwarded: list[str] | None = None) -> list[int]:
    """POST every form to /login at the same moment; the status of each."""
    statuses: list[int] = [0] * len(forms)
    barrier = threading.Barrier(len(forms))

    def send(n: int) -> None:
        headers = {"X-Forwarded-For": forwarded[n]} if forwarded else {}
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        # A real form: its CSRF token and session cookie first, then every POST at once.
        conn.request("GET", "/login", headers=headers)
        answer = conn.getresponse()
        page = answer.read().decode()
        cookies = [c.split(";", 1)[0] for k, c in answer.getheaders() if k == "Set-Cookie"]
        cookie = next(c for c in cookies if c.startswith("session="))
        token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode(forms[n] | {"csrf_token": token})
        headers |= {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
        barrier.wait()
        conn.request("POST", "/login", body, headers)
        statuses[n] = conn.getresponse().status
        conn.close()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(len(forms))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def _workers_peak_kib(master_pid: int) -> int:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    total = 0
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        total += int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    return total


def _owner(url: str) -> None:
    from extensions import db
    from services import accounts

    with afterword(url) as app, app.app_context():
        accounts.register(
            db.session, email=EMAIL, password=PASSWORD, name="", timezone="UTC",
            method="scrypt:131072:8:1",
        )  # fmt: skip


def _serve(url: str, **settings: str):
    env = dict(
        os.environ, SECRET_KEY="bench", DATABASE_URL=url, PYTHONPATH=str(ROOT),
        TRUSTED_PROXIES="1", **settings,
    )  # fmt: skip
    port = free_port()
    return port, gunicorn("app:create_app()", port, env, workers=WORKERS, threads=THREADS)


def run() -> list[dict]:
    rows = []
    with scratch_database() as url:
        _owner(url)
        port, server = _serve(url)
        with server:
            guesses = [{"email": EMAIL, "password": f"guess {n}"} for n in range(GUESSES)]
            statuses = _post_all(port, guesses)
        checked = statuses.count(422)
        rows.append(
            row(f"wrong guesses checked of {GUESSES} sent at once, one address", checked, 5,
                "attempts", target="at most the limit (5)",
                note=f"{WORKERS} gunicorn workers x {THREADS} threads; floor = the limit")
        )  # fmt: skip

        flood = [{"email": f"nobody{n}@example.com", "password": "guess"} for n in range(GUESSES)]
        addresses = [f"198.51.100.{n + 1}" for n in range(GUESSES)]
        peaks, seconds, answered = {}, {}, {}
        for cap in ("2", str(GUESSES)):
            port, server = _serve(url, HASH_CONCURRENCY=cap)
            with server as master:
                idle = _workers_peak_kib(master.pid)
                started = time.perf_counter()
                statuses = _post_all(port, flood, addresses)
                seconds[cap] = time.perf_counter() - started
                peaks[cap] = _workers_peak_kib(master.pid)
            answered[cap] = statuses.count(422)
            assert set(statuses) <= {422, 503}, statuses
        rows.append(
            row(f"workers' peak memory, {GUESSES} sign-ins at once, hashes capped at 2 a worker",
                peaks["2"] / 1024, peaks[str(GUESSES)] / 1024, "MiB",
                target="less than uncapped",
                note=f"floor = the same flood uncapped; idle workers {idle / 1024:.0f} MiB; "
                f"{answered['2']} checked, {GUESSES - answered['2']} told to retry (503)")
        )  # fmt: skip
        rows.append(
            row(f"time to answer all {GUESSES} sign-ins, capped", seconds["2"],
                seconds[str(GUESSES)], "s", note="floor = uncapped")
        )  # fmt: skip
    return rows


if __name__ == "__main__":
    print(report.table(run()))
