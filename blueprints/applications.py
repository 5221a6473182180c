"""Applications, and setting up their interview day."""

from flask import Blueprint, flash, redirect, request, url_for
from flask_login import current_user, login_required

from extensions import db
from forms import ApplicationForm, ScheduleForm
from models import Application, utcnow
from services import capture
from services.localtime import local_today
from services.schedule import parse_schedule

from .fragments import render
from .scope import owned_or_404

bp = Blueprint("applications", __name__, url_prefix="/applications")


@bp.before_request
@login_required
def require_login():
    """Every page here is the signed-in user's."""


@bp.route("/new", methods=["GET", "POST"])
def new():
    """Start an application."""
    form = ApplicationForm()
    if form.validate_on_submit():
        application = capture.create_application(
            db.session, current_user.id, **_application_fields(form)
        )
        return redirect(url_for("applications.schedule", application_id=application.id))
    return render("applications/form.html", form=form, application=None)


@bp.route("/<application_id>/edit", methods=["GET", "POST"])
def edit(application_id):
    """Change an application's details."""
    application = owned_or_404(Application, application_id)
    form = ApplicationForm(obj=application)
    if form.validate_on_submit():
        capture.update_fields(db.session, application, **_application_fields(form))
        flash("Saved.", "success")
        return redirect(url_for("applications.show", application_id=application.id))
    return render("applications/form.html", form=form, application=application)


@bp.get("/<application_id>")
def show(application_id):
    """An application's interviews and everyone met."""
    application = owned_or_404(Application, application_id)
    contacts = capture.live(application.contacts)
    counts = capture.point_counts(db.session, [c.id for c in contacts])
    return render(
        "applications/show.html",
        application=application,
        interviews=capture.interviews_with_people(db.session, application),
        conflicts=capture.conflicts_among(
            [
                application,
                *capture.copies_of(db.session, application),
                *application.contacts,
                *application.interviews,
            ]
        ),
        contacts=contacts,
        counts=counts,
    )


@bp.post("/<application_id>/delete")
def delete(application_id):
    """Delete an application and everything in it."""
    application = owned_or_404(Application, application_id)
    capture.delete_application(db.session, application)
    flash(f"Deleted {application.company}.", "info")
    return redirect(url_for("home.index"), code=303)


@bp.route("/<application_id>/schedule", methods=["GET", "POST"])
def schedule(application_id):
    """Paste the day's schedule, review what was understood, then save it."""
    application = owned_or_404(Application, application_id)
    form = ScheduleForm()
    if not form.is_submitted():
        form.day.data = local_today(utcnow(), current_user.timezone)
    parsed = None
    if form.validate_on_submit():
        try:
            parsed = parse_schedule(
                form.text.data,
                candidate=(current_user.name, current_user.email),
                company=application.company,
            )
        except ValueError as error:
            form.text.errors.append(str(error))
        else:
            if not parsed.slots:
                form.text.errors.append(
                    "No line had a name we could read. Try one line per slot, "
                    "like “10:00 Dana Rivera, Engineering Manager”."
                )
            elif request.form.get("confirm"):
                capture.save_schedule(
                    db.session, application, form.day.data, parsed, current_user.timezone
                )
                flash(f"Added {len(parsed.slots)} interviews.", "success")
                return redirect(url_for("applications.show", application_id=application.id))
    return render("applications/schedule.html", form=form, application=application, parsed=parsed)


def _application_fields(form: ApplicationForm) -> dict:
    return {
        "company": form.company.data,
        "role": form.role.data,
        "posting_url": form.posting_url.data or "",
        "fit_points": form.fit_points.data or "",
    }
