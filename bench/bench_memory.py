"""Peak memory of one gunicorn worker after 1,000 requests, against a bare Flask app's worker
serving the same number of requests in the same run.

Run alone: .venv/bin/python -m bench.bench_memory
"""

import http.client
import os
import tempfile
from pathlib import Path

from bench import report
from bench.apps import afterword, free_port, gunicorn, scratch_database
from bench.timing import ROOT, row

REQUESTS = 1000
BARE_APP = """
from flask import Flask
app = Flask(__name__)

@app.get("/")
def index():
    return "<!doctype html><title>bare</title><p>hello</p>"
"""


def _peak_kib(app_spec: str, paths: list[str], env: dict) -> int:
    """The worker's peak resident memory (VmHWM) after REQUESTS requests cycling over `paths`."""
    port = free_port()
    with gunicorn(app_spec, port, env) as master:
        for n in range(REQUESTS):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", paths[n % len(paths)])
            conn.getresponse().read()
            conn.close()
        children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
        status = Path(f"/proc/{children[0]}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))


def run() -> list[dict]:
    with (
        scratch_database() as url,
        afterword(url),  # migrated here; the worker only serves
        tempfile.TemporaryDirectory(prefix="afterword-bench-") as folder,
    ):
        env = dict(os.environ, SECRET_KEY="bench", DATABASE_URL=url, PYTHONPATH=str(ROOT))
        (Path(folder) / "bare_app.py").write_text(BARE_APP)
        app_paths = ["/", "/login", "/register", "/manifest.webmanifest", "/static/css/app.css"]
        value = _peak_kib("app:create_app()", app_paths, env)
        floor = _peak_kib("bare_app:app", ["/"], dict(env, PYTHONPATH=folder))
    return [row("peak memory of one worker after 1,000 requests", value / 1024, floor / 1024,
                "MiB", note="vs a bare Flask worker")]  # fmt: skip


if __name__ == "__main__":
    print(report.table(run()))
