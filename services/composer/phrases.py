"""Phrase books: the sentences a note is built from, one data file per language and tone.

`phrases/<language>-<tone>.json` holds {"language", "tone", "phrases": {key: [variants]}}. Every
book of a language must have the same keys with the same number of variants, so a tone is a
parameter of one phrase book: changing a warm sentence can never silently orphan its formal twin.
Each variant may use only the placeholders its key allows. Books are checked when first loaded.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PHRASES_DIR = Path(__file__).with_name("phrases")
TONES = ("warm", "formal", "brief")

# Each key and the placeholders its variants may use.
KEYS: dict[str, frozenset[str]] = {
    key: frozenset(fields)
    for key, fields in {
        "greeting": {"first"},
        "greeting_honorific": {"title", "last", "first", "full"},
        "greeting_full": {"first", "full"},
        "greeting_nobody": set(),
        "valediction": set(),
        "card_valediction": set(),
        "thanks": {"role_at", "company"},
        "wrap_thanks": {"role_at", "company"},
        "card_thanks": {"role_at", "company"},
        "card_wrap_thanks": {"role_at", "company"},
        "met_thanks": {"role_at", "company"},
        "interest": {"company"},
        "fit": {"fit", "company"},
        "closing": {"company"},
        "card_close": set(),
        "card_close_met": set(),
        "met": {"names"},
        "met_nobody": set(),
        "pass_on": {"names"},
        "carry_promise": {"name", "x", "it", "link"},
        "card_carried": {"courier", "x"},
        "title_line": {"title"},
        "subject_email": {"first", "role", "candidate"},
        "subject_wrapup": {"first", "role", "candidate"},
        "read_topic_np": {"x"},
        "read_topic_clause": {"x"},
        "read_work_np": {"x"},
        "read_work_clause": {"x"},
        "read_common_np": {"x"},
        "read_common_clause": {"x"},
        "read_other_np": {"x"},
        "read_other_clause": {"x"},
        "read_other_act": {"x"},
        "read_other_liked": {"x"},
        "read_candid": {"x"},
        "read_promise_link": {"x", "is", "url"},
        "read_promise_nolink": {"x", "is", "placeholder"},
        "read_question_direct": {"x"},
        "read_question_indirect": {"x"},
        "read_question_about": {"x"},
        "read_answered": {"q", "a"},
        "read_answered_with": {"q", "a"},
        "read_wish_topic": {"topic", "a"},
        "read_wish_mention": {"a"},
        "read_wish_mention_topic": {"topic", "a"},
        "read_wish_answer": {"a"},
        "read_wish_np": {"x"},
        "read_wish_clause": {"x"},
        # LinkedIn connection notes and the follow-up after silence.
        "linkedin_connect": {"role_at", "company"},
        "linkedin_connect_organiser": {"role_at", "company"},
        "linkedin_short": {"company"},
        "linkedin_sign": {"first", "full"},
        "followup_open": {"role_at", "company", "day"},
        "followup_open_noday": {"role_at", "company"},
        "followup_met": {"names"},
        "followup_interest": {"company"},
        "followup_fit": {"fit", "company"},
        "followup_ask": set(),
        "followup_close": set(),
        "subject_followup": {"role", "company", "candidate"},
    }.items()
}
# Pools a panel draws one variant per person from need enough variants for a panel of eight.
PANEL_POOLS = (
    "thanks", "wrap_thanks", "card_thanks", "card_wrap_thanks", "interest", "fit", "closing",
    "card_close", "met", "pass_on", "title_line", "subject_email", "subject_wrapup",
    "linkedin_connect", "linkedin_connect_organiser", "linkedin_short",
)  # fmt: skip
PANEL_POOL_SIZE = 8


class PhraseBookError(ValueError):
    """A phrase file is missing, malformed, or out of step with its language's other tones."""


@dataclass(frozen=True)
class PhraseBook:
    language: str
    tone: str
    phrases: dict[str, tuple[str, ...]]

    def pick(self, key: str, index: int) -> str:
        pool = self.phrases[key]
        return pool[index % len(pool)]

    def one(self, key: str) -> str:
        return self.phrases[key][0]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _load_file(path: Path) -> PhraseBook:
    where = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise PhraseBookError(f"{where}: cannot be read as JSON ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get("phrases"), dict):
        raise PhraseBookError(f"{where}: expected an object with a 'phrases' object")
    language, tone = data.get("language"), data.get("tone")
    if f"{language}-{tone}.json" != where:
        raise PhraseBookError(f"{where}: says language {language!r} and tone {tone!r}")
    phrases: dict[str, tuple[str, ...]] = {}
    for key, variants in data["phrases"].items():
        if key not in KEYS:
            raise PhraseBookError(f"{where}: unknown key {key!r}")
        if not isinstance(variants, list) or not variants:
            raise PhraseBookError(f"{where}: {key!r} must be a non-empty list of sentences")
        for number, variant in enumerate(variants, 1):
            if not isinstance(variant, str) or not variant.strip():
                raise PhraseBookError(f"{where}: {key!r} variant {number} is not a sentence")
            try:
                extra = _fields(variant) - KEYS[key]
            except ValueError as error:
                raise PhraseBookError(f"{where}: {key!r} variant {number}: {error}") from error
            if extra:
                allowed = ", ".join(sorted(KEYS[key])) or "none"
                raise PhraseBookError(
                    f"{where}: {key!r} variant {number} uses {{{', '.join(sorted(extra))}}}; "
                    f"allowed: {allowed}"
                )
        if len(set(variants)) != len(variants):
            raise PhraseBookError(f"{where}: {key!r} repeats a variant")
        phrases[key] = tuple(variants)
    missing = sorted(set(KEYS) - set(phrases))
    if missing:
        raise PhraseBookError(f"{where}: missing keys {', '.join(missing)}")
    for key in PANEL_POOLS:
        if len(phrases[key]) < PANEL_POOL_SIZE:
            raise PhraseBookError(
                f"{where}: {key!r} needs {PANEL_POOL_SIZE} variants, one per person of a panel"
            )
    return PhraseBook(language, tone, phrases)


def load_language(language: str, directory: Path | None = None) -> dict[str, PhraseBook]:
    """Every tone of one language, checked against each other."""
    directory = directory or PHRASES_DIR
    books = {}
    for tone in TONES:
        path = directory / f"{language}-{tone}.json"
        if not path.exists():
            raise PhraseBookError(f"{path.name}: no phrase book for {language!r} in tone {tone!r}")
        books[tone] = _load_file(path)
    sizes = {key: len(pool) for key, pool in books["warm"].phrases.items()}
    for tone, book in books.items():
        for key, pool in book.phrases.items():
            if len(pool) != sizes[key]:
                raise PhraseBookError(
                    f"{language}-{tone}.json: {key!r} has {len(pool)} variants, "
                    f"but {language}-warm.json has {sizes[key]}"
                )
    return books


@cache
def book(language: str, tone: str) -> PhraseBook:
    """The phrase book for a language and tone (unknown tones read as warm)."""
    return load_language(language)[tone if tone in TONES else "warm"]


def languages(directory: Path | None = None) -> tuple[str, ...]:
    directory = directory or PHRASES_DIR
    return tuple(sorted({p.name.split("-", 1)[0] for p in directory.glob("*-warm.json")}))
