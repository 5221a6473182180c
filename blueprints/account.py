"""The user's profile: how their notes are signed and sent."""

from flask import Blueprint, flash, redirect, url_for
from flask_login import current_user, login_required

from extensions import db
from forms import ProfileForm
from services import capture

from .fragments import render

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.before_request
@login_required
def require_login():
    """Every page here is the signed-in user's."""


@bp.route("/profile", methods=["GET", "POST"])
def profile():
    """Name, signature, links and the tone of generated notes."""
    user = current_user._get_current_object()
    form = ProfileForm(obj=user)
    if form.validate_on_submit():
        capture.update_fields(
            db.session, user, **{f.name: f.data or "" for f in form if f.name != "csrf_token"}
        )
        flash("Profile saved.", "success")
        return redirect(url_for("account.profile"), code=303)
    return render("account/profile.html", form=form)
