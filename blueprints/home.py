"""The home screen: today's interview first, then the applications."""

from flask import Blueprint, flash, redirect, url_for
from flask_login import current_user, login_required

from extensions import db
from models import Application, utcnow
from services import capture, drafts

from .fragments import render
from .scope import owned

bp = Blueprint("home", __name__)


@bp.get("/")
def index():
    """Today's interviews and every application, or the welcome page."""
    if not current_user.is_authenticated:
        return render("home/welcome.html")
    now = utcnow()
    today = capture.todays_interviews(db.session, current_user.id, current_user.timezone, now)
    applications = db.session.scalars(
        owned(Application).order_by(Application.created_at.desc())
    ).all()
    return render(
        "home/index.html",
        today=today,
        current=capture.current_interview(today, now),
        applications=applications,
        due=drafts.due_items(db.session, current_user.id, now),
    )


@bp.get("/today")
@login_required
def today():
    """Jump to the interview going on now (or the nearest one today)."""
    now = utcnow()
    interviews = capture.todays_interviews(db.session, current_user.id, current_user.timezone, now)
    interview = capture.current_interview(interviews, now)
    if interview is None:
        flash("No interviews today. Pick an application below.", "info")
        return redirect(url_for("home.index"))
    return redirect(url_for("capture.interview", interview_id=interview.id))
