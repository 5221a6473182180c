"""The home screen: today's interview first, then the applications."""

from flask import Blueprint, flash, redirect, url_for
from flask_login import current_user, login_required

from extensions import db
from models import CONTACT_ROLES, INTERVIEW_FORMATS, POINT_KINDS, Application, utcnow
from services import capture, drafts
from services.localtime import to_local
from services.pdf import CARD_LABELS

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


@bp.app_context_processor
def vocabulary():
    """The labels every template shows for stored codes."""
    return {
        "roles": CONTACT_ROLES,
        "kinds": POINT_KINDS,
        "formats": INTERVIEW_FORMATS,
        "card_labels": CARD_LABELS,
        "conflict_choices": capture.CONFLICT_CHOICES,
    }


@bp.app_template_filter("localtime")
def localtime(moment):
    """A stored UTC moment on the signed-in user's clock."""
    tz = current_user.timezone if current_user.is_authenticated else "UTC"
    return to_local(moment, tz)


@bp.app_template_filter("who")
def who(contact) -> str:
    """A person's title and role, e.g. "Staff Engineer · Interviewer"; just "Recruiter" when
    the title already says it."""
    role = CONTACT_ROLES.get(contact.role, "")
    if contact.title and role.casefold() in contact.title.casefold():
        return contact.title
    return " · ".join(part for part in (contact.title, role) if part)
