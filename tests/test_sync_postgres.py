"""Concurrent pushes of one user on PostgreSQL: a gap-free cursor, and readers that miss nothing."""

import os
import threading
import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import select

from extensions import db
from models import SYNCABLE_MODELS, TalkingPoint, User
from services import sync

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs DATABASE_URL pointing at PostgreSQL",
    ),
]

WRITERS = 4
PUSHES = 8
POINTS = 20


def new_id() -> str:
    return str(uuid.uuid4())


def mutation(entity, entity_id, data, *, op="upsert", base_version=None):
    return {
        "id": new_id(),
        "entity": entity,
        "op": op,
        "entity_id": entity_id,
        "base_version": base_version,
        "data": data,
    }


@pytest.fixture
def ana(app) -> int:
    with app.app_context():
        user = User(email="ana@example.com", password_hash="-")
        db.session.add(user)
        db.session.commit()
        return user.id


@pytest.fixture
def application_id(app, ana) -> str:
    application = new_id()
    with app.app_context():
        sync.push(
            db.session,
            ana,
            [mutation("application", application, {"company": "Acme", "role": "Engineer"})],
        )
    return application


def run_together(app, jobs: list[Callable[[], object]]) -> list:
    """Run each job in its own thread, app context and session, all released at one moment."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)
    errors: list[BaseException] = []

    def work(index: int, job: Callable[[], object]) -> None:
        with app.app_context():
            try:
                barrier.wait(timeout=10)
                results[index] = job()
            except BaseException as error:
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=work, args=(n, job)) for n, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


def _day_batch(application_id: str) -> list[dict]:
    """An interview, a person in it and their points: writes to three tables in one push."""
    interview, contact = new_id(), new_id()
    return [
        mutation("interview", interview, {"application_id": application_id, "title": "Onsite"}),
        mutation(
            "contact",
            contact,
            {"application_id": application_id, "name": "Dana", "interview_ids": [interview]},
        ),
        *(
            mutation("talking_point", new_id(), {"contact_id": contact, "body": f"point {n}"})
            for n in range(POINTS)
        ),
    ]


def test_concurrent_pushes_leave_a_gap_free_cursor_and_a_reader_misses_nothing(
    app, ana, application_id
):
    writing = threading.Event()
    writers_left = [WRITERS]
    lock = threading.Lock()

    def writer() -> int:
        writing.set()
        for _ in range(PUSHES):
            results = sync.push(db.session, ana, _day_batch(application_id))["results"]
            assert {r["status"] for r in results} == {"applied"}
            db.session.remove()
        with lock:
            writers_left[0] -= 1
        return PUSHES

    def reader() -> tuple[list[int], list[str], int]:
        seen_numbers, seen_ids, cursor, pulls_during_writes = [], [], 0, 0
        writing.wait(timeout=10)
        while True:
            still_writing = writers_left[0] > 0
            page = sync.pull(db.session, ana, cursor, 50)
            db.session.remove()
            seen_numbers += [c["change_seq"] for c in page["changes"]]
            seen_ids += [c["entity_id"] for c in page["changes"]]
            cursor = page["cursor"]
            pulls_during_writes += still_writing
            if not still_writing and not page["has_more"]:
                return seen_numbers, seen_ids, pulls_during_writes

    *_, (seen_numbers, seen_ids, pulls_during_writes) = run_together(
        app, [writer] * WRITERS + [reader]
    )

    total = 1 + WRITERS * PUSHES * (2 + POINTS)
    with app.app_context():
        assert db.session.get(User, ana).change_counter == total
        numbers = sorted(
            n
            for model in SYNCABLE_MODELS.values()
            for n in db.session.scalars(select(model.change_seq).where(model.user_id == ana))
        )
    # Every write took the next number: 1..N, no gap, no number twice.
    assert numbers == list(range(1, total + 1))
    # The reader pulled while writes were in flight, and still saw each change once, in order.
    assert pulls_during_writes >= 2
    assert seen_numbers == list(range(1, total + 1))
    assert len(set(seen_ids)) == total


def test_the_same_batch_pushed_twice_at_once_is_applied_once(app, ana, application_id):
    batch = _day_batch(application_id)
    first, second = run_together(app, [lambda: sync.push(db.session, ana, batch)] * 2)
    statuses = sorted(
        " ".join(sorted({r["status"] for r in result["results"]})) for result in (first, second)
    )
    assert statuses == ["applied", "duplicate"]
    with app.app_context():
        assert len(db.session.scalars(select(TalkingPoint)).all()) == POINTS


def test_concurrent_edits_at_one_base_version_never_overwrite_each_other(app, ana, application_id):
    batch = _day_batch(application_id)
    point = batch[-1]["entity_id"]
    with app.app_context():
        sync.push(db.session, ana, batch)
    edits = [
        mutation("talking_point", point, {"body": f"device {n}"}, base_version=1)
        for n in range(WRITERS)
    ]
    results = run_together(
        app, [lambda edit=edit: sync.push(db.session, ana, [edit]) for edit in edits]
    )
    statuses = sorted(result["results"][0]["status"] for result in results)
    assert statuses == ["applied"] + ["conflict"] * (WRITERS - 1)
    with app.app_context():
        bodies = db.session.scalars(
            select(TalkingPoint.body).where(
                (TalkingPoint.id == point) | (TalkingPoint.conflict_of == point)
            )
        ).all()
    assert sorted(bodies) == [f"device {n}" for n in range(WRITERS)]
