"""Error pages for people and one JSON error format for clients."""

from flask import Blueprint, jsonify, render_template, request
from flask_wtf.csrf import CSRFError

bp = Blueprint("errors", __name__)

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
    if _wants_json():
        return json_error(status, str(status), message)
    return render_template("errors/error.html", status=status, message=message), status
