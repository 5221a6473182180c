"""Polish one draft with the operator's own model, and accept the answer only when it is safe.

Off unless the operator sets LLM_BASE_URL. When on, a "Polish" action sends one person's draft,
the readings of their jots and the role to an OpenAI-compatible `/v1/chat/completions` endpoint
(Ollama, llama.cpp's server, vLLM, or a hosted service) and checks the answer with guardrails.
Anything the guardrails refuse, and every timeout, error or refusal of the model, leaves the
draft as it was and says why in the user's words; an accepted answer becomes a new version.

A model rewrites fluently and invents freely, so nothing it adds is trusted: every link, number,
name and proper noun of the answer must already be in what was sent.
"""

from __future__ import annotations

import http.client
import json
import logging
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from urllib.parse import urlsplit

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Draft, DraftVersion, User, utcnow
from services import deadlines, drafts
from services.checker import (
    SHARED_SENTENCE_MIN_WORDS,
    check_draft,
    content_sentences,
    greeting_line,
)
from services.composer import channels, first_name, phrases, word_count

log = logging.getLogger("afterword.polish")

DEFAULT_TIMEOUT_SECONDS = 20.0
# Far more than any note: a bigger answer is not a note, and is not read into memory.
MAX_ANSWER_BYTES = 256 * 1024
SOURCE = "polished"


# --- configuration -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """Where drafts go to be polished. Built from the app's config; None when polishing is off."""

    base_url: str
    api_key: str = ""
    model: str = ""
    timeout: float = DEFAULT_TIMEOUT_SECONDS

    @property
    def endpoint(self) -> str:
        return self.base_url.rstrip("/") + "/v1/chat/completions"

    @property
    def host(self) -> str:
        """What the settings page names as the place drafts go."""
        parts = urlsplit(self.base_url)
        return parts.netloc or self.base_url


_WARNED: set[str] = set()


def settings_from(config: Mapping) -> Settings | None:
    """The polish settings of an app config (LLM_BASE_URL and friends), or None when off."""
    base_url = (config.get("LLM_BASE_URL") or "").strip()
    if not base_url:
        return None
    if urlsplit(base_url).scheme not in ("http", "https"):
        if base_url not in _WARNED:
            _WARNED.add(base_url)
            log.warning("LLM_BASE_URL must start with http:// or https://; polishing stays off")
        return None
    return Settings(
        base_url=base_url,
        api_key=(config.get("LLM_API_KEY") or "").strip(),
        model=(config.get("LLM_MODEL") or "").strip(),
        timeout=float(config.get("LLM_TIMEOUT_SECONDS") or DEFAULT_TIMEOUT_SECONDS),
    )


# --- what is sent ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """Everything one polish needs: what is sent to the model, and what the answer is held to."""

    channel: str
    subject: str
    body: str
    role: str  # the job applied for
    contact_name: str
    readings: tuple[str, ...]  # how the drafts read this person's jots
    # Only for checking the answer; never sent.
    contact_email: str = ""
    points: tuple[str, ...] = ()  # the jots as typed, for the checker's "specific detail"
    other_bodies: tuple[str, ...] = ()  # the other people's current drafts in this panel
    other_names: tuple[str, ...] = ()
    due_at: datetime | None = None
    now: datetime | None = None

    @property
    def max_words(self) -> int:
        return channels.get(self.channel).max_words

    @property
    def sent_text(self) -> str:
        """All the text the model sees: the only source of facts its answer may use."""
        return "\n".join((self.role, self.subject, self.body, *self.readings))


SYSTEM_PROMPT = (
    "You polish a short thank-you note that a job candidate wrote after an interview. "
    "Improve only its flow, grammar and warmth. Rules you must follow:\n"
    "- Add no fact. Use no name, company, product, number, date, link or claim that is not "
    "already in the note or in the candidate's notes below.\n"
    "- Keep the first line (the greeting) exactly as it is.\n"
    "- Keep the closing lines (the sign-off and the candidate's name) exactly as they are.\n"
    "- Keep every specific detail of the conversation that the note mentions.\n"
    "- Stay under {max_words} words. Keep it calm and confident, never pleading.\n"
    "- Answer with the polished note only: no subject line, no comments, no quotation marks."
)


