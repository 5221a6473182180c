"""Register, sign in, sign out."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, g, redirect, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from extensions import db, limiter
from forms import LoginForm, RegisterForm
from services import accounts
from services.cleaning import clean_text

from .fragments import render

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only redirect within this site."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            return target
    return url_for("home.index")


def _login_failed(response) -> bool:
    return bool(g.get("login_failed"))


def _account_key() -> str:
    # The same cleaning the form applies, so variants of one address share one limit.
    return "account:" + accounts.normalise_email(clean_text(request.form.get("email", "")))


def _start_session(user, remember: bool) -> None:
    # A fresh session at sign-in: nothing from before it survives.
    session.clear()
    login_user(user, remember=remember)


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Create an account and sign in."""
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = accounts.register(
                db.session,
                email=form.email.data,
                password=form.password.data,
                name=form.name.data or "",
                timezone=form.timezone.data,
                method=current_app.config["PASSWORD_HASH_METHOD"],
            )
        except accounts.EmailTaken:
            form.email.errors.append("That email already has an account. Sign in instead.")
        else:
            _start_session(user, remember=False)
            flash("Welcome to Afterword. Start with the job you interviewed for.", "success")
            return redirect(url_for("applications.new"))
    return render("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("5/minute", methods=["POST"], deduct_when=_login_failed)
@limiter.limit("5/minute", methods=["POST"], deduct_when=_login_failed, key_func=_account_key)
def login():
    """Sign in."""
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(
            db.session,
            email=form.email.data,
            password=form.password.data,
            method=current_app.config["PASSWORD_HASH_METHOD"],
        )
        if user:
            _start_session(user, remember=form.remember.data)
            return redirect(_safe_next(request.args.get("next")))
        g.login_failed = True
        form.password.errors.append("That email and password do not match an account.")
    return render("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    """Sign out here and end the session everywhere it was copied."""
    accounts.end_all_sessions(db.session, current_user._get_current_object())
    logout_user()
    session.clear()
    flash("You are signed out.", "info")
    response = redirect(url_for("auth.login"), code=303)
    # A shared phone: pages the browser kept of this account go too. Not "storage": that would
    # also wipe notes still queued on the phone, which sign-out only discards when asked.
    response.headers["Clear-Site-Data"] = '"cache"'
    return response
