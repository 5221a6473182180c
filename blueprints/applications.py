"""Applications, and setting up their interview day."""

from flask import Blueprint, flash, redirect, request, url_for
from flask_login import current_user, login_required

from extensions import db
from forms import ApplicationForm, FollowupForm, NewApplicationForm, ScheduleForm
from models import Application, new_id, utcnow
from services import capture, deadlines, drafts, followups, invites
from services.composer import read_fit
from services.invites import InviteError
from services.localtime import local_today
from services.review import (
    Review,
    Saved,
    mark_saved,
    read_review,
    review_invite,
    review_paste,
    save_review,
)

from .capture import form_record_id
from .fragments import render
from .scope import KEPT_BOTH, edit_state, editable_or_404, owned_or_404
from .templating import offer_undo

bp = Blueprint("applications", __name__, url_prefix="/applications")


@bp.before_request
@login_required
def require_login():
    """Every page here is the signed-in user's."""


@bp.route("/new", methods=["GET", "POST"])
def new():
    """Start an application, with its day from a calendar invite if one is given."""
    form = NewApplicationForm()
    if form.validate_on_submit():
        day_form = ScheduleForm(formdata=None, day=local_today(utcnow(), current_user.timezone))
        review = _read_day(form, None) if _has_file(form.invite.data) else None
        if form.invite.errors:  # a bad invite: nothing is created
            return _new_application_page(form)
        application = capture.create_application(
            db.session,
            current_user.id,
            application_id=form_record_id(form.record_id.data),
            **_application_fields(form),
        )
        if review is None:
            return redirect(url_for("applications.schedule", application_id=application.id))
        return _review_page(day_form, application, review)
    return _new_application_page(form)


def _new_application_page(form: NewApplicationForm):
    form.record_id.data = form.record_id.data or new_id()
    return render("applications/form.html", form=form, application=None)


@bp.route("/<application_id>/edit", methods=["GET", "POST"])
def edit(application_id):
    """Change an application's details."""
    application = editable_or_404(Application, application_id)
    state = edit_state(application)
    form = ApplicationForm(obj=application)
    if form.validate_on_submit() and not state["gone"]:
        fields = _application_fields(form)
        kept = capture.keep_other_version(db.session, application, state["opened_version"], fields)
        application.deleted_at = None
        capture.update_fields(db.session, application, **fields)
        flash(KEPT_BOTH if kept else "Saved.", "info" if kept else "success")
        return redirect(url_for("applications.show", application_id=application.id))
    status = 422 if state["gone"] else None
    along = capture.what_goes_with(application)
    return render(
        "applications/form.html",
        status=status,
        form=form,
        application=application,
        along=along,
        **state,
    )


@bp.get("/<application_id>")
def show(application_id):
    """An application's interviews and everyone met."""
    return _show(owned_or_404(Application, application_id))


def _show(application: Application, followup_form: FollowupForm | None = None):
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
        fits=[(line, *read_fit(line)) for line in application.fit_list],
        followup=_followup(application, contacts),
        followup_form=followup_form or FollowupForm(obj=application),
    )


def _followup(application: Application, contacts) -> dict:
    """The follow-up after silence as the application page shows it."""
    person = followups.recipient(contacts)
    due = followups.due_at(application)
    draft = None
    if person is not None:
        draft = drafts.load_drafts(db.session, application).get((person.id, followups.CODE))
    return {
        "person": person,
        "due_at": due,
        "countdown": deadlines.countdown(due, utcnow()),
        "cancelled": followups.cancelled(application),
        "kept": followups.kept_edit(db.session, application),
        "done": bool(draft and drafts.is_done(draft)),
    }


@bp.post("/<application_id>/followup")
def followup_days(application_id):
    """Set how many days without a reply before the follow-up is due."""
    application = owned_or_404(Application, application_id)
    form = FollowupForm()
    if not form.validate_on_submit():
        return _show(application, form)
    capture.update_fields(db.session, application, followup_days=form.followup_days.data)
    days = form.followup_days.data
    flash(f"The follow-up is due {days} days after the last interview.", "success")
    return redirect(url_for("applications.show", application_id=application.id) + "#followup", 303)


