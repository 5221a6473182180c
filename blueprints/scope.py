"""The one place that scopes queries to the signed-in user: another user's object is a 404."""

import logging
from typing import TypeVar

from flask import abort, request
from flask_login import current_user
from sqlalchemy import Select, select

from extensions import db

T = TypeVar("T")
security_log = logging.getLogger("afterword.security")


def owned(model: type[T]) -> Select[tuple[T]]:
    """A select of the signed-in user's live rows of `model` (no tombstones, no conflict copies)."""
    query = select(model).where(model.user_id == current_user.id)
    if hasattr(model, "is_live"):
        query = query.where(model.is_live)
    return query


def owned_or_404(model: type[T], object_id: str, *, deleted: bool = False) -> T:
    """The signed-in user's `model` with this id, or 404 (also for someone else's)."""
    query = select(model).where(model.user_id == current_user.id, model.id == object_id)
    if hasattr(model, "deleted_at") and not deleted:
        query = query.where(model.deleted_at.is_(None))
    obj = db.session.scalar(query)
    if obj is None:
        _log_if_foreign(model, object_id)
        abort(404)
    return obj


def _log_if_foreign(model, object_id: str) -> None:
    """Someone asking for another account's record by its id is worth a line in the log."""
    owner = db.session.scalar(select(model.user_id).where(model.id == object_id))
    if owner is not None and owner != current_user.id:
        security_log.warning(
            "other account's record ip=%s user=%s %s=%s",
            request.remote_addr,
            current_user.id,
            model.__tablename__,
            object_id,
        )


def owned_conflict_or_404(conflict_id: str):
    """A conflict copy of the signed-in user's, of whichever kind of record, or 404."""
    from models import SYNCABLE_MODELS

    for model in SYNCABLE_MODELS.values():
        copy = db.session.scalar(
            select(model).where(
                model.user_id == current_user.id,
                model.id == conflict_id,
                model.conflict_of.is_not(None),
                model.deleted_at.is_(None),
            )
        )
        if copy is not None:
            return copy
    for model in SYNCABLE_MODELS.values():
        _log_if_foreign(model, conflict_id)
    abort(404)


# Shown when an edit form is sent for a record deleted meanwhile (another device, another tab).
GONE = (
    "This was deleted on another device while you were editing it. Your text is still here: "
    "save again to bring it back, or copy what you need."
)
# Flashed when an edit was saved over a newer version: both are kept.
KEPT_BOTH = (
    "This was also changed on another device while you were editing it. Both versions are "
    "kept: yours is saved, and the other is shown beside it so you can choose."
)


def editable_or_404(model: type[T], object_id: str) -> T:
    """The signed-in user's record for an edit form. A form sent for a record deleted since it
    was opened still finds it, so the typed text can be kept (see edit_state)."""
    from flask import request

    return owned_or_404(model, object_id, deleted=request.method == "POST")


def edit_state(obj) -> dict:
    """What an edit form carries: the version it was opened at, and whether the record went
    while it was open (`gone`, unless the user already chose to bring it back)."""
    from flask import request

    sent = request.form.get("version", "") if request.method == "POST" else ""
    opened = int(sent) if sent.isdigit() else obj.version
    gone = obj.deleted_at is not None and not request.form.get("bring_back")
    return {"opened_version": opened, "gone": gone, "notice": GONE if gone else None}
