"""Printable PDFs: cards, copy sheets, letters, envelopes, and every note of a panel at once."""

from datetime import date

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user, login_required

from extensions import db, limiter
from models import Application, Contact, Interview, utcnow
from security import per_user
from services import pdf, printing
from services.localtime import local_today

from .downloads import download
from .fragments import render
from .scope import owned_or_404

bp = Blueprint("printing", __name__)


@bp.before_request
@login_required
def require_login():
    """Every page here is the signed-in user's."""


# Rendering is the heaviest thing the app does: bound it per user.
limiter.limit("30/minute;300/hour", key_func=per_user)(bp)


def _choice(name: str, allowed, default: str) -> str:
    value = request.args.get(name, default)
    if value not in allowed:
        abort(404)
    return value


def _today() -> date:
    return local_today(utcnow(), current_user.timezone)


def _refused(error: pdf.PdfError, application_id: str, contact_id: str | None = None):
    """A PDF that could not be made: back to the notes (of the person it was for) with the
    reason."""
    flash(error.user_message, "error")
    if contact_id:
        target = url_for("drafts.person", application_id=application_id, contact_id=contact_id)
    else:
        target = url_for("drafts.index", application_id=application_id)
    return redirect(target, 303)


def _contact_pdf(contact_id: str, *, card: bool, make, kind: str):
    contact = owned_or_404(Contact, contact_id)
    user = current_user._get_current_object()
    note = printing.contact_note(db.session, contact, user, card=card)
    try:
        payload = make(note, printing.sender_of(user))
    except pdf.PdfError as error:
        return _refused(error, contact.application_id, contact.id)
    return download(
        payload,
        "application/pdf",
        pdf.pdf_filename(kind, contact.name, contact.application.company),
    )


@bp.get("/contacts/<contact_id>/card.pdf")
def card(contact_id):
    """The card note on an A6, 4x6 or folded card."""
    size = _choice("size", pdf.CARD_SIZES, "a6")
    return _contact_pdf(
        contact_id,
        card=True,
        kind="card",
        make=lambda note, sender: pdf.render_card_pdf(note, sender, size),
    )


@bp.get("/contacts/<contact_id>/copy-sheet.pdf")
def copy_sheet(contact_id):
    """The card text set large, to copy by hand."""
    return _contact_pdf(contact_id, card=True, kind="copy-sheet", make=pdf.render_copy_sheet_pdf)


@bp.get("/contacts/<contact_id>/letter.pdf")
def letter(contact_id):
    """The email as a printed letter on US Letter or A4."""
    paper = _choice("paper", pdf.PAPERS, current_user.paper)
    today = _today()
    return _contact_pdf(
        contact_id,
        card=False,
        kind="letter",
        make=lambda note, sender: pdf.render_letter_pdf(note, sender, paper, today=today),
    )


@bp.get("/contacts/<contact_id>/envelope.pdf")
def envelope(contact_id):
    """A #10 or A2 envelope with both addresses."""
    size = _choice("size", pdf.ENVELOPES, "10")
    return _contact_pdf(
        contact_id,
        card=True,
        kind="envelope",
        make=lambda note, sender: pdf.render_envelope_pdf(note, sender, size),
    )


@bp.get("/applications/<application_id>/notes.pdf")
@limiter.limit("6/minute;60/hour", key_func=per_user)
def batch(application_id):
    """Every note of the application (or of one interview), one a page."""
    application = owned_or_404(Application, application_id)
    fmt = _choice("format", pdf.BATCH_FORMATS, "a6")
    interview_id = request.args.get("interview") or None
    if interview_id:
        owned_or_404(Interview, interview_id)
    user = current_user._get_current_object()
    notes = printing.batch_notes(db.session, application, user, fmt, interview_id)
    if not notes:
        flash("There are no notes to print yet: add the people you met first.", "error")
        return redirect(url_for("drafts.index", application_id=application.id), 303)
    try:
        payload = pdf.render_batch_pdf(
            notes,
            printing.sender_of(user),
            fmt,
            title=f"Thank-you notes for {application.company}",
            today=_today(),
        )
    except pdf.PdfError as error:
        return _refused(error, application.id)
    return download(payload, "application/pdf", pdf.pdf_filename("batch", application.company, fmt))


@bp.get("/contacts/<contact_id>/print")
def preview(contact_id):
    """The card at its real proportions, with every printable format for this person."""
    contact = owned_or_404(Contact, contact_id)
    user = current_user._get_current_object()
    note = printing.contact_note(db.session, contact, user, card=True)
    size = _choice("size", pdf.CARD_SIZES, "a6")
    return render(
        "printing/preview.html",
        contact=contact,
        size=size,
        preview=pdf.card_preview_html(note, size),
        fits={s: pdf.card_fits(note.body, s) for s in pdf.CARD_SIZES},
        labels=pdf.CARD_LABELS,
    )