@bp.post("/<application_id>/replied")
def replied(application_id):
    """Mark (or unmark) that they replied: it cancels (or brings back) the follow-up."""
    application = owned_or_404(Application, application_id)
    done = request.form.get("done") == "1"
    followups.mark_replied(db.session, application, done, utcnow())
    kept = followups.kept_edit(db.session, application)
    if done:
        message = "Marked as replied: the follow-up is cancelled."
        if kept is not None:
            message += " Your edited follow-up is kept; undo to bring it back."
    else:
        message = "Reply unmarked: the follow-up is back."
    flash(message, "success")
    return redirect(url_for("applications.show", application_id=application.id) + "#followup", 303)


@bp.post("/<application_id>/delete")
def delete(application_id):
    """Delete an application and everything in it."""
    application = owned_or_404(Application, application_id)
    along = capture.what_goes_with(application)
    capture.delete_application(db.session, application)
    offer_undo(
        url_for("capture.restore_application", application_id=application.id),
        f"Deleted {application.company}{' ' + along if along else ''}.",
    )
    return redirect(url_for("home.index"), code=303)


@bp.route("/<application_id>/schedule", methods=["GET", "POST"])
def schedule(application_id):
    """Paste the day's schedule or import an invite, review the rows, then save them."""
    application = owned_or_404(Application, application_id)
    form = ScheduleForm()
    if not form.is_submitted():
        form.day.data = local_today(utcnow(), current_user.timezone)
    review = None
    if form.validate_on_submit():
        if request.form.get("action") == "save" or request.form.get("confirm"):
            review = read_review(request.form)
            if not review.slots and not review.people:  # no rows posted: save what the text says
                review = _read_day(form, application)
            if review is not None and not review.errors:
                saved = save_review(db.session, application, review, current_user.timezone)
                flash(_saved_message(saved), "success")
                return redirect(
                    url_for("applications.show", application_id=application.id), code=303
                )
        else:
            review = _read_day(form, application)
            review = review and mark_saved(db.session, application, review)
    return _review_page(form, application, review)


def _review_page(form: ScheduleForm, application: Application, review: Review | None):
    status = 422 if form.errors or (review and review.errors) else 200
    return render(
        "applications/schedule.html",
        form=form,
        application=application,
        review=review,
        status=status,
    )


def _has_file(value) -> bool:
    return bool(value and getattr(value, "filename", ""))


def _read_day(form, application: Application | None) -> Review | None:
    """What a paste or an invite holds, as rows to review; None with the form's errors set."""
    me, tz = (current_user.name, current_user.email), current_user.timezone
    try:
        if _has_file(form.invite.data):
            with form.invite.data.stream as stream:  # a big upload is a temporary file
                data = stream.read(invites.MAX_BYTES + 1)
            return review_invite(data, day=local_today(utcnow(), tz), candidate=me, tz=tz)
        if not form.text.data:
            raise ValueError("Paste the schedule, or choose a calendar invite file.")
        company = application.company if application else ""
        return review_paste(form.text.data, day=form.day.data, candidate=me, company=company)
    except ValueError as error:  # InviteError included
        field = form.invite if isinstance(error, InviteError) else form.text
        field.errors.append(str(error))
        return None


def _saved_message(saved: Saved) -> str:
    if not saved.created and saved.already:
        return "Nothing new: these interviews were saved already."
    parts = [f"Added {saved.created} interview{'' if saved.created == 1 else 's'}"]
    if saved.people:
        parts.append(f"{saved.people} new {'person' if saved.people == 1 else 'people'}")
    if saved.already:
        parts.append(f"{saved.already} saved before, left as they were")
    return ", ".join(parts) + "."


def _application_fields(form: ApplicationForm) -> dict:
    return {
        "company": form.company.data,
        "role": form.role.data,
        "posting_url": form.posting_url.data or "",
        "fit_points": form.fit_points.data or "",
    }
