"""Peak memory of one gunicorn worker after 1,000 requests, against a bare Flask app's worker
serving the same number of requests in the same run."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from bench.timing import ROOT, row

REQUESTS = 1000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def _peak_kib(app_spec: str, paths: list[str], env: dict) -> int:
    port = _free_port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    master = subprocess.Popen(
        [gunicorn, "--workers", "1", "--bind", f"127.0.0.1:{port}", app_spec],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait(port)
        for n in range(REQUESTS):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", paths[n % len(paths)])
            conn.getresponse().read()
            conn.close()
        children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
        status = Path(f"/proc/{children[0]}/status").read_text()
        return int(
            next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
        )
    finally:
        master.send_signal(signal.SIGTERM)
        master.wait(timeout=30)


def run() -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="afterword-bench-"))
    env = dict(os.environ, SECRET_KEY="bench", DATABASE_URL=f"sqlite:///{folder / 'mem.sqlite'}",
               PYTHONPATH=str(ROOT))  # fmt: skip
    subprocess.run([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], cwd=ROOT,
                   env=env, check=True, capture_output=True)  # fmt: skip
    bare = folder / "bare_app.py"
    bare.write_text(
        textwrap.dedent("""
        from flask import Flask
        app = Flask(__name__)

        @app.get("/")
        def index():
            return "<!doctype html><title>bare</title><p>hello</p>"
    """)
    )
    app_paths = ["/", "/login", "/register", "/manifest.webmanifest", "/static/css/app.css"]
    value = _peak_kib("app:create_app()", app_paths, env)
    floor = _peak_kib("bare_app:app", ["/"], dict(env, PYTHONPATH=str(folder)))
    return [row("peak memory of one worker after 1,000 requests", value / 1024, floor / 1024,
                "MiB", note="vs a bare Flask worker")]  # fmt: skip


if __name__ == "__main__":
    for item in run():
        print(item)
