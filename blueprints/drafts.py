"""Thank-you drafts: review, edit with autosave, versions, send and tick off."""

from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    request,
    url_for,
)
from flask_limiter import RateLimitExceeded
from flask_login import current_user, login_required

from extensions import db, limiter
from models import Application, Draft, utcnow
from security import per_user
from services import drafts, drafts_pending, followups, linkedin, polish, reminders
from services.cleaning import clean_text
from services.composer import channels
from services.mail import eml_bytes
from services.pdf import download_name

from .downloads import download
from .fragments import render, swap_or_redirect, wants_fragment
from .scope import owned_or_404

bp = Blueprint("drafts", __name__)
bp.record_once(lambda state: drafts_pending.init_app(state.app))
# Templates name a channel through the registry: {{ channel_of(draft.channel).label }}.
bp.add_app_template_global(channels.get, "channel_of")
# What an action re-renders for htmx: its own part, then the people list and counts (oob).
DRAFT_BLOCKS = ("draft", "people")
STATUS_BLOCKS = ("draft_status", "people")


@bp.before_request
@login_required
def require_login():
    """Every page here is the signed-in user's."""


@bp.after_app_request
def compose_changed_panels(response):
    """Any request that changed notes has their panels composed once it has answered, so
    reading them only reads (see services.drafts_pending)."""
    due = drafts.take_due(db.session)
    if due:
        drafts_pending.of(current_app._get_current_object()).submit(due)
    return response


def _views(application: Application):
    user = current_user._get_current_object()
    return drafts.review(db.session, application, user, utcnow())


# Reading a panel's drafts and checking every card's fit is the page's cost: bound it per user.
REVIEW_LIMIT = "30/minute;300/hour"


def _review(
    application: Application, contact_id: str | None = None, only: str | None = None
) -> drafts.Review:
    user = current_user._get_current_object()
    review = drafts.review_person(db.session, application, user, utcnow(), contact_id, only)
    if review is None:
        abort(404)
    return review


def _page(review: drafts.Review, block=None, **context):
    return render(
        "drafts/index.html",
        block=block,
        application=review.application,
        review=review,
        linkedin_limit=linkedin.note_limit(current_user.linkedin_note_limit),
        is_linkedin_url=linkedin.is_linkedin_url,
        **context,
    )


@bp.get("/applications/<application_id>/drafts")
@limiter.limit(REVIEW_LIMIT, key_func=per_user)
def index(application_id):
    """The notes of the first person still to thank, beside the list of everyone."""
    return _page(
        _review(owned_or_404(Application, application_id)), "review", moved=wants_fragment()
    )


@bp.get("/applications/<application_id>/drafts/<contact_id>")
@limiter.limit(REVIEW_LIMIT, key_func=per_user)
def person(application_id, contact_id):
    """One person's notes beside their drafts, beside the list of everyone."""
    application = owned_or_404(Application, application_id)
    return _page(_review(application, contact_id), "review", moved=wants_fragment())


@bp.get("/api/applications/<application_id>/drafts")
@limiter.limit(REVIEW_LIMIT, key_func=per_user)
def api_index(application_id):
    """The current version of every draft of an application, as JSON."""
    application = owned_or_404(Application, application_id)
    return jsonify({"drafts": [_as_json(view) for view in _views(application)]})


def _as_json(view: drafts.DraftView) -> dict:
    return {
        "contact_id": view.contact.id,
        "contact_name": view.contact.name,
        "role": view.contact.role,
        "channel": view.draft.channel,
        "subject": view.subject,
        "body": view.body,
        "due_at": view.due_at.isoformat() + "Z" if view.due_at else None,
        "status": view.status,
        "warnings": [{"code": w.code, "message": w.message} for w in view.warnings],
        **_channel_json(view),
    }


def _channel_json(view: drafts.DraftView) -> dict:
    """What only a LinkedIn note or a follow-up has."""
    if view.draft.channel == "linkedin":
        url = view.contact.linkedin_url
        return {
            "limit": linkedin.note_limit(current_user.linkedin_note_limit),
            "length": len(view.body),
            "profile_url": url if linkedin.is_linkedin_url(url) else None,
            "connected_at": _iso(view.draft.connected_at),
        }
    if view.draft.channel == followups.CODE:
        return {"waiting": view.waiting}
    return {}


def _iso(moment) -> str | None:
    return moment.isoformat() + "Z" if moment else None


def _draft_or_404(draft_id: str) -> Draft:
    """The signed-in user's draft, while its person is still met and still gets that note."""
    draft = owned_or_404(Draft, draft_id)
    if not drafts.applies(draft):
        abort(404)
    return draft


def _person_url(draft: Draft) -> str:
    contact = draft.contact
    return (
        url_for("drafts.person", application_id=contact.application_id, contact_id=contact.id)
        + f"#draft-{draft.id}"
    )


def _answer(draft: Draft, blocks, notice: str | None = None, **context):
    """The draft's part of the page and the people list for htmx; the person's page otherwise."""

    def fragment():
        review = _review(draft.contact.application, draft.contact_id, only=draft.id)
        view = next((v for v in review.views if v.draft.id == draft.id), None)
        if view is None:
            abort(404)
        return _page(review, blocks, view=view, notice=notice, oob=True, **context)

    return swap_or_redirect(_person_url(draft), fragment, notice)


