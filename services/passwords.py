"""Password rules (8 to 128 characters, and not easy to guess) and hashing.

Strength is zxcvbn's estimate, told the user's own email and name so that a password built
from them counts as weak. Hashing is scrypt at 128 MiB a hash: `hashing` caps how many run
at once in this process, so a flood of sign-ins waits in line instead of exhausting memory.
"""

import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from werkzeug.security import check_password_hash, generate_password_hash
from zxcvbn import zxcvbn

MIN_LENGTH = 8
MAX_LENGTH = 128
# zxcvbn's scores run 0 to 4; 3 is "safely unguessable" (about 10^10 guesses).
MIN_SCORE = 3
# zxcvbn refuses longer input; a password this long is judged on its first 72 characters.
_ZXCVBN_MAX = 72
# A real hash to compare against when the email is unknown, so both failures take as long.
_DUMMY_HASH: dict[str, str] = {}


class Busy(Exception):
    """Too many password hashes are being computed at once: try again in a moment."""


class _HashGate:
    """At most `limit` hashes at once in this process; others wait up to `wait` seconds."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._semaphore = threading.BoundedSemaphore(2)
        self._limit = 2

    def configure(self, limit: int) -> None:
        with self._lock:
            if limit != self._limit:
                self._semaphore = threading.BoundedSemaphore(limit)
                self._limit = limit

    @contextmanager
    def slot(self, wait: float) -> Iterator[None]:
        semaphore = self._semaphore
        if not semaphore.acquire(timeout=wait):
            raise Busy
        try:
            yield
        finally:
            semaphore.release()


hashing = _HashGate()
HASH_WAIT_SECONDS = 10.0


def password_problem(password: str, context: Iterable[str] = ()) -> str | None:
    """What is wrong with a new password, in words for the user, or None.

    `context` is what an attacker would try first: the user's email and name.
    """
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Use at most {MAX_LENGTH} characters."
    words = _context_words(context)
    result = zxcvbn(password[:_ZXCVBN_MAX], user_inputs=words)
    if _mostly_context(password, words):
        why = "It is built from your email or name, which is the first thing someone would try."
    elif result["score"] >= MIN_SCORE:
        return None
    else:
        why = result["feedback"]["warning"] or "It would be guessed quickly."
    advice = " ".join(result["feedback"]["suggestions"]) or "Add another word or two."
    return f"That password is easy to guess. {_sentence(why)} {_sentence(advice)}"


def _context_words(context: Iterable[str]) -> list[str]:
    words: list[str] = []
    for value in context:
        value = (value or "").casefold()
        if value:
            words.append(value)
            words.extend(w for w in re.split(r"[\W_]+", value) if len(w) >= 3)
    return words


def _mostly_context(password: str, words: list[str]) -> bool:
    """Your name or email with a few characters around it ("anaortiz123")."""
    rest = password.casefold()
    found = False
    for word in sorted(words, key=len, reverse=True):
        if len(word) >= 3 and word in rest:
            rest = rest.replace(word, "")
            found = True
    return found and len(rest) < MIN_LENGTH


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def hash_password(password: str, method: str) -> str:
    with hashing.slot(HASH_WAIT_SECONDS):
        return generate_password_hash(password, method=method)


def verify_password(stored_hash: str | None, password: str, method: str) -> bool:
    """Check a password; with no stored hash, spend the same time and fail."""
    with hashing.slot(HASH_WAIT_SECONDS):
        if stored_hash is None:
            if method not in _DUMMY_HASH:
                _DUMMY_HASH[method] = generate_password_hash("not-a-password", method=method)
            check_password_hash(_DUMMY_HASH[method], password)
            return False
        return check_password_hash(stored_hash, password)
