"""drafts."""

from flask import Blueprint

bp = Blueprint("drafts", __name__)


@bp.get("/applications/<application_id>/drafts")
def index(application_id):
    """Thank-you drafts (built in the drafts issue)."""
    from flask import abort

    abort(404)
