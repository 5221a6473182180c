"""The sync engine: a device's queued changes applied at most once, and every change since a cursor.

The contract is docs/sync.md. Every function takes the session and the owner's id
explicitly. Versions and change numbers are stamped by the flush listener in models.py,
never here.

Concurrency: a push first locks its user's row (see _lock_user), and the web app's
writes take the same lock when the listener bumps the counter, so the writes of one user
run one after another: version checks and ledger look-ups see everything committed before
them, and change numbers are committed in order. A pull first reads the committed counter
and returns only rows numbered up to it, so a write that commits while the pull is reading
cannot make it skip a number.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session, selectinload

from models import (
    SYNCABLE_MODELS,
    Application,
    AppliedMutation,
    Contact,
    Interview,
    Syncable,
    User,
    utcnow,
)
from services import capture, fields
from services.fields import MAX_LINKS, FieldError, Rule, identifier, optional, shown

MAX_MUTATIONS = 500
MAX_BODY_BYTES = 1024 * 1024
DEFAULT_LIMIT = 500
MAX_LIMIT = 1000
# A conflict copy's id is uuid5(CONFLICT_NAMESPACE, "<user id>:<mutation id>"), so a replayed
# mutation names the same copy and can never make a second one.
CONFLICT_NAMESPACE = uuid.UUID("c7708db6-87a8-43c5-b844-30d43c2d71ad")
# Fields the server sets; a client may echo them back from a pull, and they are ignored.
READ_ONLY = frozenset({"conflict_of", "created_at", "updated_at", "deleted_at"})
NOT_YOURS = "entity_id is not one of your records"
_CHUNK = 500


class SyncRequestError(Exception):
    """A push or pull the server cannot read at all: the whole request is refused."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code


class Rejected(Exception):
    """One mutation refused; the message goes back to the client in its result."""


# --- Reading the request -----------------------------------------------------------------


def parse_batch(raw: bytes) -> list:
    """The mutations of a push body, or SyncRequestError naming what is wrong with it."""
    if len(raw) > MAX_BODY_BYTES:
        raise SyncRequestError(
            413, "too_large", f"A push body may be at most {MAX_BODY_BYTES:,} bytes."
        )
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise SyncRequestError(
            400, "malformed_json", f"The body is not valid JSON: {error}"
        ) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("mutations"), list):
        raise SyncRequestError(
            400, "bad_batch", 'The body must be a JSON object with a "mutations" list.'
        )
    mutations = payload["mutations"]
    if len(mutations) > MAX_MUTATIONS:
        raise SyncRequestError(
            413,
            "too_many",
            f"A push may carry at most {MAX_MUTATIONS} mutations; this one has {len(mutations)}.",
        )
    return mutations


# Change numbers are 32-bit integers in the database (Integer columns): no cursor is above that.
MAX_CURSOR = 2**31 - 1


def parse_window(since: str | None, limit: str | None) -> tuple[int, int]:
    """The `since` and `limit` of a pull; a limit above MAX_LIMIT is lowered to it."""
    if since is None or since == "":
        since = "0"
    # The length check comes first: int() of thousands of digits is slow, then refused.
    if not since.isascii() or not since.isdigit() or len(since) > 10 or int(since) > MAX_CURSOR:
        raise SyncRequestError(
            400, "bad_cursor", f"since must be a whole number from 0 to {MAX_CURSOR}."
        )
    if limit is None or limit == "":
        return int(since), DEFAULT_LIMIT
    if not limit.isascii() or not limit.isdigit() or int(limit[:19] or 0) < 1:
        raise SyncRequestError(400, "bad_limit", "limit must be a whole number of 1 or more.")
    return int(since), MAX_LIMIT if len(limit) > 6 else min(int(limit), MAX_LIMIT)


# --- Field rules ---------------------------------------------------------------------------


