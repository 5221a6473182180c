"""Registering, signing in and signing out, without the web layer."""

import logging
import secrets
from zoneinfo import available_timezones

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import User
from services.passwords import hash_password, verify_password

log = logging.getLogger("afterword.auth")


class EmailTaken(Exception):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def valid_timezone(name: str | None) -> str:
    return name if name and name in available_timezones() else "UTC"


def register(
    session: Session, *, email: str, password: str, name: str, timezone: str, method: str
) -> User:
    """Create an account; raises EmailTaken when the address already has one."""
    email = normalise_email(email)
    if session.scalar(select(User.id).where(func.lower(User.email) == email)):
        raise EmailTaken(email)
    user = User(
        email=email,
        password_hash=hash_password(password, method),
        name=name.strip(),
        timezone=valid_timezone(timezone),
    )
    session.add(user)
    session.commit()
    log.info("register user=%s", user.id)
    return user


def authenticate(session: Session, *, email: str, password: str, method: str) -> User | None:
    """The user with this email and password, or None (same work either way)."""
    user = session.scalar(select(User).where(User.email == normalise_email(email)))
    ok = verify_password(user.password_hash if user else None, password, method)
    if not ok:
        log.info("sign-in failed user=%s", user.id if user else "unknown")
        return None
    log.info("sign-in user=%s", user.id)
    return user


def end_all_sessions(session: Session, user: User) -> None:
    """Rotate the session token so every cookie issued before now stops working."""
    user.session_token = secrets.token_hex(32)
    session.commit()
    log.info("sign-out user=%s", user.id)
