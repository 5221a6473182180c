"""Benchmark the sync engine against bare SQLAlchemy inserts and selects of the same rows.

Run alone: .venv/bin/python -m bench.bench_sync   (prints its table; no assertions on time)

- push: 1,000 new talking points as two pushes of 500 mutations (the per-push cap), each in
  its own SAVEPOINT with version, change number and ledger row. Two floors: one Core
  ``insert(TalkingPoint)`` executemany of the same 1,000 rows and a commit; and the same
  rows as ORM objects through ``session.add_all`` and one commit (one flush, one counter
  UPDATE from the listener in models.py).
- pull: 10,000 changes (an application, a person and 9,998 points) read as ten pages of
  1,000 and turned into the JSON-ready dicts of the contract; the floor is a bare ORM
  ``select`` of the same rows ordered by change number.

Both are measured in the same run, on a throwaway SQLite file, or, when DATABASE_URL names a
PostgreSQL database, in a schema of the benchmark's own there, dropped at the end (see
bench.apps.scratch_database). Medians of RUNS timed runs after WARMUP untimed ones.
"""

import uuid

from bench import report
from bench.apps import afterword, scratch_database
from bench.timing import median_seconds, row

RUNS = 5
WARMUP = 1
PUSH_SIZE = 1000
PULL_SIZE = 10_000
PAGE = 1000
# Ratios to aim for. A push costs four statements a mutation by design (SAVEPOINT, the
# counter UPDATE, the INSERT, RELEASE) where Core's executemany sends one for all rows.
PUSH_TARGET = 100.0
PUSH_ORM_TARGET = 10.0
PULL_TARGET = 3.0


def _median_ms(action, prepare=None) -> float:
    return median_seconds(action, runs=RUNS, warmup=WARMUP, prepare=prepare) * 1000


def _new_id() -> str:
    return str(uuid.uuid4())


def run() -> list[dict]:
    """Push and pull times (ms) against bare SQLAlchemy writes and reads of the same rows."""
    from extensions import db
    from models import Application, Contact, TalkingPoint, User
    from services import sync

    with scratch_database() as url, afterword(url, {"TESTING": True}) as app, app.app_context():
        session = db.session

        def new_user() -> int:
            user = User(email=f"bench-{_new_id()}@example.com", password_hash="-")
            session.add(user)
            session.commit()
            return user.id

        def person(user_id: int) -> str:
            """An application with one person, pushed through the engine."""
            application, contact = _new_id(), _new_id()
            sync.push(
                session,
                user_id,
                [
                    _mutation("application", application, {"company": "Acme", "role": "Dev"}),
                    _mutation("contact", contact, {"application_id": application, "name": "Dana"}),
                ],
            )
            return contact

        try:
            rows = _push_rows(session, new_user, person, sync)
            rows.append(
                _pull_row(session, new_user, person, sync, (Application, Contact, TalkingPoint))
            )
        finally:
            session.rollback()
            db.session.remove()
    return rows


def _mutation(entity: str, entity_id: str, data: dict) -> dict:
    return {
        "id": _new_id(),
        "entity": entity,
        "op": "upsert",
        "entity_id": entity_id,
        "base_version": None,
        "data": data,
    }


def _push_rows(session, new_user, person, sync) -> list[dict]:
    from sqlalchemy import insert

    from models import TalkingPoint, utcnow

    user_id = new_user()
    state: dict = {}

    def prepare_push() -> None:
        contact = person(user_id)
        state["batch"] = [
            _mutation("talking_point", _new_id(), {"contact_id": contact, "body": f"point {n}"})
            for n in range(PUSH_SIZE)
        ]

    def engine_push() -> None:
        batch = state["batch"]
        for start in range(0, len(batch), sync.MAX_MUTATIONS):
            results = sync.push(session, user_id, batch[start : start + sync.MAX_MUTATIONS])
            assert results["results"][-1]["status"] == "applied"

    def prepare_insert() -> None:
        contact = person(user_id)
        now = utcnow()
        state["rows"] = [
            {
                "id": _new_id(),
                "user_id": user_id,
                "contact_id": contact,
                "kind": "topic",
                "body": f"point {n}",
                "version": 1,
                "change_seq": 0,
                "created_at": now,
                "updated_at": now,
            }
            for n in range(PUSH_SIZE)
        ]

    def bare_insert() -> None:
        session.execute(insert(TalkingPoint), state["rows"])
        session.commit()

    def prepare_add_all() -> None:
        prepare_insert()
        state["objects"] = [TalkingPoint(**values) for values in state["rows"]]

    def bare_add_all() -> None:
        session.add_all(state["objects"])
        session.commit()

    floor = _median_ms(bare_insert, prepare_insert)
    orm_floor = _median_ms(bare_add_all, prepare_add_all)
    value = _median_ms(engine_push, prepare_push)
    return [
        row(f"push {PUSH_SIZE:,} mutations vs Core insert", value, floor, "ms", PUSH_TARGET),
        row(f"push {PUSH_SIZE:,} mutations vs ORM add_all", value, orm_floor, "ms",
            PUSH_ORM_TARGET),
    ]  # fmt: skip


def _pull_row(session, new_user, person, sync, models) -> dict:
    from sqlalchemy import insert, select, update

    from models import TalkingPoint, User, utcnow

    user_id = new_user()
    contact = person(user_id)  # change numbers 1 and 2
    now = utcnow()
    points = PULL_SIZE - 2
    session.execute(
        insert(TalkingPoint),
        [
            {
                "id": _new_id(),
                "user_id": user_id,
                "contact_id": contact,
                "kind": "topic",
                "body": f"point {n}: something they said about their work",
                "version": 1,
                "change_seq": 3 + n,
                "created_at": now,
                "updated_at": now,
            }
            for n in range(points)
        ],
    )
    session.execute(update(User).where(User.id == user_id).values(change_counter=PULL_SIZE))
    session.commit()

    def engine_pull() -> None:
        cursor, changes = 0, 0
        while True:
            page = sync.pull(session, user_id, cursor, PAGE)
            changes += len(page["changes"])
            cursor = page["cursor"]
            if not page["has_more"]:
                break
        assert changes == PULL_SIZE, changes
        session.rollback()
        session.expunge_all()

    def bare_select() -> None:
        found = 0
        for model in models:
            query = select(model).where(model.user_id == user_id).order_by(model.change_seq)
            found += len(session.scalars(query).all())
        assert found == PULL_SIZE, found
        session.rollback()
        session.expunge_all()

    floor = _median_ms(bare_select)
    value = _median_ms(engine_pull)
    return row(f"pull {PULL_SIZE:,} changes", value, floor, "ms", PULL_TARGET)


if __name__ == "__main__":
    print(report.table(run()))
