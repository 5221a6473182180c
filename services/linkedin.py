"""LinkedIn connection notes: which addresses are LinkedIn profiles, and a note's limit."""

from __future__ import annotations

from urllib.parse import urlsplit

from services.composer import channels


def is_linkedin_url(url: str) -> bool:
    """An http(s) address on linkedin.com (any subdomain: www., uk., ...)."""
    parts = urlsplit((url or "").strip())
    host = (parts.hostname or "").lower()
    return parts.scheme in ("http", "https") and (
        host == "linkedin.com" or host.endswith(".linkedin.com")
    )


def note_limit(chosen: int | None) -> int:
    """The account's chosen limit in characters, never above LinkedIn's own."""
    cap = channels.LINKEDIN.max_chars
    return min(chosen or cap, cap)
