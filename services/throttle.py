"""Attempt counters that hold under load: one atomic statement counts an attempt and tells
whether it is within the limit, before any work is done for it.

Flask-Limiter's `deduct_when` counts a failed sign-in only after the password was checked, so
21 guesses sent at once were all checked; and its memory storage counts per worker. These
counters live in the database (PostgreSQL or the SQLite file), shared by every worker.
"""

import hashlib
import logging
import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from models import Throttle

log = logging.getLogger("afterword.security")

# The counters' clock (a test pins it so that a run of attempts cannot straddle two windows).
clock = time.time


@dataclass(frozen=True)
class Limit:
    """At most `count` attempts per `seconds`."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Limit":
        """'5/60' is five attempts a minute."""
        count, _, seconds = text.partition("/")
        return cls(int(count), int(seconds))


def _window(name: str, limit: Limit, now: float) -> tuple[str, datetime]:
    start = math.floor(now / limit.seconds) * limit.seconds
    key = hashlib.sha256(f"{name}|{limit.seconds}|{start}".encode()).hexdigest()
    ends = datetime.fromtimestamp(start + limit.seconds, UTC).replace(tzinfo=None)
    return key, ends


def hit(engine: Engine, name: str, limit: Limit, now: float | None = None) -> bool:
    """Count one attempt against `name`; False when it is over the limit (it still counts)."""
    now = clock() if now is None else now
    key, expires_at = _window(name, limit, now)
    insert = (postgresql if engine.dialect.name == "postgresql" else sqlite).insert(Throttle)
    statement = (
        insert.values(key=key, hits=1, expires_at=expires_at)
        .on_conflict_do_update(index_elements=["key"], set_={"hits": Throttle.hits + 1})
        .returning(Throttle.hits)
    )
    try:
        with engine.begin() as conn:
            hits = conn.execute(statement).scalar_one()
            if hits == 1:
                # The first attempt of a window tidies away windows that have ended.
                conn.execute(
                    delete(Throttle).where(
                        Throttle.expires_at < datetime.fromtimestamp(now, UTC).replace(tzinfo=None)
                    )
                )
    except OperationalError:
        # SQLite busy past its timeout under a flood: refuse the attempt rather than let it
        # through uncounted (or answer with an error page).
        log.warning("attempt counter busy; attempt refused name=%s", name.split(":", 1)[0])
        return False
    return hits <= limit.count


def clear(engine: Engine, name: str, limit: Limit, now: float | None = None) -> None:
    """Forget the attempts of the current window (a correct password ends a run of typos)."""
    key, _ = _window(name, limit, clock() if now is None else now)
    with engine.begin() as conn:
        conn.execute(delete(Throttle).where(Throttle.key == key))


def retry_after(limit: Limit, now: float | None = None) -> int:
    """Seconds until the current window ends."""
    now = clock() if now is None else now
    return max(1, math.ceil(limit.seconds - now % limit.seconds))
