"""Registering, signing in and signing out, without the web layer."""

import hashlib
import logging
import secrets
from zoneinfo import available_timezones

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from models import (
    Application,
    AppliedMutation,
    Contact,
    Draft,
    DraftVersion,
    Interview,
    TalkingPoint,
    User,
    interview_contacts,
)
from services.passwords import hash_password, verify_password

# A reset link works for 30 minutes, and once: it is bound to the password it replaces.
RESET_MAX_AGE = 30 * 60
_RESET_SALT = "afterword-password-reset"

log = logging.getLogger("afterword.auth")
# What happens to the account as a whole (export, import, deletion), as the export logs it.
account_log = logging.getLogger("afterword.account")


class EmailTaken(Exception):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def valid_timezone(name: str | None) -> str:
    return name if name and name in available_timezones() else "UTC"


def register(
    session: Session, *, email: str, password: str, name: str, timezone: str, method: str
) -> User:
    """Create an account; raises EmailTaken when the address already has one.

    The password is hashed either way, so a taken address answers as slowly as a new one.
    """
    email = normalise_email(email)
    password_hash = hash_password(password, method)
    if find_by_email(session, email) is not None:
        raise EmailTaken(email)
    user = User(
        email=email,
        password_hash=password_hash,
        name=name.strip(),
        timezone=valid_timezone(timezone),
    )
    session.add(user)
    session.commit()
    log.info("register user=%s", user.id)
    return user


def find_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


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


def set_password(session: Session, user: User, password: str, method: str) -> None:
    """Give the account a new password and end every session it had (cookies and links)."""
    user.password_hash = hash_password(password, method)
    user.session_token = secrets.token_hex(32)
    session.commit()
    log.info("password changed user=%s", user.id)


def reset_token(user: User, secret_key: str) -> str:
    """The token of a password-reset link for this user."""
    return _reset_serializer(secret_key).dumps({"u": user.id, "p": _fingerprint(user)})


def user_for_reset_token(
    session: Session, token: str, secret_key: str, max_age: int = RESET_MAX_AGE
) -> User | None:
    """The user a reset link is for, or None when it is forged, older than `max_age` seconds,
    or already used (the password it was made for has changed since)."""
    try:
        data = _reset_serializer(secret_key).loads(token, max_age=max_age)
    except BadSignature:  # SignatureExpired is a BadSignature too.
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = session.get(User, data["u"])
    if user is None or not secrets.compare_digest(str(data.get("p")), _fingerprint(user)):
        return None
    return user


def _reset_serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=_RESET_SALT)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:32]


def delete_account(session: Session, user: User) -> int:
    """Delete the user and every row of theirs, children first; the number of rows deleted.

    Explicit deletes rather than ON DELETE CASCADE: SQLite enforces foreign keys only when
    asked to, so a cascade cannot be relied on.
    """
    user_id = user.id
    drafts = select(Draft.id).where(Draft.user_id == user_id)
    interviews = select(Interview.id).where(Interview.user_id == user_id)
    contacts = select(Contact.id).where(Contact.user_id == user_id)
    statements = [
        delete(DraftVersion).where(DraftVersion.draft_id.in_(drafts)),
        delete(Draft).where(Draft.user_id == user_id),
        delete(TalkingPoint).where(TalkingPoint.user_id == user_id),
        delete(interview_contacts).where(
            or_(
                interview_contacts.c.interview_id.in_(interviews),
                interview_contacts.c.contact_id.in_(contacts),
            )
        ),
        delete(Contact).where(Contact.user_id == user_id),
        delete(Interview).where(Interview.user_id == user_id),
        delete(Application).where(Application.user_id == user_id),
        delete(AppliedMutation).where(AppliedMutation.user_id == user_id),
        delete(User).where(User.id == user_id),
    ]
    rows = 0
    try:
        for statement in statements:
            options = {"synchronize_session": False}
            rows += session.execute(statement, execution_options=options).rowcount
        session.expunge_all()
        session.commit()
    except Exception:
        session.rollback()
        raise
    account_log.info("account deleted user=%s rows=%d", user_id, rows)
    return rows
