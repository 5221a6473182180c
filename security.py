"""Session loading and the headers every response carries."""

import logging

from flask import Flask, Response, request
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

from extensions import db, login_manager
from models import User
from services import mail, passwords

CSP = (
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'; img-src 'self' data:; manifest-src 'self'; worker-src 'self'"
)
# The business-card reader's worker compiles Tesseract's WebAssembly: only its own files (a
# worker takes the CSP of its script) may do that, and nothing may eval JavaScript.
OCR_PATH = "/static/vendor/tesseract/"
OCR_CSP = CSP + "; script-src 'self' 'wasm-unsafe-eval'"

# Powerful features nothing here uses, off for this site and anything it might embed; the
# camera stays allowed to the site itself (photographing a business card on the phone).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(self), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)


def init_app(app: Flask) -> None:
    login_manager.session_protection = app.config["SESSION_PROTECTION"]
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to continue."
    login_manager.login_message_category = "info"
    login_manager.user_loader(load_user)
    login_manager.unauthorized_handler(_unauthorized)
    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    app.after_request(add_security_headers)
    passwords.hashing.configure(app.config["HASH_CONCURRENCY"])
    if app.config["MAIL_URL"]:
        mail.MailServer.from_url(app.config["MAIL_URL"])  # A malformed URL stops start-up.
        if not app.config["PUBLIC_URL"]:
            logging.getLogger("afterword").warning(
                "MAIL_URL is set but PUBLIC_URL is not: links in emails use the request's host."
            )


def load_user(user_id: str) -> User | None:
    """Accept a session only while its token matches: sign-out rotates the token."""
    numeric, _, token = user_id.partition(":")
    if not numeric.isdigit() or not token:
        return None
    user = db.session.get(User, int(numeric))
    if user is None or user.session_token != token:
        return None
    return user


def _unauthorized():
    from flask import flash, redirect, url_for

    from blueprints.errors import json_error

    if request.path.startswith("/api/"):
        return json_error(401, "not_signed_in", "Sign in to sync.")
    flash(login_manager.login_message, "info")
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault(
        "Content-Security-Policy", OCR_CSP if request.path.startswith(OCR_PATH) else CSP
    )
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    headers.add("Vary", "HX-Request")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
    if current_user.is_authenticated and not request.path.startswith("/static/"):
        headers["Cache-Control"] = "no-store"
    return response


def per_user() -> str:
    """Rate-limit key for signed-in work: the account (not the session, which sign-in renews)."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{request.remote_addr}"
