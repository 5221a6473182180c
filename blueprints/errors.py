"""Error pages for people and one JSON error format for clients."""

import logging

from flask import Blueprint, jsonify, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from services.passwords import Busy

bp = Blueprint("errors", __name__)
# Security events, each with the client's address (the real one behind TRUSTED_PROXIES).
security_log = logging.getLogger("afterword.security")

MESSAGES = {
    400: "That request could not be understood.",
    403: "You are not allowed to do that.",
    404: "We could not find that page. It may have been deleted.",
    405: "That action is not available here.",
    413: "That is more than we accept at once.",
    429: "Too many attempts. Please wait a minute and try again.",
    500: "Something went wrong on our side. Nothing you typed was lost; please try again.",
}


def json_error(status: int, code: str, message: str):
    """The JSON error every /api/ route answers with."""
    return jsonify({"error": {"code": code, "message": message}}), status


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


@bp.app_errorhandler(CSRFError)
def csrf_error(error: CSRFError):
    """A missing or stale CSRF token."""
    security_log.warning(
        "csrf refused ip=%s user=%s path=%s reason=%r",
        request.remote_addr,
        _who(),
        request.path,
        error.description,
    )
    message = "Your session form expired. Reload the page and try again."
    if _wants_json():
        return json_error(400, "csrf", f"CSRF token missing or expired: {error.description}")
    return render_template("errors/error.html", status=400, message=message), 400


@bp.app_errorhandler(400)
@bp.app_errorhandler(403)
@bp.app_errorhandler(404)
@bp.app_errorhandler(405)
@bp.app_errorhandler(413)
@bp.app_errorhandler(429)
@bp.app_errorhandler(500)
def http_error(error):
    """Any HTTP error, as a page or as JSON."""
    status = getattr(error, "code", 500) or 500
    message = MESSAGES.get(status, MESSAGES[500])
    headers = {}
    if status == 429:
        security_log.warning(
            "rate limited ip=%s user=%s path=%s", request.remote_addr, _who(), request.path
        )
        # services/throttle.py says how long to wait; Flask-Limiter's description is its rule.
        wait = getattr(error, "description", None)
        if isinstance(wait, int):
            headers["Retry-After"] = str(wait)
            message = f"Too many attempts. Please wait {_duration(wait)} and try again."
    if _wants_json():
        body, status = json_error(status, str(status), message)
        return body, status, headers
    return render_template("errors/error.html", status=status, message=message), status, headers


@bp.app_errorhandler(Busy)
def busy(error: Busy):
    """Too many passwords being checked at once on this worker: come back in a moment."""
    security_log.warning("password hashing busy ip=%s path=%s", request.remote_addr, request.path)
    message = "Many people are signing in right now. Please try again in a few seconds."
    headers = {"Retry-After": "5"}
    if _wants_json():
        body, status = json_error(503, "busy", message)
        return body, status, headers
    return render_template("errors/error.html", status=503, message=message), 503, headers


def _who() -> str:
    return str(current_user.id) if current_user.is_authenticated else "-"


def _duration(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} seconds"
    return f"{round(seconds / 60)} minutes"