def messages_for(request: Request) -> list[dict[str, str]]:
    """The chat messages sent: that person's draft, their jots' readings and the role, no more."""
    notes = "\n".join(f"- {r}" for r in request.readings) or "- (none)"
    user = (
        f"Role applied for: {request.role}\n\n"
        f"What the candidate noted about this person (facts you may use, nothing else):\n"
        f"{notes}\n\n"
        f"The note to polish:\n{request.body.strip()}"
    )
    return [
        {"role": "system", "content": SYSTEM_PROMPT.format(max_words=request.max_words)},
        {"role": "user", "content": user},
    ]


# --- outcomes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """Why an answer was not used: a stable code for tests and logs, a message for the user."""

    code: str
    message: str


@dataclass
class Outcome:
    """A polish: the accepted text, or the reasons it was refused (the draft stays as it was)."""

    body: str = ""
    reasons: list[Reason] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return not self.reasons

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.reasons]


class ModelFailed(Exception):
    """The model gave no usable answer; `reason` says why for the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.reason = Reason(code, message)


# --- talking to the model ----------------------------------------------------------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect could carry the draft (and the key) somewhere the operator did not name."""

    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def ask_model(settings: Settings, messages: list[dict[str, str]]) -> str:
    """The model's answer to the chat, or ModelFailed (timeout, HTTP error, unreadable answer)."""
    payload: dict = {"messages": messages, "temperature": 0.2, "stream": False}
    if settings.model:
        payload["model"] = settings.model
    # settings_from let only http:// and https:// through.
    request = urllib.request.Request(  # noqa: S310
        settings.endpoint,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    if settings.api_key:
        request.add_unredirected_header("Authorization", f"Bearer {settings.api_key}")
    seconds = _seconds(settings.timeout)
    deadline = time.monotonic() + settings.timeout
    try:
        with _OPENER.open(request, timeout=settings.timeout) as response:
            raw = _read_until(response, deadline)
    except urllib.error.HTTPError as error:
        if error.code in (401, 403):
            raise ModelFailed(
                "http_error",
                f"Your model's server at {settings.host} refused the key it was given "
                f"(HTTP {error.code}), so nothing changed. The operator should check LLM_API_KEY.",
            ) from None
        raise ModelFailed(
            "http_error",
            f"Your model's server answered with an error (HTTP {error.code}), so nothing "
            f"changed. Try again later.",
        ) from None
    except TimeoutError:
        raise ModelFailed(
            "timeout", f"Your model took longer than {seconds} to answer, so nothing changed."
        ) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise ModelFailed(
                "timeout", f"Your model took longer than {seconds} to answer, so nothing changed."
            ) from None
        raise ModelFailed(
            "unreachable",
            f"Could not reach your model at {settings.host}, so nothing changed. "
            f"Check that it is running.",
        ) from None
    except (OSError, http.client.HTTPException):
        raise ModelFailed(
            "unreachable",
            f"The connection to your model at {settings.host} broke off, so nothing changed.",
        ) from None
    return _answer_text(raw)


def _seconds(timeout: float) -> str:
    value = f"{timeout:g}"
    return f"{value} second" + ("" if value == "1" else "s")


def _read_until(response, deadline: float) -> bytes:
    """The response body, refused when it trickles in past the deadline or grows too big."""
    chunks, size = [], 0
    while True:
        chunk = response.read1(16 * 1024) if hasattr(response, "read1") else response.read(16384)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise ModelFailed("malformed", _TOO_BIG)
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)


_MALFORMED = (
    "Your model's answer could not be read (it was not the expected JSON), so nothing changed."
)
_TOO_BIG = "Your model's answer was far too long to be a note, so nothing changed."


