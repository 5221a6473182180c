"""Application factory."""

import logging
import os
import secrets
import sys
from pathlib import Path

from flask import Flask

from extensions import csrf, db, htmx, limiter, login_manager, migrate


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure an Afterword app."""
    app = Flask(__name__, instance_relative_config=True)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(_settings(app.instance_path, app.debug or bool(test_config)))
    app.config.from_pyfile("config.py", silent=True)
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("SECRET_KEY is not set: export it, or run `make run` to create one.")

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(app.root_path) / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)

    import security
    from services import readings

    # Every talking point keeps how the drafts read it, however it was saved.
    readings.listen()
    from blueprints import (
        account,
        applications,
        auth,
        capture,
        drafts,
        errors,
        home,
        printing,
        pwa,
        sync,
        templating,
    )

    security.init_app(app)
    templating.init_app(app)
    _configure_logging()
    _warn_about_local_rate_limits(app)
    for module in (errors, auth, home, applications, capture, drafts, printing, sync, pwa, account):
        app.register_blueprint(module.bp)
    return app


def _settings(instance_path: str, development: bool) -> dict:
    """Defaults and the environment; instance/config.py and the test config override them."""
    debug = os.environ.get("FLASK_DEBUG", "") in ("1", "true", "True") or development
    secure = not debug
    settings = {
        "SECRET_KEY": _secret_key(instance_path, debug),
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # "basic", not "strong": a phone walking from Wi-Fi to mobile data changes its address,
        # and must stay signed in. The per-user session token (rotated at sign-out) is what
        # ends a copied cookie.
        "SESSION_PROTECTION": "basic",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_DURATION": 30 * 24 * 3600,
        "PERMANENT_SESSION_LIFETIME": 30 * 24 * 3600,
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        # N = 2**17, r = 8, p = 1 (OWASP's scrypt floor).
        "PASSWORD_HASH_METHOD": "scrypt:131072:8:1",
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": True,
        # Attempts allowed, as "count/seconds" (services/throttle.py, shared by every worker):
        # sign-in per client address and account, and per address; sign-up per address, and
        # everyone together.
        "SIGN_IN_LIMIT": os.environ.get("SIGN_IN_LIMIT", "5/60"),
        "SIGN_IN_LIMIT_IP": os.environ.get("SIGN_IN_LIMIT_IP", "20/60"),
        "SIGN_UP_LIMIT_IP": os.environ.get("SIGN_UP_LIMIT_IP", "10/3600"),
        "SIGN_UP_LIMIT": os.environ.get("SIGN_UP_LIMIT", "300/3600"),
        "RESET_LIMIT_IP": os.environ.get("RESET_LIMIT_IP", "10/3600"),
        "RESET_LIMIT_ACCOUNT": os.environ.get("RESET_LIMIT_ACCOUNT", "3/3600"),
        # Password hashes computed at once per worker process (each scrypt hash takes 128 MiB).
        "HASH_CONCURRENCY": int(os.environ.get("HASH_CONCURRENCY", "2") or 2),
        # Outgoing mail (password reset): smtp://user:pass@host:587 or smtps://user:pass@host:465.
        "MAIL_URL": os.environ.get("MAIL_URL", ""),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "Afterword <afterword@localhost>"),
        # Links in emails start with this (never with the Host header a request brought).
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", ""),
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0") or 0),
        "MAX_CONTENT_LENGTH": 4 * 1024 * 1024,
        # How long the offline island waits for one sync request before giving up on it.
        "SYNC_TIMEOUT_SECONDS": 20,
        # "Polish" with the operator's own OpenAI-compatible model (services/polish.py): off
        # unless LLM_BASE_URL is set; nothing leaves the server while it is off.
        "LLM_BASE_URL": os.environ.get("LLM_BASE_URL", ""),
        "LLM_API_KEY": os.environ.get("LLM_API_KEY", ""),
        "LLM_MODEL": os.environ.get("LLM_MODEL", ""),
        "LLM_TIMEOUT_SECONDS": float(os.environ.get("LLM_TIMEOUT_SECONDS", "20") or 20),
    }
    return settings


def _secret_key(instance_path: str, debug: bool) -> str | None:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = Path(instance_path) / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    # A development server may run with a throwaway key; production must say which key to use.
    return secrets.token_hex(32) if debug else None


def _database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return "sqlite:///" + str(Path(instance_path) / "afterword.sqlite")
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _warn_about_local_rate_limits(app: Flask) -> None:
    """Under gunicorn each worker counts on its own: limits need a shared store such as Redis."""
    if app.config["RATELIMIT_STORAGE_URI"].startswith("memory://") and "gunicorn" in sys.modules:
        app.logger.warning(
            "RATELIMIT_STORAGE_URI is memory://: each worker keeps its own counts, so the PDF, "
            "import and drafts-page limits are multiplied by the number of workers (sign-in "
            "and sign-up are counted in the database). Set it to redis://..."
        )


def _configure_logging() -> None:
    """Security events (sign-in, export, deletion...) go to stderr unless logging is set up."""
    logger = logging.getLogger("afterword")
    logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))
    if not logging.getLogger().handlers and not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logger.addHandler(handler)
