"""LinkedIn connection notes: which addresses are LinkedIn profiles, and a note's limit."""

from __future__ import annotations

from services.composer import channels
from services.fields import is_linkedin_url

__all__ = ["is_linkedin_url", "note_limit"]


def note_limit(chosen: int | None) -> int:
    """The account's chosen limit in characters, never above LinkedIn's own."""
    cap = channels.LINKEDIN.max_chars
    return min(chosen or cap, cap)