def _answer_text(raw: bytes) -> str:
    try:
        data = json.loads(raw)
        content = data["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise ModelFailed("malformed", _MALFORMED) from None
    if not isinstance(content, str):
        raise ModelFailed("malformed", _MALFORMED)
    return content


# --- reading the answer ------------------------------------------------------------------------

_FENCE = re.compile(r"^```[\w-]*\n(.*?)\n?```$", re.DOTALL)
_REFUSAL = re.compile(
    r"^(?:i'?m\s+sorry|sorry\b|i\s+(?:am\s+)?(?:can(?:no|')t|cannot|won'?t|am\s+unable|'m\s+unable"
    r"|am\s+not\s+able|'m\s+not\s+able)|i\s+(?:can(?:no|')t|cannot|won'?t)|as\s+an\s+ai\b"
    r"|unfortunately,?\s+i\b)",
    re.IGNORECASE,
)


# What chat models put before the note although told not to: "Here is the polished note:",
# "Sure!", a subject line.
_PREAMBLE = re.compile(
    r"^(?:(?:here(?:['\u2019]s| is)|sure|certainly|of course)\b[^\n]*|subject:[^\n]*)\n+",
    re.IGNORECASE,
)


def clean_answer(content: str) -> str:
    """The note in the answer: preamble and code fences dropped, line ends tidied."""
    text = content.replace("\r\n", "\n").replace("\r", "\n").strip()
    for _ in range(3):
        fenced = _FENCE.match(text)
        if fenced:
            text = fenced.group(1).strip()
        unwrapped = _PREAMBLE.sub("", text, count=1).strip()
        if unwrapped == text:
            break
        text = unwrapped
    return "\n".join(line.rstrip() for line in text.split("\n"))


def is_refusal(text: str) -> bool:
    return bool(_REFUSAL.match(_apostrophes(text.strip().strip("\"'“”"))))


# --- guardrails --------------------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_WORD = re.compile("[^\\W\\d_](?:[\\w'\u2019-]*\\w)?")
_NUMBER_WORDS = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
    "million", "billion", "dozen", "dozens", "hundreds", "thousands", "millions", "percent",
    "twice", "triple", "double", "half",
}  # fmt: skip
# Words that open a sentence in any note; a capital there says nothing about a name. Any other
# capitalised opener that is not in the input is treated as a name the model made up.
_OPENERS = {
    "congratulations", "delighted", "excited", "grateful", "pleased", "thankful", "wishing",
    "a", "about", "absolutely", "additionally", "after", "again", "all", "also", "although",
    "an", "and", "another", "any", "anyway", "appreciate", "appreciated", "as", "at", "because",
    "before", "being", "best", "both", "but", "by", "certainly", "cheers", "dear", "definitely",
    "do", "don't", "during", "each", "either", "enjoyed", "especially", "even", "every",
    "finally", "first", "for", "from", "getting", "glad", "good", "great", "happy", "having",
    "hearing", "hello", "here", "hey", "hi", "hope", "hoping", "how", "i", "i'd", "i'll", "i'm",
    "i've", "if", "in", "it", "it's", "its", "just", "kind", "kindest", "learning", "let",
    "let's", "likewise", "looking", "many", "meanwhile", "meeting", "more", "moreover", "most",
    "my", "no", "not", "now", "of", "on", "once", "one", "our", "overall", "particularly",
    "please", "plus", "regards", "really", "respectfully", "sincerely", "since", "so", "speaking",
    "still", "such", "talking", "thank", "thanks", "that", "that's", "the", "then", "there",
    "these", "they", "this", "those", "though", "to", "truly", "until", "warm", "warmest",
    "warmly", "we", "we've", "what", "when", "while", "with", "yes", "you", "your", "yours",
}  # fmt: skip


@cache
def _common_openers() -> frozenset[str]:
    """The openers above and every word of the phrase books the drafts are written from."""
    words = set(_OPENERS)
    for book in phrases.PHRASES_DIR.glob("*.json"):
        words |= _words(book.read_text(encoding="utf-8"))
    return frozenset(words)


def _apostrophes(text: str) -> str:
    return text.replace("\u2019", "'")


def _words(text: str) -> set[str]:
    words = set()
    for word in _WORD.findall(text):
        word = _apostrophes(word.lower())
        words.add(word)
        words.add(re.sub(r"'s$", "", word))
        words.update(part for part in re.split(r"[-']", word) if part)
    return words


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(_URL.sub(" ", text))}


def _urls(text: str) -> list[str]:
    return [u.rstrip(".,;:!?") for u in _URL.findall(text)]


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'(\u201c\u2018")
    return not before or before[-1] in ".!?:\n-\u2013\u2014"


def _proper_nouns(text: str) -> list[str]:
    """Capitalised words that are not merely opening a sentence, and acronyms anywhere."""
    found = []
    plain = _URL.sub(" ", text)
    for match in _WORD.finditer(plain):
        word = match.group(0)
        if not any(c.isupper() for c in word) or word in ("I", "I'm", "I've", "I'd", "I'll"):
            continue
        inner_capital = any(c.isupper() for c in word[1:])
        opening = _sentence_start(plain, match.start())
        if inner_capital or not opening or _apostrophes(word.lower()) not in _common_openers():
            found.append(word)
    return found


