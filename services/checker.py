"""Warnings shown beside a draft before the candidate sends it.

Pure functions of the draft text and its context: no Flask, no database. Each warning has a
stable code for the interface and a message written for the candidate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from services.composer import channels, clean_jot, first_name, word_count
from services.composer.grammar import _HONORIFICS, sure_name, unsure_name
from services.composer.planner import called_in

__all__ = ["CODES", "DraftWarning", "check_draft", "content_sentences"]

CODES = (
    "no_detail",
    "too_long",
    "pleading",
    "near_duplicate",
    "name_mismatch",
    "no_title",
    "title_from_notes",
    "name_unsure",
    "no_email",
    "deadline_passed",
    "attach_reminder",
    "placeholder",
)

# Shingle overlap above this reads as the same note with the names swapped.
NEAR_DUPLICATE_JACCARD = 0.5
# Shorter shared sentences ("Thanks again.") are fine; longer ones are what a panel notices.
SHARED_SENTENCE_MIN_WORDS = 5


@dataclass(frozen=True)
class DraftWarning:
    code: str
    message: str


_PLEADING = re.compile(
    r"please\s+(?:give\s+me\s+a\s+chance|hire\s+me|consider\s+me|don'?t\s+reject)"
    r"|give\s+me\s+a\s+chance"
    r"|(?:really|desperately|badly|truly)\s+need\s+(?:this|the|a)\s+job"
    r"|\bneed\s+this\s+job\b"
    r"|\bbeg(?:ging|ged|s)?\b"
    r"|\bdesperate(?:ly)?\b"
    r"|!{2,}"
    r"|\bany\s+(?:job|position|role)\s+(?:at\s+all|you\s+have)"
    r"|\bany\s+job\b"
    r"|\bi(?:'ll|\s+will)\s+do\s+anything\b"
    r"|\bwilling\s+to\s+do\s+anything\b"
    r"|\bhire\s+me\b"
    r"|\bmy\s+last\s+(?:chance|hope)\b"
    r"|\bi\s+(?:am|'m)\s+praying\b",
    re.IGNORECASE,
)
# "I've attached my slides", "please find attached", "the attachment": the file must go with it.
_ATTACHING = re.compile(
    r"\battach(?:ed|ing|es|ment|ments)?\b|\benclos(?:ed|ing|ure)\b", re.IGNORECASE
)
# The composer's visible gap where a promised link goes ("[add the link or file]").
# The reader's two placeholders: "[add the link or file]" and "[write it in here]".
_PLACEHOLDER = re.compile(r"\[(?:add|write) [^\]]*\]", re.IGNORECASE)
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|good\s+\w+|greetings)\b", re.IGNORECASE)
_VALEDICTION = re.compile(
    r"^(?:best|warm(?:est)?|warmly|kind|many|thanks|thank\s+you|sincerely|yours|cheers|regards|"
    r"all\s+the\s+best|with\s+(?:sincere\s+)?thanks|respectfully|gratefully)\b[\w\s]{0,20},?$",
    re.IGNORECASE,
)
_STOPWORDS = {
    "the", "and", "for", "with", "that", "this", "from", "about", "have", "has", "had", "was",
    "were", "are", "you", "your", "our", "their", "they", "them", "she", "her", "his", "him",
    "but", "not", "all", "any", "can", "will", "would", "could", "should", "just", "also",
    "really", "very", "into", "onto", "over", "more", "some", "what", "when", "where", "which",
    "who", "how", "why", "its", "it's", "too", "team", "send", "ask", "talked", "discussed",
    "wish", "said", "mentioned", "forgot", "mention", "link", "lol", "like", "then", "than",
    "both", "we", "there", "been", "being", "does", "did", "she's", "he's", "i'd",
    "i'm", "should've", "question", "fumbled", "blanked", "convo", "conversation", "share",
    "forward", "email", "give", "get", "drop", "mail", "asked", "chatted", "covered", "promised",
    # Words every thank-you note uses, which prove nothing about this conversation.
    "talk", "chat", "role", "job", "work", "interview", "time", "day", "meet", "meeting",
    "thanks", "thank", "great", "good", "nice", "cool", "interesting", "company", "people",
    "thing", "things", "lot", "enjoyed", "loved", "next", "steps", "hear", "learn",
}  # fmt: skip


def _lines(body: str) -> list[str]:
    return [line.strip() for line in body.strip().splitlines()]


def greeting_line(body: str) -> str:
    """The first non-empty line of the note."""
    return next((line for line in _lines(body) if line), "")


def content_sentences(body: str) -> list[str]:
    """Sentences of the note between the greeting line and the sign-off block."""
    lines = _lines(body)
    while lines and not lines[0]:
        lines.pop(0)
    if lines and (
        _GREETING.match(lines[0]) or (len(lines[0].split()) <= 5 and lines[0].endswith(","))
    ):
        lines = lines[1:]
    for i in range(len(lines) - 1, -1, -1):
        if lines[i] and _VALEDICTION.match(lines[i]) and len(lines[i].split()) <= 5:
            lines = lines[:i]
            break
    text = " ".join(line for line in lines if line)
    parts = re.split(r"(?<=[.!?])\s+", text)
    return [p.strip() for p in parts if p.strip()]


def _norm(sentence: str) -> str:
    return " ".join(re.findall(r"[\w'/.:-]+", sentence.lower())).strip(".")


def _shingles(sentences: Sequence[str], size: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"[\w']+", " ".join(sentences).lower())
    return {tuple(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


def _keywords(point: str) -> tuple[set[str], tuple[str, ...]]:
    text, urls = clean_jot(point)
    words = {
        w
        for w in re.findall(r"[\w'+#-]+", text.lower())
        if len(w) >= 3 and w not in _STOPWORDS and not w.isdigit()
    }
    return words, urls


def _has_detail(body: str, points: Sequence[str]) -> bool:
    lowered = body.lower()
    body_words = set(re.findall(r"[\w'+#-]+", lowered))
    for point in points:
        words, urls = _keywords(point)
        if any(url.lower() in lowered for url in urls):
            return True
        if not words:
            continue
        if len(words & body_words) >= (1 if len(words) <= 2 else 2):
            return True
    return False


def _name_in(greeting: str, contact_name: str, contact_email: str = "") -> bool:
    words = [w.strip(".,") for w in contact_name.split()]
    words = [w for w in words if w]
    if not words:
        return True
    lowered = greeting.lower()

    def has(phrase: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", lowered) is not None

    full = " ".join(contact_name.split())
    first = first_name(contact_name, contact_email).strip(".,")
    if has(full) or (first and has(first)):
        return True
    # "Dear Dr. Natarajan," is a correct greeting too.
    last = words[-1]
    return (
        len(words) > 1
        and re.search(
            rf"\b(?:{'|'.join(map(re.escape, _HONORIFICS))})\.?\s+{re.escape(last.lower())}(?!\w)",
            lowered,
        )
        is not None
    )


def check_draft(
    *,
    channel: str,
    subject: str,
    body: str,
    contact_name: str,
    contact_email: str,
    points: Sequence[str],
    other_bodies: Sequence[str],
    due_at: datetime | None,
    now: datetime,
    generic: bool = False,
) -> list[DraftWarning]:
    """Everything worth a second look before sending, in a stable order. Naive UTC datetimes."""
    warnings: list[DraftWarning] = []
    first = first_name(contact_name, contact_email) or "this person"

    if generic or not _has_detail(body, points):
        warnings.append(
            DraftWarning(
                "no_detail",
                f"This note doesn't mention anything specific from your conversation with "
                f"{first}. Add one thing you talked about so it reads as written for them.",
            )
        )

    limit = channels.get(channel).max_words
    words = word_count(body)
    if words > limit:
        kind = "A card" if channel == "card" else "A thank-you email"
        warnings.append(
            DraftWarning(
                "too_long",
                f"{kind} works best under {limit} words; this one has {words}. "
                f"Trim it to the thanks, one detail and your interest.",
            )
        )

    match = _PLEADING.search(f"{subject}\n{body}")
    if match:
        warnings.append(
            DraftWarning(
                "pleading",
                f'"{match.group(0).strip()}" can sound desperate. A calm, confident note '
                f"makes a stronger impression.",
            )
        )

    if _near_duplicate(body, other_bodies):
        warnings.append(
            DraftWarning(
                "near_duplicate",
                "This note is very close to one you are sending someone else at this company. "
                "Interviewers compare notes, so make each one different.",
            )
        )

    asked_for = called_in(contact_name, points)  # "call me Tolu": the name the note uses
    greeted = greeting_line(body)
    if (
        contact_name.strip()
        and not _name_in(greeted, contact_name, contact_email)
        and not (asked_for and asked_for.lower() in greeted.lower())
    ):
        warnings.append(
            DraftWarning(
                "name_mismatch",
                f"The greeting doesn't use {first}'s name. Check it is addressed to the right "
                f"person.",
            )
        )

    full = " ".join(contact_name.split())
    if (
        " " in full
        and full.split()[0].lower().rstrip(".") not in _HONORIFICS
        and re.match(rf"^dear\s+{re.escape(full)}\s*,", greeting_line(body), re.IGNORECASE)
    ):
        warnings.append(
            DraftWarning(
                "no_title",
                f"This note greets {full} by their full name because it has no title. If you "
                f"know it, add Ms., Mr., Dr. or another title before their name on their page.",
            )
        )

    noted = re.match(r"^dear\s+(M[rs]\.)\s", greeting_line(body), re.IGNORECASE)
    if noted and " " in full and full.split()[0].lower().rstrip(".") not in _HONORIFICS:
        pronoun = "she" if noted.group(1).lower() == "ms." else "he"
        warnings.append(
            DraftWarning(
                "title_from_notes",
                f"This note calls {full} {noted.group(1)} because your notes say "
                f"\u201c{pronoun}\u201d. If they use another title, add it before their name on "
                f"their page.",
            )
        )

    if unsure_name(contact_name):
        said = asked_for or sure_name(contact_name)
        warnings.append(
            DraftWarning(
                "name_unsure",
                f"Your notes are not sure of this name (\u201c{' '.join(contact_name.split())}"
                f"\u201d). The note says {said}; check the name with the recruiter or their "
                f"business card before you send it.",
            )
        )

    if channels.get(channel).needs_email and not contact_email.strip():
        warnings.append(
            DraftWarning(
                "no_email",
                f"You don't have an email address for {first} yet. Add one, or ask the "
                f"recruiter to pass your thanks on.",
            )
        )

    if due_at is not None and now > due_at:
        late = {"card": "card", "linkedin": "LinkedIn note"}.get(channel, "email")
        warnings.append(
            DraftWarning(
                "deadline_passed",
                f"The best time to send this {late} has passed. Send it as soon as you can; "
                f"a late thank-you is still better than none.",
            )
        )

    placeholder = _PLACEHOLDER.search(body)
    if placeholder:
        fill = (
            "with what you promised (the details themselves)"
            if placeholder.group(0).lower().startswith("[write")
            else "with the link, or attach the file"
        )
        warnings.append(
            DraftWarning(
                "placeholder",
                "This note promises something it doesn't include yet: replace "
                f"{placeholder.group(0)} {fill}.",
            )
        )

    if channel in ("email", "wrapup") and _ATTACHING.search(body):
        warnings.append(
            DraftWarning(
                "attach_reminder",
                "This note says you're attaching something: attach it before sending.",
            )
        )
    return warnings


def _near_duplicate(body: str, other_bodies: Sequence[str]) -> bool:
    mine = content_sentences(body)
    mine_norm = {_norm(s) for s in mine if len(s.split()) >= SHARED_SENTENCE_MIN_WORDS}
    mine_shingles = _shingles(mine)
    for other in other_bodies:
        theirs = content_sentences(other)
        if mine_norm & {_norm(s) for s in theirs}:
            return True
        other_shingles = _shingles(theirs)
        union = mine_shingles | other_shingles
        if union and len(mine_shingles & other_shingles) / len(union) >= NEAR_DUPLICATE_JACCARD:
            return True
    return False
