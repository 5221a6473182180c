"""Capture between interviews: the people of an interview and their talking points."""

from flask import Blueprint, abort, flash, make_response, redirect, request, url_for
from flask_login import current_user, login_required

from extensions import db
from forms import (
    ContactForm,
    InterviewForm,
    NewInterviewForm,
    PointForm,
    QuickPersonForm,
    ReadingForm,
    ScheduleForm,
)
from models import Application, Contact, Interview, TalkingPoint, new_id, utcnow
from services import capture, fields, readings
from services.localtime import local_today, to_local
from services.schedule import parse_person

from .fragments import render, swap_or_redirect
from .scope import (
    KEPT_BOTH,
    edit_state,
    editable_or_404,
    owned,
    owned_conflict_or_404,
    owned_or_404,
)
from .templating import offer_undo

bp = Blueprint("capture", __name__)


@bp.before_request
@login_required
def require_login():
    """Every page here is the signed-in user's."""


@bp.route("/interviews/<interview_id>", methods=["GET", "POST"])
def interview(interview_id):
    """An interview's people, with a one-line box to add someone."""
    interview = owned_or_404(Interview, interview_id)
    form = QuickPersonForm()
    if form.validate_on_submit():
        person = parse_person(form.person.data)
        if person is None:
            form.person.errors.append("Type a name first, then a comma and their role.")
        else:
            capture.add_contact(db.session, interview.application, person, interview)
            return swap_or_redirect(
                url_for("capture.interview", interview_id=interview.id),
                lambda: _interview_page(interview, QuickPersonForm(formdata=None)),
            )
    return _interview_page(interview, form)


def _interview_page(interview: Interview, form: QuickPersonForm):
    people = capture.live(interview.contacts)
    return render(
        "capture/interview.html",
        block="people",
        interview=interview,
        people=people,
        counts=capture.point_counts(db.session, [c.id for c in people]),
        form=form,
    )


@bp.route("/applications/<application_id>/interviews/new", methods=["GET", "POST"])
def new_interview(application_id):
    """Add one interview by hand."""
    application = owned_or_404(Application, application_id)
    form = NewInterviewForm()
    if not form.is_submitted():
        form.day.data = local_today(utcnow(), current_user.timezone)
    if form.validate_on_submit():
        interview = capture.add_interview(
            db.session,
            application,
            interview_id=form_record_id(form.record_id.data),
            **_interview_fields(form, application, current_user.timezone),
        )
        return redirect(url_for("capture.interview", interview_id=interview.id), code=303)
    import_form = ScheduleForm(formdata=None, day=local_today(utcnow(), current_user.timezone))
    form.record_id.data = form.record_id.data or new_id()
    return render(
        "applications/interview_form.html",
        form=form,
        application=application,
        import_form=import_form,
    )


@bp.route("/interviews/<interview_id>/edit", methods=["GET", "POST"])
def edit_interview(interview_id):
    """Change an interview's time, place and people."""
    interview = editable_or_404(Interview, interview_id)
    state = edit_state(interview)
    form = InterviewForm()
    tz = current_user.timezone
    if not form.is_submitted():
        form.process(obj=interview)
        starts, ends = to_local(interview.starts_at, tz), to_local(interview.ends_at, tz)
        form.day.data = starts.date() if starts else None
        form.start.data = starts.time() if starts else None
        form.end.data = ends.time() if ends else None
        form.people.data = "\n".join(
            capture.person_line(c) for c in capture.live(interview.contacts)
        )
    if form.validate_on_submit() and not state["gone"]:
        fields = _interview_fields(form, interview.application, tz)
        scalars = {name: value for name, value in fields.items() if name != "people"}
        kept = capture.keep_other_version(db.session, interview, state["opened_version"], scalars)
        interview.deleted_at = None
        capture.update_interview(db.session, interview, **fields)
        if kept:
            flash(KEPT_BOTH, "info")
            return redirect(url_for("applications.show", application_id=interview.application_id))
        return redirect(url_for("capture.interview", interview_id=interview.id), code=303)
    return render(
        "applications/interview_form.html",
        status=422 if state["gone"] else None,
        form=form,
        application=interview.application,
        interview=interview,
        **state,
    )


@bp.post("/interviews/<interview_id>/delete")
def delete_interview(interview_id):
    """Delete an interview (its people and their points stay with the application)."""
    interview = owned_or_404(Interview, interview_id)
    capture.soft_delete(db.session, interview)
    offer_undo(
        url_for("capture.restore_interview", interview_id=interview.id),
        f"Deleted the interview{' “' + interview.title + '”' if interview.title else ''}. "
        "Its people and their points are still in the application.",
    )
    return redirect(url_for("applications.show", application_id=interview.application_id), 303)


def _restorable(model, object_id: str):
    obj = owned_or_404(model, object_id, deleted=True)
    if not capture.can_undo(obj, utcnow()):
        abort(404)
    return obj