@bp.post("/drafts/<draft_id>/save")
def save(draft_id):
    """Autosave the user's edit as their working version."""
    draft = _draft_or_404(draft_id)
    body = clean_text(request.form.get("body", ""))
    subject = clean_text(
        request.form.get("subject", draft.current.subject if draft.current else "")
    )
    if not body.strip() or len(body) > 10_000 or len(subject) > 300:
        if not wants_fragment():
            abort(400)
        problem = "Keep the note between 1 and 10,000 characters, the subject under 300."
        html, _ = _answer(draft, STATUS_BLOCKS, problem=problem)
        return html, 422
    drafts.save_edit(db.session, draft, " ".join(subject.split()), body)
    return _answer(draft, STATUS_BLOCKS)


@bp.post("/drafts/<draft_id>/regenerate")
def regenerate(draft_id):
    """Reset to generated: a new version from the notes; the edits stay in the history."""
    draft = _draft_or_404(draft_id)
    user = current_user._get_current_object()
    replaced = draft.current
    version = drafts.regenerate(db.session, draft, draft.contact.application, user)
    notice = None
    if replaced is not None and replaced.source != "generated" and version is not replaced:
        notice = (
            f"Replaced your edit with a fresh draft. Your edit is kept as version "
            f"{replaced.number}: open Versions to restore it."
        )
    return _answer(draft, DRAFT_BLOCKS, notice)


@bp.post("/drafts/<draft_id>/mark/<what>")
def mark(draft_id, what):
    """Tick sent, written or posted (or untick it)."""
    draft = _draft_or_404(draft_id)
    if what not in channels.get(draft.channel).done_marks:
        abort(404)
    drafts.mark(db.session, draft, what, request.form.get("done") == "1", utcnow())
    return _answer(draft, DRAFT_BLOCKS)


@bp.get("/drafts/<draft_id>/versions")
def versions(draft_id):
    """Every version of a draft, one compared with the current text."""
    draft = _draft_or_404(draft_id)
    number = request.args.get("compare", type=int)
    chosen = next((v for v in draft.versions if v.number == number), None)
    if chosen is None and len(draft.versions) > 1:
        chosen = draft.versions[-2]
    return render(
        "drafts/versions.html",
        draft=draft,
        chosen=chosen,
        diff=drafts.word_diff(chosen.body, draft.current.body) if chosen else [],
    )


@bp.post("/drafts/<draft_id>/versions/<int:number>/restore")
def restore(draft_id, number):
    """Make an older version current again."""
    draft = _draft_or_404(draft_id)
    if drafts.restore(db.session, draft, number) is None:
        abort(404)
    return _answer(draft, DRAFT_BLOCKS, f"Restored version {number} as the current text.")


@bp.get("/drafts/<draft_id>/message.eml")
def eml(draft_id):
    """The email as a file the mail program opens as a draft."""
    draft = _draft_or_404(draft_id)
    if not channels.get(draft.channel).needs_email or draft.current is None:
        abort(404)
    contact, version = draft.contact, draft.current
    payload = eml_bytes(
        sender_name=current_user.name or current_user.display_name,
        sender_email=current_user.email,
        to_name=contact.name,
        to_email=contact.email,
        subject=version.subject,
        body=version.body,
    )
    name = download_name(
        "thank-you-email", contact.name, contact.application.company, suffix=".eml"
    )
    return download(payload, "message/rfc822", name)


@bp.get("/applications/<application_id>/reminders.ics")
def calendar(application_id):
    """A calendar file with a reminder before each note is due."""
    application = owned_or_404(Application, application_id)
    payload = reminders.ics_for(drafts.due_items_of(db.session, application, utcnow()))
    name = download_name("thank-you-reminders", application.company, suffix=".ics")
    return download(payload, "text/calendar", name)


# Each polish costs the operator's model up to its whole timeout: a few a minute per person.
POLISH_LIMIT = "6/minute;60/hour"


@bp.app_context_processor
def polish_settings():
    """Where drafts go to be polished (None when off): the review and the profile say so."""
    return {"polish_settings": polish.settings_from(current_app.config)}


@bp.post("/drafts/<draft_id>/polish")
def polish_draft(draft_id):
    """Polish the note with the operator's model; kept only if every guardrail holds."""
    settings = polish.settings_from(current_app.config)
    if settings is None:
        abort(404)
    draft = _draft_or_404(draft_id)
    if channels.get(draft.channel).max_chars:
        abort(404)  # a note counted in characters is not polished (see _polish.html)
    try:
        with limiter.limit(POLISH_LIMIT, key_func=per_user, scope="polish"):
            pass
    except RateLimitExceeded:
        return _polished(draft, polish.Polished(polish.Outcome(reasons=[polish.RATE_LIMITED])))
    body = request.form.get("body")
    if body is not None and body.strip() and len(body) <= 10_000:
        # The text in the box is what gets polished: save it first, as autosave would.
        subject = request.form.get("subject", draft.current.subject)[:300]
        drafts.save_edit(db.session, draft, " ".join(subject.split()), clean_text(body))
    user = current_user._get_current_object()
    return _polished(draft, polish.polish_draft(db.session, draft, user, settings, utcnow()))


def _polished(draft: Draft, polished: polish.Polished):
    """The draft with the polish's result; a refused polish answers 422 with the draft as it was."""
    notice = None if wants_fragment() else polished.summary
    answer = _answer(draft, DRAFT_BLOCKS, notice, polished=polished)
    if polished.outcome.accepted or not wants_fragment():
        return answer
    return answer[0], 422


@bp.get("/applications/<application_id>/followup.ics")
def followup_calendar(application_id):
    """A calendar reminder for the day the follow-up after silence is due."""
    application = owned_or_404(Application, application_id)
    items = [
        item
        for item in drafts.due_items_of(db.session, application, utcnow())
        if item.channel == followups.CODE
    ]
    payload = reminders.ics_for(items)
    name = download_name("follow-up-reminder", application.company, suffix=".ics")
    return download(payload, "text/calendar", name)
