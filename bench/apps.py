"""What the benchmarks run against: a scratch database, the app migrated onto it, and servers
(a thread for in-process measurements, gunicorn for whole workers)."""

import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.timing import ROOT

FAST_HASH = "scrypt:1024:8:1"


def postgresql_url() -> str | None:
    """DATABASE_URL as SQLAlchemy spells it, when it names a PostgreSQL database."""
    url = os.environ.get("DATABASE_URL", "")
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url if url.startswith("postgresql+") else None


@contextmanager
def scratch_database() -> Iterator[str]:
    """A database of the benchmark's own: a new schema in the PostgreSQL database named by
    DATABASE_URL, dropped afterwards so no real row is ever touched; else a temporary SQLite
    file. Yields its URL, which works in this process and in a gunicorn's DATABASE_URL."""
    url = postgresql_url()
    if url is None:
        with tempfile.TemporaryDirectory(prefix="afterword-bench-") as folder:
            yield f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        return
    from sqlalchemy import create_engine, make_url, text

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        scratch = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield scratch.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


@contextmanager
def afterword(url: str, config: dict | None = None) -> Iterator:
    """The app on `url`, migrated, with a fixed secret and fast password hashing; its
    connections are closed when the block ends, so a scratch schema can be dropped."""
    from flask_migrate import upgrade

    from app import create_app
    from extensions import db

    app = create_app(
        {"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url, "PASSWORD_HASH_METHOD": FAST_HASH}
        | (config or {})
    )
    with app.app_context():
        upgrade()
    try:
        yield app
    finally:
        with app.app_context():
            db.engine.dispose()


@contextmanager
def served(app) -> Iterator[int]:
    """`app` on a loopback port, in a thread of this process; yields the port."""
    from werkzeug.serving import make_server

    # A log line per request would be timed with every request, and bury the results.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(
    app_spec: str, port: int, env: dict, workers: int = 1, threads: int = 1
) -> Iterator[subprocess.Popen]:
    """gunicorn serving `app_spec` on `port` until the block ends; yields the master process."""
    executable = str(Path(sys.executable).with_name("gunicorn"))
    master = subprocess.Popen(
        [executable, "--workers", str(workers), "--threads", str(threads),
         "--bind", f"127.0.0.1:{port}", app_spec],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.1)
        yield master
    finally:
        master.send_signal(signal.SIGTERM)
        master.wait(timeout=30)