def invented_facts(answer: str, sent: str) -> list[str]:
    """Links, numbers, names and proper nouns in the answer that the input never had."""
    known_words, known_numbers, lowered = _words(sent), _numbers(sent), sent.lower()
    new: list[str] = []
    for url in _urls(answer):
        if url.lower() not in lowered:
            new.append(url)
    for number in _NUMBER.findall(_URL.sub(" ", answer)):
        if number.replace(",", "") not in known_numbers:
            new.append(number)
    for word in _proper_nouns(answer):
        key = re.sub(r"'s$", "", _apostrophes(word.lower()))
        if key not in known_words:
            new.append(word)
    for word in _WORD.findall(answer.lower()):
        if word in _NUMBER_WORDS and word not in known_words:
            new.append(word)
    return list(dict.fromkeys(new))


def _signoff(body: str) -> list[str]:
    """The closing lines: from the last short line ending in a comma (“Best,”) to the end."""
    lines = [line.strip() for line in body.strip().split("\n") if line.strip()]
    for i in range(len(lines) - 1, 0, -1):
        if lines[i].endswith(",") and len(lines[i].split()) <= 5:
            return lines[i:]
    return lines[-1:]


def _names_someone(line: str, name: str) -> bool:
    first = first_name(name).strip(".,")
    return bool(first) and re.search(rf"(?<!\w){re.escape(first)}(?!\w)", line, re.I) is not None


def _shared_sentence(answer: str, others: Sequence[str]) -> str | None:
    def norm(sentence: str) -> str:
        return " ".join(re.findall(r"[\w'/.:-]+", sentence.lower())).strip(".")

    theirs = {norm(s) for other in others for s in content_sentences(other)}
    for sentence in content_sentences(answer):
        if len(sentence.split()) >= SHARED_SENTENCE_MIN_WORDS and norm(sentence) in theirs:
            return sentence
    return None


def _warnings(request: Request, body: str) -> dict[str, str]:
    found = check_draft(
        channel=request.channel, subject=request.subject, body=body,
        contact_name=request.contact_name, contact_email=request.contact_email,
        points=request.points, other_bodies=request.other_bodies, due_at=request.due_at,
        now=request.now or utcnow(), generic=not request.points,
    )  # fmt: skip
    return {w.code: w.message for w in found}


# The checker's warnings that one of the guardrails above already names.
_COVERED = {"name_mismatch": "wrong_greeting", "too_long": "too_long", "no_detail": "no_detail"}


def guard(request: Request, answer: str) -> list[Reason]:
    """Every guardrail the answer breaks, in a stable order; empty when it may be used."""
    first = first_name(request.contact_name, request.contact_email) or "this person"
    reasons: list[Reason] = []

    new = invented_facts(answer, request.sent_text)
    if new:
        listed = ", ".join(f"“{n}”" for n in new[:6])
        reasons.append(
            Reason(
                "invented_facts",
                f"The polished note adds things that are not in your draft or your notes: "
                f"{listed}. Nothing made up goes out under your name.",
            )
        )

    greeting = greeting_line(answer)
    warnings = _warnings(request, answer)
    others = [n for n in request.other_names if _names_someone(greeting, n)]
    if others:
        reasons.append(
            Reason(
                "wrong_greeting",
                f"The polished note greets {first_name(others[0])} instead of {first} "
                f"(it opens “{greeting[:60]}”).",
            )
        )
    elif "name_mismatch" in warnings:
        reasons.append(
            Reason(
                "wrong_greeting",
                f"The polished note does not greet {first} by name (it opens “{greeting[:60]}”).",
            )
        )

    signoff = _signoff(request.body)
    if _signoff(answer) != signoff:
        reasons.append(
            Reason(
                "wrong_signoff",
                f"The polished note does not end with your own sign-off (“{' / '.join(signoff)}”).",
            )
        )

    words = word_count(answer)
    if words > request.max_words:
        reasons.append(
            Reason(
                "too_long",
                f"The polished note has {words} words, over this note's limit of "
                f"{request.max_words}.",
            )
        )

    if request.points and "no_detail" in warnings:
        reasons.append(
            Reason(
                "no_detail",
                f"The polished note dropped every detail from your conversation with {first}.",
            )
        )

    shared = _shared_sentence(answer, request.other_bodies)
    if shared:
        reasons.append(
            Reason(
                "shared_sentence",
                f"The polished note repeats a sentence from a note to someone else on this "
                f"panel: “{shared[:120]}” Panels compare notes.",
            )
        )

    # The same checker as the review page: the answer may raise no warning the draft did not.
    before = _warnings(request, request.body)
    failed = {r.code for r in reasons}
    for code, message in warnings.items():
        if code in before or _COVERED.get(code) in failed:
            continue
        if code == "near_duplicate" and "shared_sentence" in failed:
            continue
        reasons.append(Reason(f"checker_{code}", f"The draft checker: {message}"))
    return reasons