@bp.post("/applications/<application_id>/restore")
def restore_application(application_id):
    """Undo deleting an application: it comes back with everything deleted with it."""
    application = _restorable(Application, application_id)
    capture.undo_delete(db.session, application)
    flash(f"{application.company} is back.", "success")
    return redirect(url_for("applications.show", application_id=application.id), 303)


@bp.post("/interviews/<interview_id>/restore")
def restore_interview(interview_id):
    """Undo deleting an interview."""
    interview = _restorable(Interview, interview_id)
    if interview.application.deleted_at is not None:
        abort(404)
    capture.undo_delete(db.session, interview)
    flash("The interview is back.", "success")
    return redirect(url_for("capture.interview", interview_id=interview.id), 303)


@bp.post("/contacts/<contact_id>/restore")
def restore_contact(contact_id):
    """Undo removing a person: they come back with their points."""
    contact = _restorable(Contact, contact_id)
    if contact.application.deleted_at is not None:
        abort(404)
    capture.undo_delete(db.session, contact)
    flash(f"{contact.name} is back.", "success")
    return redirect(url_for("capture.contact", contact_id=contact.id), 303)


@bp.route("/contacts/<contact_id>", methods=["GET", "POST"])
def contact(contact_id):
    """One person: tap a kind, type a point, save."""
    contact = owned_or_404(Contact, contact_id)
    form = PointForm()
    undo = None
    if not form.is_submitted():
        form.interview_id.data = request.args.get("interview", "")
        undo = _deleted_point(contact, request.args.get("undo"))
    if form.validate_on_submit():
        capture.add_point(
            db.session,
            contact,
            kind=form.kind.data,
            body=form.body.data,
            interview_id=_interview_id(form.interview_id.data, contact),
            point_id=form_record_id(form.point_id.data),
        )
        # The next point starts as a topic again, so it is not filed under the last kind.
        fresh = PointForm(formdata=None, interview_id=form.interview_id.data)
        return swap_or_redirect(
            _contact_url(contact, form.interview_id.data), lambda: _contact_page(contact, fresh)
        )
    return _contact_page(contact, form, undo=undo)


def form_record_id(value: str | None) -> str | None:
    """The id a create form was shown with, if it is a well-formed UUID."""
    try:
        return fields.identifier(value) if value else None
    except fields.FieldError:
        return None


def _deleted_point(contact: Contact, point_id: str | None) -> TalkingPoint | None:
    """A just-deleted point of this person, for the undo banner after a plain-form delete."""
    if not point_id:
        return None
    point = db.session.get(TalkingPoint, point_id)
    if point and point.contact_id == contact.id and point.deleted_at is not None:
        return point
    return None


def _contact_url(contact: Contact, interview_id: str | None) -> str:
    return url_for("capture.contact", contact_id=contact.id, interview=interview_id or None)


def _interview_id(value: str | None, contact: Contact) -> str | None:
    """The interview a point was taken in, if it is one of this person's."""
    if value and any(i.id == value for i in contact.interviews):
        return value
    return None


def _contact_page(
    contact: Contact, form: PointForm, undo: TalkingPoint | None = None, notice: str | None = None
):
    if not form.point_id.data:
        form.point_id.data = new_id()
    interview = None
    if form.interview_id.data:
        interview = db.session.scalar(
            owned(Interview).where(Interview.id == form.interview_id.data)
        )
    return render(
        "capture/contact.html",
        block="capture",
        contact=contact,
        points=capture.live(contact.points),
        conflicts=capture.conflicts_among(contact.points),
        form=form,
        interview=interview,
        undo=undo,
        notice=notice,
    )


@bp.route("/contacts/<contact_id>/edit", methods=["GET", "POST"])
def edit_contact(contact_id):
    """A person's details: title, email, LinkedIn, postal address, role."""
    contact = editable_or_404(Contact, contact_id)
    state = edit_state(contact)
    form = ContactForm(obj=contact)
    if form.validate_on_submit() and not state["gone"]:
        fields = _contact_fields(form)
        kept = capture.keep_other_version(db.session, contact, state["opened_version"], fields)
        contact.deleted_at = None
        capture.update_fields(db.session, contact, **fields)
        if kept:
            flash(KEPT_BOTH, "info")
            return redirect(url_for("applications.show", application_id=contact.application_id))
        flash("Saved.", "success")
        return redirect(url_for("capture.contact", contact_id=contact.id), code=303)
    status = 422 if state["gone"] else None
    return render("capture/contact_form.html", status=status, form=form, contact=contact, **state)


@bp.post("/contacts/<contact_id>/delete")
def delete_contact(contact_id):
    """Remove a person and their points from the application."""
    contact = owned_or_404(Contact, contact_id)
    along = capture.what_goes_with(contact)
    capture.delete_contact(db.session, contact)
    offer_undo(
        url_for("capture.restore_contact", contact_id=contact.id),
        f"Removed {contact.name}{' ' + along if along else ''}.",
    )
    return redirect(url_for("applications.show", application_id=contact.application_id), 303)


