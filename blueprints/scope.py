"""The one place that scopes queries to the signed-in user: another user's object is a 404."""

from typing import TypeVar

from flask import abort
from flask_login import current_user
from sqlalchemy import Select, select

from extensions import db

T = TypeVar("T")


def owned(model: type[T]) -> Select[tuple[T]]:
    """A select of the signed-in user's live rows of `model`."""
    query = select(model).where(model.user_id == current_user.id)
    if hasattr(model, "deleted_at"):
        query = query.where(model.deleted_at.is_(None))
    return query


def owned_or_404(model: type[T], object_id: str, *, deleted: bool = False) -> T:
    """The signed-in user's `model` with this id, or 404 (also for someone else's)."""
    query = select(model).where(model.user_id == current_user.id, model.id == object_id)
    if hasattr(model, "deleted_at") and not deleted:
        query = query.where(model.deleted_at.is_(None))
    obj = db.session.scalar(query)
    if obj is None:
        abort(404)
    return obj