def _uuids(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise FieldError("must be a list of UUIDs")
    if len(value) > MAX_LINKS:
        raise FieldError(f"may name at most {MAX_LINKS} records")
    return list(dict.fromkeys(identifier(item) for item in value))


# The shared fields of each record, plus the references a mutation sets by id.
FIELDS: dict[str, dict[str, Rule]] = {
    "application": fields.FIELDS["application"],
    "interview": {"application_id": identifier, **fields.FIELDS["interview"]},
    "contact": {
        "application_id": identifier,
        **fields.FIELDS["contact"],
        "interview_ids": _uuids,
    },
    "talking_point": {
        "contact_id": identifier,
        "interview_id": optional(identifier),
        **fields.FIELDS["talking_point"],
    },
}
# What a create must say; everything else has a default.
REQUIRED = {
    "application": ("company", "role"),
    "interview": ("application_id",),
    "contact": ("application_id", "name"),
    "talking_point": ("contact_id", "body"),
}


@dataclass(frozen=True)
class Mutation:
    id: str
    entity: str
    op: str
    entity_id: str
    base_version: int | None
    data: dict[str, Any]


def _checked(name: str, rule: Rule, value: Any) -> Any:
    """The value as `rule` keeps it, or Rejected naming the field and the problem."""
    try:
        return rule(value)
    except FieldError as error:
        raise Rejected(f"{name} {error.problem}") from None


def _read_mutation(raw: Any) -> Mutation:
    if not isinstance(raw, dict):
        raise Rejected("a mutation must be a JSON object")
    mutation_id = _checked("id", identifier, raw.get("id"))
    entity, op = raw.get("entity"), raw.get("op")
    if not isinstance(entity, str) or entity not in SYNCABLE_MODELS:
        raise Rejected(f"entity must be one of {', '.join(SYNCABLE_MODELS)}; got {shown(entity)}")
    if op not in ("upsert", "delete"):
        raise Rejected(f"op must be upsert or delete; got {shown(op)}")
    entity_id = _checked("entity_id", identifier, raw.get("entity_id"))
    base_version = raw.get("base_version")
    if base_version is not None and (
        not isinstance(base_version, int) or isinstance(base_version, bool) or base_version < 1
    ):
        raise Rejected("base_version must be a whole number of 1 or more, or null")
    data = raw.get("data", {} if op == "delete" else None)
    if not isinstance(data, dict):
        raise Rejected("data must be a JSON object")
    return Mutation(mutation_id, entity, op, entity_id, base_version, _clean(entity, data))


def _clean(entity: str, data: dict) -> dict[str, Any]:
    rules = FIELDS[entity]
    cleaned = {}
    for name, value in data.items():
        if name == "conflict_of" and value is None:
            # "Keep both": the conflict copy becomes an ordinary record. Idempotent, so the
            # same choice made on two devices keeps one copy.
            cleaned[name] = None
            continue
        if name in READ_ONLY:
            continue
        if name not in rules:
            raise Rejected(f"{entity} has no field {shown(name)}; it has {', '.join(rules)}")
        cleaned[name] = _checked(name, rules[name], value)
    return cleaned


# --- Push ----------------------------------------------------------------------------------


def conflict_copy_id(user_id: int, mutation_id: str) -> str:
    return str(uuid.uuid5(CONFLICT_NAMESPACE, f"{user_id}:{mutation_id}"))


@dataclass
class _Outcome:
    status: str
    entity: Syncable | None
    copy: Syncable | None = None


class _Batch:
    """The rows one push works on, loaded up front in a few queries and held here.

    Holding them also keeps them alive: the session's identity map only holds weak references.
    """

    def __init__(
        self,
        session: Session,
        user_id: int,
        mutation_ids: Sequence[str],
        mutations: Sequence[Mutation],
    ):
        self.session = session
        self.user_id = user_id
        self.ledger: dict[str, AppliedMutation] = {}
        for chunk in _chunks(mutation_ids):
            query = select(AppliedMutation).where(
                AppliedMutation.user_id == user_id, AppliedMutation.id.in_(chunk)
            )
            self.ledger.update((row.id, row) for row in session.scalars(query))
        self.rows: dict[tuple[type, str], Syncable | None] = {}
        for model, ids in _wanted(user_id, mutations).items():
            self.rows.update(((model, object_id), None) for object_id in ids)
            for chunk in _chunks(sorted(ids)):
                query = select(model).where(model.id.in_(chunk))
                if model is Contact:
                    query = query.options(selectinload(Contact.interviews))
                self.rows.update(((model, obj.id), obj) for obj in session.scalars(query))

    def get(self, model: type[Syncable], object_id: str) -> Any:
        key = (model, object_id)
        if key not in self.rows:
            self.rows[key] = self.session.get(model, object_id)
        return self.rows[key]

    def owned(self, model: type[Syncable], object_id: str, field: str) -> Any:
        """The user's record, or Rejected: another user's record reads as one that doesn't exist."""
        obj = self.get(model, object_id)
        if obj is None or obj.user_id != self.user_id:
            raise Rejected(f"{field} {object_id} is not one of your records")
        return obj

    def remember(self, outcome: _Outcome) -> None:
        for obj in (outcome.entity, outcome.copy):
            if obj is not None:
                self.rows[(type(obj), obj.id)] = obj


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _wanted(user_id: int, mutations: Iterable[Mutation]) -> dict[type, set[str]]:
    """Every id a batch names, by model: its records, their references and conflict copies."""
    wanted: dict[type, set[str]] = {model: set() for model in SYNCABLE_MODELS.values()}
    for m in mutations:
        model = SYNCABLE_MODELS[m.entity]
        wanted[model].update((m.entity_id, conflict_copy_id(user_id, m.id)))
        if "application_id" in m.data:
            wanted[Application].add(m.data["application_id"])
        if "contact_id" in m.data:
            wanted[Contact].add(m.data["contact_id"])
        if m.data.get("interview_id"):
            wanted[Interview].add(m.data["interview_id"])
        wanted[Interview].update(m.data.get("interview_ids", ()))
    return wanted


def push(session: Session, user_id: int, mutations: list) -> dict:
    """Apply each mutation at most once, in order, and commit once.

    Each mutation runs in its own SAVEPOINT, so a rejected one leaves nothing behind and does
    not stop the others; the one commit at the end makes the whole push durable at once.
    """
    _lock_user(session, user_id)
    ids = [_given_id(raw) for raw in mutations]
    read = [_try_read(raw) for raw in mutations]
    batch = _Batch(
        session, user_id, [i for i in ids if i], [m for m in read if isinstance(m, Mutation)]
    )
    results = [
        _push_one(batch, raw, mutation_id, m)
        for raw, mutation_id, m in zip(mutations, ids, read, strict=True)
    ]
    # The ledger rows go in with the writes they record, in one flush at the end.
    session.add_all(entry for entry in batch.ledger.values() if inspect(entry).transient)
    session.commit()
    return {"results": results, "cursor": _counter(session, user_id)}


def _lock_user(session: Session, user_id: int) -> None:
    """Hold the user's row until commit, so this user's writers go one after another.

    A no-op UPDATE rather than SELECT ... FOR UPDATE: on PostgreSQL both lock the row, but
    on SQLite only a write makes the driver BEGIN now and take the write lock, and without
    an open transaction each SAVEPOINT below would commit on its own at RELEASE.
    """
    locked = session.execute(
        update(User)
        .where(User.id == user_id)
        .values(change_counter=User.change_counter)
        .execution_options(synchronize_session=False)
    )
    if locked.rowcount != 1:
        raise LookupError(f"no user {user_id}")


def _try_read(raw: Any) -> Mutation | Rejected:
    try:
        return _read_mutation(raw)
    except Rejected as error:
        return error


def _push_one(batch: _Batch, raw: Any, mutation_id: str | None, m: Mutation | Rejected) -> dict:
    done = batch.ledger.get(mutation_id) if mutation_id else None
    if done is not None:
        return _duplicate(done)
    if isinstance(m, Rejected):
        return _rejected(mutation_id or _raw_id(raw), _raw_entity_id(raw), str(m))
    try:
        # Released (and flushed, which stamps versions) only if nothing was rejected.
        with batch.session.begin_nested():
            outcome = (_upsert if m.op == "upsert" else _delete)(batch, m)
    except Rejected as error:
        return _rejected(m.id, m.entity_id, str(error))
    entry = AppliedMutation(
        user_id=batch.user_id,
        id=m.id,
        entity=m.entity,
        entity_id=m.entity_id,
        status=outcome.status,
        version=outcome.entity.version if outcome.entity is not None else None,
        conflict_entity_id=outcome.copy.id if outcome.copy is not None else None,
    )
    batch.ledger[m.id] = entry
    batch.remember(outcome)
    return _answer(entry, entry.status)


def _given_id(raw: Any) -> str | None:
    try:
        return identifier(raw.get("id")) if isinstance(raw, dict) else None
    except FieldError:
        return None


def _raw_id(raw: Any) -> Any:
    value = raw.get("id") if isinstance(raw, dict) else None
    return value if isinstance(value, str) and len(value) <= 100 else None


def _raw_entity_id(raw: Any) -> str | None:
    try:
        return identifier(raw.get("entity_id")) if isinstance(raw, dict) else None
    except FieldError:
        return None


def _answer(entry: AppliedMutation, status: str) -> dict:
    result = {
        "id": entry.id,
        "status": status,
        "entity_id": entry.entity_id,
        "version": entry.version,
    }
    if entry.conflict_entity_id:
        result["conflict_entity_id"] = entry.conflict_entity_id
    return result


def _duplicate(entry: AppliedMutation) -> dict:
    return _answer(entry, "duplicate") | {"original_status": entry.status}


def _rejected(mutation_id: Any, entity_id: str | None, error: str) -> dict:
    return {
        "id": mutation_id,
        "status": "rejected",
        "entity_id": entity_id,
        "version": None,
        "error": error[:300],
    }


def _upsert(batch: _Batch, m: Mutation) -> _Outcome:
    model = SYNCABLE_MODELS[m.entity]
    obj = batch.get(model, m.entity_id)
    if obj is None:
        return _Outcome("applied", _create(batch, m, model))
    if obj.user_id != batch.user_id:
        raise Rejected(NOT_YOURS)
    changes = _changes(m.entity, obj, m.data)
    if obj.deleted_at is not None:
        # Edit versus delete keeps the edit: a change (at any base version) revives the record.
        # A stale write that changes nothing does not undo the delete.
        if not changes and m.base_version != obj.version:
            return _Outcome("conflict", obj)
        _write(batch, m.entity, obj, m.data)
        obj.deleted_at = None
        return _Outcome("applied", obj)
    if m.base_version == obj.version or not changes:
        _write(batch, m.entity, obj, m.data)
        return _Outcome("applied", obj)
    # Stale or unknown base version: never overwrite; keep the incoming text as a copy.
    return _Outcome("conflict", obj, _conflict_copy(batch, m, model, obj))


def _create(batch: _Batch, m: Mutation, model: type[Syncable]) -> Syncable:
    missing = [name for name in REQUIRED[m.entity] if name not in m.data]
    if missing:
        raise Rejected(f"a new {m.entity} needs {', '.join(missing)}")
    obj = model(id=m.entity_id, user_id=batch.user_id)
    _write(batch, m.entity, obj, m.data)
    batch.session.add(obj)
    return obj


def _conflict_copy(batch: _Batch, m: Mutation, model: type[Syncable], original) -> Syncable:
    """A new record of the same entity: the original's fields with the incoming ones on top."""
    copy_id = conflict_copy_id(batch.user_id, m.id)
    if batch.get(model, copy_id) is not None:
        raise Rejected("the conflict copy of this mutation already exists")
    data = {name: getattr(original, name) for name in FIELDS[m.entity] if name != "interview_ids"}
    if m.entity == "contact":
        data["interview_ids"] = [interview.id for interview in original.interviews]
    data.update((name, value) for name, value in m.data.items() if name != "conflict_of")
    copy = model(id=copy_id, user_id=batch.user_id, conflict_of=original.id)
    _write(batch, m.entity, copy, data)
    batch.session.add(copy)
    return copy


def _changes(entity: str, obj, data: dict) -> bool:
    for name, value in data.items():
        if name == "interview_ids":
            if set(value) != {interview.id for interview in obj.interviews}:
                return True
        elif getattr(obj, name) != value:
            return True
    return False


def _write(batch: _Batch, entity: str, obj, data: dict) -> None:
    """Check the record as it will be, revive its parents if deleted, then set what changed."""
    parents, links = CHECKS[entity](batch, obj, data)
    for parent in parents:
        if parent.deleted_at is not None:
            parent.deleted_at = None
    for name, value in data.items():
        if name != "interview_ids" and getattr(obj, name) != value:
            setattr(obj, name, value)
    if links is not None and {i.id for i in links} != {i.id for i in obj.interviews}:
        obj.interviews = links


def _after(obj, data: dict, name: str) -> Any:
    return data[name] if name in data else getattr(obj, name)


def _fixed(obj, data: dict, name: str) -> None:
    if inspect(obj).persistent and name in data and data[name] != getattr(obj, name):
        raise Rejected(f"{name} cannot change once set")


def _check_application(batch: _Batch, obj, data: dict) -> tuple[list, None]:
    return [], None


def _check_interview(batch: _Batch, obj, data: dict) -> tuple[list, None]:
    _fixed(obj, data, "application_id")
    application = batch.owned(Application, _after(obj, data, "application_id"), "application_id")
    starts_at, ends_at = _after(obj, data, "starts_at"), _after(obj, data, "ends_at")
    if starts_at and ends_at and ends_at < starts_at:
        raise Rejected("ends_at is before starts_at")
    return [application], None


def _check_contact(batch: _Batch, obj, data: dict) -> tuple[list, list | None]:
    _fixed(obj, data, "application_id")
    application = batch.owned(Application, _after(obj, data, "application_id"), "application_id")
    links = None
    if "interview_ids" in data:
        links = [batch.owned(Interview, i, "interview_ids") for i in data["interview_ids"]]
        for interview in links:
            if interview.application_id != application.id:
                raise Rejected(
                    f"interview_ids {interview.id} is an interview of another application"
                )
    return [application], links


def _check_point(batch: _Batch, obj, data: dict) -> tuple[list, None]:
    contact = batch.owned(Contact, _after(obj, data, "contact_id"), "contact_id")
    interview_id = _after(obj, data, "interview_id")
    if interview_id is not None:
        interview = batch.owned(Interview, interview_id, "interview_id")
        if interview.application_id != contact.application_id:
            raise Rejected("interview_id is an interview of another application than the contact's")
    application = batch.owned(Application, contact.application_id, "application_id")
    return [contact, application], None


CHECKS = {
    "application": _check_application,
    "interview": _check_interview,
    "contact": _check_contact,
    "talking_point": _check_point,
}


def _delete(batch: _Batch, m: Mutation) -> _Outcome:
    model = SYNCABLE_MODELS[m.entity]
    obj = batch.get(model, m.entity_id)
    if obj is None:
        return _Outcome("applied", None)  # Never reached the server: nothing to delete.
    if obj.user_id != batch.user_id:
        raise Rejected(NOT_YOURS)
    if obj.deleted_at is not None:
        return _Outcome("applied", obj)
    if m.base_version != obj.version:
        return _Outcome("conflict", obj)  # Changed since the device saw it: keep the edit.
    capture.tombstone(obj, utcnow())
    return _Outcome("applied", obj)


# --- Pull ----------------------------------------------------------------------------------


def _counter(session: Session, user_id: int) -> int:
    return session.scalar(select(User.change_counter).where(User.id == user_id)) or 0


def pull(session: Session, user_id: int, since: int, limit: int) -> dict:
    """The user's changes numbered after `since`, oldest first, tombstones included."""
    # Everything numbered up to the committed counter is committed (writers of one user commit
    # in counter order), and nothing above it is returned: so no number is ever skipped.
    high = _counter(session, user_id)
    found: list[tuple[int, str, Syncable]] = []
    for name, model in SYNCABLE_MODELS.items():
        query = (
            select(model)
            .where(model.user_id == user_id, model.change_seq > since, model.change_seq <= high)
            .order_by(model.change_seq)
            .limit(limit + 1)
        )
        if model is Contact:
            query = query.options(selectinload(Contact.interviews))
        found.extend((obj.change_seq, name, obj) for obj in session.scalars(query))
    found.sort(key=lambda row: row[0])
    page = found[:limit]
    has_more = len(found) > limit
    # A full scan up to `high` also covers numbers whose rows were rewritten since.
    cursor = page[-1][0] if has_more else max(since, high)
    return {
        "changes": [_change(name, obj) for _, name, obj in page],
        "cursor": cursor,
        "has_more": has_more,
    }


def _change(entity_name: str, obj: Syncable) -> dict:
    return {
        "entity": entity_name,
        "entity_id": obj.id,
        "version": obj.version,
        "change_seq": obj.change_seq,
        "deleted": obj.deleted_at is not None,
        "data": serialize(entity_name, obj),
    }


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat() + "Z"


def serialize(entity_name: str, obj: Syncable) -> dict:
    """A record's `data` as the contract names it: its fields plus the server-set ones."""
    data: dict[str, Any] = {}
    for name in FIELDS[entity_name]:
        if name == "interview_ids":
            data[name] = [interview.id for interview in obj.interviews]
        else:
            value = getattr(obj, name)
            data[name] = _iso(value) if isinstance(value, datetime) else value
    data.update(
        conflict_of=obj.conflict_of,
        created_at=_iso(obj.created_at),
        updated_at=_iso(obj.updated_at),
        deleted_at=_iso(obj.deleted_at),
    )
    return data
