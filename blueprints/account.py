"""The user's profile and their data: export, import, deletion, and how long details are kept."""

import json
import logging

import click
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectChoice,
    StringField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from extensions import db, limiter
from forms import ChangePasswordForm, ProfileForm, StrippedForm
from models import Application, utcnow
from security import per_user
from services import accounts, capture, portability, throttle
from services.passwords import MAX_LENGTH, verify_password
from services.pdf import download_name

from .downloads import download
from .errors import http_error
from .fragments import render, swap_or_redirect
from .scope import owned_or_404

# cli_group=None: the command is `flask erase-expired`, not `flask account erase-expired`.
bp = Blueprint("account", __name__, url_prefix="/account", cli_group=None)
security_log = logging.getLogger("afterword.security")

CONFIRM_PHRASE = "delete my account"
MAX_MB = portability.MAX_FILE_BYTES // (1024 * 1024)


class ImportForm(FlaskForm):
    file = FileField(
        "Afterword export (.json)",
        validators=[FileRequired("Choose the .json file you downloaded from Afterword.")],
        render_kw={"accept": ".json,application/json"},
    )


class ImportChoiceForm(FlaskForm):
    """The second step of an import whose file holds applications already here: the file,
    checked a moment ago, comes back in a hidden field (it is checked again), with the choice."""

    document = HiddenField(validators=[DataRequired()])
    existing = RadioField(
        "What should happen to those?",
        choices=[
            SelectChoice("skip", "Skip them"),
            SelectChoice("replace", "Replace them with the file's version"),
            SelectChoice("copy", "Add them again, as copies"),
        ],
        default="skip",
        validators=[DataRequired("Choose what should happen to them.")],
    )