@bp.route("/points/<point_id>/edit", methods=["GET", "POST"])
def edit_point(point_id):
    """Change a talking point's text or kind."""
    point = editable_or_404(TalkingPoint, point_id)
    state = edit_state(point)
    # A prefix keeps the edit form's ids apart from the new-point form on the same page.
    form = PointForm(obj=point, prefix="edit")
    if form.validate_on_submit() and not state["gone"]:
        fields = {"kind": form.kind.data, "body": form.body.data}
        kept = capture.keep_other_version(db.session, point, state["opened_version"], fields)
        point.deleted_at = None
        capture.update_fields(db.session, point, **fields)
        return _back_to_contact(point, notice=KEPT_BOTH if kept else None)
    status = 422 if state["gone"] else None
    response = make_response(
        render(
            "capture/point_form.html",
            block="point_form",
            status=status,
            form=form,
            point=point,
            **state,
        )
    )
    if form.errors or state["gone"]:
        # The form asked for #capture on success; errors belong in the point being edited.
        response.status_code = 422
        response.headers["HX-Retarget"] = f"#point-{point.id}"
    return response


@bp.route("/points/<point_id>/reading", methods=["GET", "POST"])
def edit_reading(point_id):
    """Write how the drafts say a point, or hand it back to the automatic reading."""
    point = owned_or_404(TalkingPoint, point_id)
    shown = readings.shown(point, point.contact.name, current_user.tone)
    form = ReadingForm(data={"reading": shown.text or shown.suggestion})
    if form.validate_on_submit():
        text = "" if request.form.get("automatic") else form.reading.data
        readings.set_reading(db.session, point, text, current_user.tone)
        return swap_or_redirect(
            _contact_url(point.contact, point.interview_id),
            lambda: render("capture/_reading.html", point=point),
        )
    return render("capture/reading_form.html", block="reading_form", form=form, point=point)


@bp.post("/points/<point_id>/delete")
def delete_point(point_id):
    """Delete a talking point, offering to undo."""
    point = owned_or_404(TalkingPoint, point_id)
    capture.soft_delete(db.session, point)
    return swap_or_redirect(
        _point_url(point, undo=point),
        lambda: _contact_part(point, undo=point),
        notice="Point deleted.",
    )


@bp.post("/points/<point_id>/restore")
def restore_point(point_id):
    """Undo a delete."""
    point = owned_or_404(TalkingPoint, point_id, deleted=True)
    if point.deleted_at is None:
        abort(404)
    capture.restore(db.session, point)
    return _back_to_contact(point)


def _back_to_contact(point: TalkingPoint, notice: str | None = None):
    """The person's capture part for htmx, else their page (where `notice` is flashed)."""
    return swap_or_redirect(
        _point_url(point), lambda: _contact_part(point, notice=notice), notice=notice
    )


def _contact_part(point: TalkingPoint, undo: TalkingPoint | None = None, notice: str | None = None):
    """The capture part of a point's person, with an empty form filed under its interview."""
    form = PointForm(formdata=None, interview_id=point.interview_id or "")
    return _contact_page(point.contact, form, undo=undo, notice=notice)


def _point_url(point: TalkingPoint, undo: TalkingPoint | None = None) -> str:
    return url_for(
        "capture.contact",
        contact_id=point.contact_id,
        interview=point.interview_id or None,
        undo=undo.id if undo else None,
    )


def _contact_fields(form: ContactForm) -> dict:
    return {
        name: (getattr(form, name).data or ("" if name != "got_card" else False))
        for name in (
            "name",
            "title",
            "role",
            "email",
            "phone",
            "linkedin_url",
            "postal_address",
            "got_card",
            "greeting_style",
        )
    }


def _interview_fields(form: InterviewForm, application: Application, tz: str) -> dict:
    starts_at, ends_at = capture.interview_times(form.day.data, form.start.data, form.end.data, tz)
    lines = (form.people.data or "").splitlines()
    return {
        "starts_at": starts_at,
        "ends_at": ends_at,
        "people": capture.people_from_lines(application, lines),
        "title": form.title.data or "",
        "format": form.format.data,
        "location": form.location.data or "",
        "round": form.round.data or "",
    }


@bp.post("/conflicts/<conflict_id>")
def resolve_conflict(conflict_id):
    """Keep the other device's version, keep both, or discard it."""
    copy = owned_conflict_or_404(conflict_id)
    choice = request.form.get("choice", "")
    if choice not in capture.CONFLICT_CHOICES:
        abort(400)
    capture.resolve_conflict(db.session, copy, choice)
    flash("Done: " + capture.CONFLICT_CHOICES[choice].lower() + ".", "success")
    if isinstance(copy, TalkingPoint):
        return redirect(url_for("capture.contact", contact_id=copy.contact_id), 303)
    application_id = copy.id if isinstance(copy, Application) else copy.application_id
    if isinstance(copy, Application) and choice != "keep_both":
        application_id = copy.conflict_of or copy.id
    return redirect(url_for("applications.show", application_id=application_id), 303)