def polish(
    settings: Settings, request: Request, ask: Callable[[Settings, list], str] = ask_model
) -> Outcome:
    """Ask the model, then accept its answer only if every guardrail holds."""
    try:
        content = ask(settings, messages_for(request))
    except ModelFailed as failed:
        return Outcome(reasons=[failed.reason])
    answer = clean_answer(content)
    if not answer:
        return Outcome(reasons=[Reason("empty", "Your model sent back an empty answer.")])
    if is_refusal(answer):
        quoted = " ".join(answer.split())[:80]
        return Outcome(
            reasons=[Reason("refused", f"Your model declined to polish this note (“{quoted}”).")]
        )
    if answer == request.body.strip():
        return Outcome(
            reasons=[Reason("unchanged", "Your model found nothing to change in this note.")]
        )
    return Outcome(body=answer, reasons=guard(request, answer))


# --- the draft ---------------------------------------------------------------------------------


def request_for(session: Session, draft: Draft, user: User, now: datetime) -> Request:
    """The polish request for one draft: its text, its person's readings, the panel around it."""
    contact = draft.contact
    application = contact.application
    panel = drafts.ensure_drafts(session, application, user)
    others = [d for d in panel if d.contact_id != contact.id and d.current]
    points = [p for p in contact.points if p.is_live]
    version = draft.current
    return Request(
        channel=draft.channel,
        subject=version.subject,
        body=version.body,
        role=application.role,
        contact_name=contact.name,
        readings=tuple(p.reading for p in points if p.reading.strip()),
        contact_email=contact.email,
        points=tuple(p.body for p in points),
        other_bodies=tuple(d.current.body for d in others),
        other_names=tuple(
            dict.fromkeys(c.name for c in drafts.live_contacts(application) if c.id != contact.id)
        ),
        due_at=deadlines.due_at(draft.channel, drafts.contact_last_end(contact)),
        now=now,
    )


CHANGED_MEANWHILE = Reason(
    "changed_meanwhile",
    "Your draft changed while your model was working on it, so its answer was not used. "
    "Polish again to polish the new text.",
)


RATE_LIMITED = Reason(
    "rate_limited",
    "You have polished a lot of notes in a short time. Wait a minute, then try again.",
)


@dataclass
class Polished:
    """What the review page shows after a polish."""

    outcome: Outcome
    version: DraftVersion | None = None  # the new version, when accepted
    previous: DraftVersion | None = None  # the version it replaced, to compare and restore

    @property
    def summary(self) -> str:
        """The result in one paragraph, for a page without htmx."""
        if self.outcome.accepted:
            return (
                f"Polished by your model as version {self.version.number}. Open Versions to "
                f"compare it with version {self.previous.number} or to restore that one."
            )
        return "Kept your draft as it was. " + " ".join(r.message for r in self.outcome.reasons)

    @property
    def diff(self) -> list[tuple[str, str]]:
        if self.version is None or self.previous is None:
            return []
        return drafts.word_diff(self.previous.body, self.version.body)


def polish_draft(
    session: Session,
    draft: Draft,
    user: User,
    settings: Settings,
    now: datetime,
    ask: Callable[[Settings, list], str] = ask_model,
) -> Polished:
    """Polish the draft's current text: a new version when accepted, no change otherwise."""
    # Reading the panel may compose it first (notes changed outside a request): the text sent
    # is the draft as it stands after that.
    request = request_for(session, draft, user, now)
    previous = draft.current
    started_from = (previous.id, previous.subject, previous.body)
    # Nothing is held open while the model thinks (it may take its whole timeout).
    session.commit()
    outcome = polish(settings, request, ask)
    log.info("polish draft=%s host=%s outcome=%s", draft.id, settings.host, outcome.codes or "ok")
    if outcome.accepted:
        current = draft.current
        if (current.id, current.subject, current.body) != started_from:
            outcome.reasons.append(CHANGED_MEANWHILE)
    if not outcome.accepted:
        return Polished(outcome, previous=previous)
    number = draft.versions[-1].number + 1
    subject = draft.current.subject
    version = DraftVersion(number=number, source=SOURCE, subject=subject, body=outcome.body)
    draft.versions.append(version)
    try:
        session.commit()
    except IntegrityError:
        # Another request added a version under it (two taps at once): that one stands.
        session.rollback()
        return Polished(Outcome(reasons=[CHANGED_MEANWHILE]), previous=draft.current)
    return Polished(outcome, version=version, previous=previous)