class DeleteAccountForm(StrippedForm):
    password = PasswordField(
        "Your password",
        validators=[DataRequired("Enter your password."), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    confirm = StringField(
        f"Type “{CONFIRM_PHRASE}” to confirm",
        validators=[DataRequired(f"Type “{CONFIRM_PHRASE}” to confirm."), Length(max=100)],
        render_kw={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"},
    )

    def validate_confirm(self, field):
        if " ".join(field.data.split()).casefold() != CONFIRM_PHRASE:
            raise ValidationError(f"Type “{CONFIRM_PHRASE}” exactly, to show you mean it.")


class RetentionForm(StrippedForm):
    closed = BooleanField("This application is closed")
    retention_days = IntegerField(
        "Erase their contact details this many days after closing",
        validators=[
            Optional(),
            NumberRange(
                0,
                portability.MAX_RETENTION_DAYS,
                message=f"Choose from 0 to {portability.MAX_RETENTION_DAYS:,} days, "
                "or leave it empty to keep them.",
            ),
        ],
    )


def _password_refused(response) -> bool:
    return bool(g.get("password_refused"))


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


@bp.get("/export.json")
def export():
    """Everything in the account as one JSON file."""
    now = utcnow()
    document = portability.export_account(db.session, current_user._get_current_object(), now)
    name = download_name("afterword-export", now.date().isoformat(), suffix=".json")
    return download(json.dumps(document, ensure_ascii=False, indent=2), "application/json", name)


@bp.get("/applications/<application_id>/contacts.vcf")
def contacts_vcf(application_id):
    """The people met for an application, for the phone's address book."""
    application = owned_or_404(Application, application_id)
    name = download_name("contacts", application.company, suffix=".vcf")
    return download(portability.vcards(application), "text/vcard", name)


@bp.route("/import", methods=["GET", "POST"])
@limiter.limit("10/minute;60/hour", methods=["POST"], key_func=per_user)
def import_():
    """Add the contents of an exported file to this account, all or nothing; when it holds
    applications already here, first say so and ask what to do with them."""
    form = ImportForm()
    if form.validate_on_submit():
        raw = form.file.data.read(portability.MAX_FILE_BYTES + 1)
        user = current_user._get_current_object()
        try:
            preview = portability.preview_import(db.session, user, raw)
            if preview.already_here:
                choice = ImportChoiceForm(formdata=None, document=json.dumps(preview.document))
                return _import_choice(choice, preview)
            summary = portability.import_account(db.session, user, preview.document)
        except portability.ImportRefused as refused:
            form.file.errors.append(f"Nothing was imported. {refused.message}")
        else:
            return _imported(summary)
    return render("account/import.html", form=form, max_mb=MAX_MB)


@bp.post("/import/choice")
@limiter.limit("10/minute;60/hour", key_func=per_user)
def import_choice():
    """Import a file checked a moment ago, doing with what is already here what was chosen."""
    # The file comes back as form text, JSON-escaped: allow it the file's limit, twice over.
    request.max_form_memory_size = 2 * portability.MAX_FILE_BYTES
    form = ImportChoiceForm()
    user = current_user._get_current_object()
    try:
        preview = portability.preview_import(db.session, user, (form.document.data or "").encode())
        if not form.validate_on_submit():
            return _import_choice(form, preview, status=422)
        summary = portability.import_account(
            db.session, user, preview.document, existing=form.existing.data
        )
    except portability.ImportRefused as refused:
        flash(f"Nothing was imported. {refused.message}", "error")
        return redirect(url_for("account.import_"), code=303)
    return _imported(summary)


def _import_choice(form: ImportChoiceForm, preview, status: int | None = None):
    return render(
        "account/import_choice.html",
        form=form,
        found=preview.already_here,
        total=preview.applications,
        new=preview.applications - len(preview.already_here),
        status=status,
    )


def _imported(summary):
    flash(
        f"Imported {_count(summary.applications, 'application')}, "
        f"{_count(summary.contacts, 'person', 'people')} and "
        f"{_count(summary.talking_points, 'talking point')}.",
        "success",
    )
    return redirect(url_for("home.index"), code=303)


@bp.errorhandler(413)
def too_large(error):
    """A file over the app's request limit is refused on the import page, not a bare error."""
    if request.endpoint != "account.import_" or not current_user.is_authenticated:
        return http_error(error)
    form = ImportForm(formdata=None)
    form.file.errors = [f"Nothing was imported. The file is larger than {MAX_MB} MB."]
    return render("account/import.html", form=form, max_mb=MAX_MB, status=413)


@bp.route("/delete", methods=["GET", "POST"])
@limiter.limit("5/minute", methods=["POST"], key_func=per_user, deduct_when=_password_refused)
def delete():
    """Delete the account and everything in it, after the password and a typed phrase."""
    user = current_user._get_current_object()
    form = DeleteAccountForm()
    if form.validate_on_submit():
        method = current_app.config["PASSWORD_HASH_METHOD"]
        if verify_password(user.password_hash, form.password.data, method):
            accounts.delete_account(db.session, user)
            logout_user()
            session.clear()
            flash("Your account and everything in it are deleted.", "info")
            return redirect(url_for("home.index"), code=303)
        g.password_refused = True
        security_log.warning(
            "wrong password on account deletion ip=%s user=%s", request.remote_addr, user.id
        )
        form.password.errors.append("That is not your password. Nothing was deleted.")
    return render("account/delete.html", form=form)


@bp.route("/password", methods=["GET", "POST"])
def password():
    """Change the password (the current one is needed); every other session ends."""
    user = current_user._get_current_object()
    form = ChangePasswordForm(context=(user.email, user.name))
    if form.validate_on_submit():
        method = current_app.config["PASSWORD_HASH_METHOD"]
        limit = throttle.Limit.parse(current_app.config["SIGN_IN_LIMIT"])
        if not throttle.hit(db.engine, f"password-change:{user.id}", limit):
            abort(429, description=throttle.retry_after(limit))
        if verify_password(user.password_hash, form.current.data, method):
            remembered = request.cookies.get(
                current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
            )
            accounts.set_password(db.session, user, form.password.data, method)
            # The new session token ended every session; this one carries on under it.
            session.clear()
            login_user(user, remember=bool(remembered))
            flash("Password changed. Every other device is signed out.", "success")
            return redirect(url_for("account.profile"), code=303)
        security_log.warning(
            "wrong password on password change ip=%s user=%s", request.remote_addr, user.id
        )
        form.current.errors.append("That is not your current password. Nothing was changed.")
    return render("account/password.html", form=form)


@bp.route("/applications/<application_id>/retention", methods=["GET", "POST"])
def retention(application_id):
    """Close an application, and choose when its people's contact details are erased."""
    application = owned_or_404(Application, application_id)
    form = RetentionForm(
        data={
            "closed": application.closed_at is not None,
            "retention_days": application.retention_days,
        }
    )
    if form.validate_on_submit():
        portability.set_retention(
            db.session,
            application,
            closed=form.closed.data,
            retention_days=form.retention_days.data,
            now=utcnow(),
        )
        return swap_or_redirect(
            url_for("applications.show", application_id=application.id),
            lambda: _retention_form(application, form, saved=True),
            notice="Saved.",
            category="success",
        )
    return _retention_form(application, form)


def _retention_form(application: Application, form: RetentionForm, saved: bool = False):
    return render(
        "account/retention.html",
        block="retention_form",
        application=application,
        retention_form=form,
        saved=saved,
    )


@bp.cli.command("erase-expired")
def erase_expired():
    """Erase the contact details whose retention time is up (run it daily)."""
    erased = portability.erase_expired_contact_details(db.session, utcnow())
    click.echo(f"Erased the contact details of {erased} people.")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
