"""The sync API of the offline client (contract: docs/sync.md); the engine is services/sync.py."""

import time

from flask import Blueprint, jsonify, request
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf

from extensions import db
from services import sync

from .errors import json_error

bp = Blueprint("sync", __name__)


@bp.errorhandler(sync.SyncRequestError)
def unreadable(error: sync.SyncRequestError):
    """A push or pull the server cannot read, with what is wrong with it."""
    return json_error(error.status, error.code, str(error))


@bp.errorhandler(413)
def too_large(error):
    """A body over the push cap, refused before it is read."""
    return json_error(
        413, "too_large", f"A push body may be at most {sync.MAX_BODY_BYTES:,} bytes."
    )


@bp.get("/api/session")
@login_required
def session():
    """Who is signed in, with a fresh CSRF token and the server's clock: fetched at the start
    of every sync run."""
    return jsonify(
        user_id=current_user.id,
        email=current_user.email,
        csrf_token=generate_csrf(),
        server_time=round(time.time() * 1000),
    )


@bp.post("/api/sync/push")
@login_required
def push():
    """Apply a device's queued changes, each at most once."""
    request.max_content_length = sync.MAX_BODY_BYTES
    mutations = sync.parse_batch(request.get_data(cache=False))
    return jsonify(sync.push(db.session, current_user.id, mutations))


@bp.get("/api/sync/pull")
@login_required
def pull():
    """Every change after the client's cursor, in the order they were made."""
    since, limit = sync.parse_window(request.args.get("since"), request.args.get("limit"))
    return jsonify(sync.pull(db.session, current_user.id, since, limit))
