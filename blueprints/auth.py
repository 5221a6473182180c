"""Register, sign in, sign out, and get back into an account whose password is lost."""

import logging
from urllib.parse import urlsplit

import click
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user

from extensions import db
from forms import ForgotPasswordForm, LoginForm, RegisterForm, ResetPasswordForm
from services import accounts, mail, throttle
from services.cleaning import clean_text
from services.passwords import password_problem

from .fragments import render

# cli_group=None: the command is `flask reset-password`, not `flask auth reset-password`.
bp = Blueprint("auth", __name__, cli_group=None)
security_log = logging.getLogger("afterword.security")


def _safe_next(target: str | None) -> str:
    """Only redirect within this site, to a path of one line."""
    if target and target.isprintable():
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            return target
    return url_for("home.index")


def _limit(name: str) -> throttle.Limit:
    return throttle.Limit.parse(current_app.config[name])


def _within(*counters: tuple[str, str]) -> bool:
    """Count this attempt on every (setting, counter name) pair; False if any is over."""
    allowed = True
    for setting, name in counters:
        if not throttle.hit(db.engine, name, _limit(setting)):
            allowed = False
    return allowed


def _too_many(what: str, setting: str):
    """Refuse an attempt over a limit: a 429 that says how long to wait."""
    wait = throttle.retry_after(_limit(setting))
    security_log.warning("limit reached what=%s ip=%s", what, request.remote_addr)
    abort(429, description=wait)


def _start_session(user, remember: bool) -> None:
    # A fresh session at sign-in: nothing from before it survives.
    session.clear()
    login_user(user, remember=remember)


def _mail_server() -> mail.MailServer | None:
    url = current_app.config.get("MAIL_URL")
    return mail.MailServer.from_url(url) if url else None


def _link(endpoint: str, **values) -> str:
    """An absolute link for an email, on PUBLIC_URL (never the request's Host header)."""
    base = (current_app.config.get("PUBLIC_URL") or request.url_root).rstrip("/")
    return base + url_for(endpoint, **values)


def _send(server: mail.MailServer, to: str, subject: str, body: str) -> None:
    sender = current_app.config["MAIL_FROM"]
    mail.send_later(server, mail.message(sender=sender, to=to, subject=subject, body=body))


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Create an account and sign in; a taken address gets the same answer (and an email)."""
    form = RegisterForm()
    if form.validate_on_submit():
        ip = request.remote_addr
        if not _within(("SIGN_UP_LIMIT_IP", f"sign-up:ip:{ip}"), ("SIGN_UP_LIMIT", "sign-up")):
            _too_many("sign-up", "SIGN_UP_LIMIT_IP")
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
            _already_registered(form.email.data)
        else:
            _start_session(user, remember=form.remember.data)
        # The same answer whether the address was new or taken: only its owner learns which.
        flash(REGISTERED, "success")
        return redirect(url_for("applications.new"))
    return render("auth/register.html", form=form)


REGISTERED = (
    "Welcome to Afterword. Start with the job you interviewed for. (If that address already "
    "had an account, nothing changed: sign in with its password.)"
)


def _already_registered(email: str) -> None:
    security_log.info("sign-up for a taken address ip=%s", request.remote_addr)
    server = _mail_server()
    if server is None:
        return
    _send(
        server,
        accounts.normalise_email(email),
        "You already have an Afterword account",
        "Someone, probably you, tried to create an Afterword account with this address.\n"
        "You already have one, so nothing was changed.\n\n"
        f"Sign in: {_link('auth.login')}\n"
        f"Forgot your password? Choose a new one: {_link('auth.forgot_password')}\n\n"
        "If it was not you, you can ignore this message.\n",
    )


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign in."""
    form = LoginForm()
    if form.validate_on_submit():
        ip = request.remote_addr
        # Cleaned like the form cleans it, so variants of one address share one counter.
        account = accounts.normalise_email(clean_text(form.email.data))
        pair = f"sign-in:{ip}:{account}"
        # Counted before the password is checked, so guesses sent at once are counted too.
        # Per address *and* account: a stranger's guesses do not lock the owner out.
        if not _within(("SIGN_IN_LIMIT", pair), ("SIGN_IN_LIMIT_IP", f"sign-in:ip:{ip}")):
            _too_many("sign-in", "SIGN_IN_LIMIT")
        user = accounts.authenticate(
            db.session,
            email=form.email.data,
            password=form.password.data,
            method=current_app.config["PASSWORD_HASH_METHOD"],
        )
        if user:
            throttle.clear(db.engine, pair, _limit("SIGN_IN_LIMIT"))
            _start_session(user, remember=form.remember.data)
            return redirect(_safe_next(request.args.get("next")))
        security_log.info("sign-in refused ip=%s", ip)
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


@bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    """Ask for a reset link by email (or, with no mail server, read how to get one)."""
    server = _mail_server()
    form = ForgotPasswordForm()
    if server is not None and form.validate_on_submit():
        address = accounts.normalise_email(form.email.data)
        ip = request.remote_addr
        if not _within(
            ("RESET_LIMIT_IP", f"reset:ip:{ip}"), ("RESET_LIMIT_ACCOUNT", f"reset:{address}")
        ):
            _too_many("password reset", "RESET_LIMIT_IP")
        user = accounts.find_by_email(db.session, address)
        if user is not None:
            _send_reset_link(server, user)
        security_log.info("password reset asked ip=%s", ip)
        # The same words whether or not the address has an account.
        flash(
            f"If {address} has an account, a link to choose a new password is on its way. "
            "It works once, within 30 minutes.",
            "info",
        )
        return redirect(url_for("auth.login"), code=303)
    return render("auth/forgot.html", form=form, mail_configured=server is not None)


def _send_reset_link(server: mail.MailServer, user) -> None:
    token = accounts.reset_token(user, current_app.config["SECRET_KEY"])
    _send(
        server,
        user.email,
        "Choose a new Afterword password",
        "Someone, probably you, asked to reset the password of your Afterword account.\n\n"
        f"Choose a new password here (the link works once, within 30 minutes):\n"
        f"{_link('auth.reset_password', token=token)}\n\n"
        "If it was not you, ignore this message: your password stays as it is.\n",
    )


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token):
    """Choose a new password from an emailed link; every other session ends."""
    user = accounts.user_for_reset_token(db.session, token, current_app.config["SECRET_KEY"])
    if user is None:
        security_log.info("password reset link refused ip=%s", request.remote_addr)
        return render_template("auth/reset_expired.html"), 410
    form = ResetPasswordForm(context=(user.email, user.name))
    if form.validate_on_submit():
        accounts.set_password(
            db.session, user, form.password.data, current_app.config["PASSWORD_HASH_METHOD"]
        )
        _start_session(user, remember=False)
        flash("Your password is changed, and every other device is signed out.", "success")
        return redirect(url_for("home.index"), code=303)
    return render("auth/reset.html", form=form, user=user)


@bp.cli.command("reset-password")
@click.argument("email")
@click.password_option("--password", prompt="New password", help="Asked for when not given.")
def reset_password_command(email, password):
    """Set a new password for EMAIL's account and sign it out everywhere."""
    user = accounts.find_by_email(db.session, email)
    if user is None:
        raise click.ClickException(f"No account has the address {email}.")
    problem = password_problem(password, (user.email, user.name))
    if problem:
        raise click.ClickException(problem)
    accounts.set_password(db.session, user, password, current_app.config["PASSWORD_HASH_METHOD"])
    click.echo(f"New password set for {user.email}; every session of the account is signed out.")
