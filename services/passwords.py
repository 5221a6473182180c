"""Password rules (length only, plus a list of common ones) and hashing."""

from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH = 8
MAX_LENGTH = 128
_COMMON = frozenset(
    line.strip().lower()
    for line in (Path(__file__).with_name("common_passwords.txt")).read_text().splitlines()
    if line.strip()
)
# A real hash to compare against when the email is unknown, so both failures take as long.
_DUMMY_HASH: dict[str, str] = {}


def password_problem(password: str) -> str | None:
    """What is wrong with a new password, in words for the user, or None."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Use at most {MAX_LENGTH} characters."
    if password.lower() in _COMMON:
        return "That password is one of the most common ones. Choose another."
    return None


def hash_password(password: str, method: str) -> str:
    return generate_password_hash(password, method=method)


def verify_password(stored_hash: str | None, password: str, method: str) -> bool:
    """Check a password; with no stored hash, spend the same time and fail."""
    if stored_hash is None:
        if method not in _DUMMY_HASH:
            _DUMMY_HASH[method] = generate_password_hash("not-a-password", method=method)
        check_password_hash(_DUMMY_HASH[method], password)
        return False
    return check_password_hash(stored_hash, password)
