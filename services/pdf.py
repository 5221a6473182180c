"""Render thank-you cards, letters, copy sheets and envelopes as PDF.

Pure service: explicit arguments in, PDF bytes out; no Flask objects.

Safety model
------------
* Every note, name and address reaches the HTML through Jinja autoescaping, and no user
  input ever becomes CSS, so markup such as ``<img>``, ``<link rel=attachment>``,
  ``url(...)`` or ``@import`` in a note prints as literal text.
* One URL fetcher (``ASSET_FETCHER``) serves every HTML and CSS object. It only reads files
  below ``static/fonts`` and ``static/pdf``, never opens a socket (no http(s), ftp or data:),
  follows no redirects and makes any refused fetch fail the whole render.
* Attachments are cleared from the document metadata before writing.
* Time bound: by input size, not by a watchdog. A render does no network I/O and reads only
  bundled files, so its cost is layout work proportional to the text. Every text field has a
  character limit (``MAX_BODY_CHARS``, ``MAX_FIELD_CHARS``) and a note a line limit
  (``MAX_BODY_LINES``), a card is refused before layout when it cannot possibly fit
  (``CARD_MAX_CHARS``, ``CARD_MAX_LINES``), and a batch holds at most
  ``MAX_BATCH_NOTES`` notes. The costliest accepted note (6,000 characters without a space)
  renders in about 0.6 s, so a single document stays under a second and a batch under
  ``MAX_BATCH_NOTES`` times that (tests/test_pdf.py keeps the single bound honest). A
  watchdog thread could not stop a Pango layout anyway, and a worker process per render
  would cost more than the render itself.
* Renders are serialised by a lock: the font configuration and stylesheets are built once per
  process and shared, and WeasyPrint does not promise those objects are thread-safe.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import jinja2
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse, path2url

ROOT = Path(__file__).resolve().parent.parent
STATIC_PDF = ROOT / "static" / "pdf"
STATIC_FONTS = ROOT / "static" / "fonts"
ASSET_ROOTS = (STATIC_FONTS, STATIC_PDF)

CARD_SIZES = ("a6", "4x6", "folded")
PAPERS = ("letter", "a4")
ENVELOPES = ("10", "a2")
BATCH_FORMATS = CARD_SIZES + PAPERS

#: The face the note is written on, width x height in millimetres (the folded card's sheet is
#: twice as wide; the note sits on its inside right panel).
CARD_DIMENSIONS_MM: dict[str, tuple[float, float]] = {
    "a6": (105, 148),
    "4x6": (101.6, 152.4),
    "folded": (107.95, 139.7),
}
CARD_LABELS = {
    "a6": "A6 card",
    "4x6": "4\N{MULTIPLICATION SIGN}6 in card",
    "folded": "folded note card",
}
_CARD_ARTICLES = {"a6": "an", "4x6": "a", "folded": "a"}
_CARD_SHORT_LABELS = {"a6": "A6", "4x6": "4\N{MULTIPLICATION SIGN}6 in", "folded": "folded"}
PAPER_LABELS = {"letter": "US Letter", "a4": "A4"}
ENVELOPE_LABELS = {"10": "#10 envelope", "a2": "A2 envelope"}

#: Font sizes (pt) tried in turn until the note fits one face of its card.
CARD_FONT_SIZES = (11.0, 10.25, 9.5)
#: No note longer than this can fit any card even at the smallest size; refused without layout.
CARD_MAX_CHARS = 1500
CARD_MAX_LINES = 40
MAX_BODY_CHARS = 6000
# Line breaks cost far more layout than characters do: 3,000 one-letter lines take seconds.
MAX_BODY_LINES = 200
MAX_FIELD_CHARS = 600
MAX_BATCH_NOTES = 30
#: The layout work one request may do, in units of about one character of ordinary text:
#: a character in an unbroken run (a pasted link, a hash) and a line break cost far more
#: (``layout_cost``). Past it a batch is refused before, or as soon as, it runs over; the
#: worst batch allowed is timed in bench/bench_pdf.py.
MAX_LAYOUT_COST = 60_000
#: And at most this many pages laid out for one request (a card that does not fit at one font
#: size is laid out again, and each try counts).
MAX_LAYOUT_PAGES = 60
_LONG_RUN = 30

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_LANG_RE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
# C0/C1 controls other than tab and newline have no business in a printed note.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Sender:
    name: str
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    linkedin_url: str = ""
    portfolio_url: str = ""


@dataclass(frozen=True)
class Note:
    contact_name: str
    contact_title: str
    company: str
    recipient_address: str
    subject: str
    body: str  # full note text incl. greeting and sign-off; paragraphs separated by blank lines


class PdfError(Exception):
    """A PDF could not be made; ``user_message`` says why in words a user understands."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class NoteTooLong(PdfError):
    """The note does not fit the chosen card (or exceeds the length limit)."""


class NoAddress(PdfError):
    """An envelope was asked for a contact without a postal address."""


class RenderRefused(PdfError):
    """The input was refused: unknown format, empty note, oversized field or batch."""


class TooMuchToLayOut(RenderRefused):
    """More layout than one request may do."""


class _Budget:
    """The layout work left for one request."""

    def __init__(self, count: int) -> None:
        self.cost = MAX_LAYOUT_COST
        self.pages = MAX_LAYOUT_PAGES
        self.count = count

    def spend(self, cost: int, pages: int = 0) -> None:
        self.cost -= cost
        self.pages -= pages
        if self.cost < 0 or self.pages < 0:
            raise TooMuchToLayOut(
                f"These {self.count} notes are more than one PDF may hold. Print one "
                "interview's notes at a time, or shorten the longest notes."
            )


def layout_cost(body: str) -> int:
    """About how much layout work a note is, in characters of ordinary text."""
    unbroken = sum(len(word) for word in body.split() if len(word) > _LONG_RUN)
    return len(body) + 8 * unbroken + 80 * body.count("\n")


class RenderFailed(PdfError):
    """WeasyPrint failed on input we accepted (a bug, not the user's doing)."""


class AssetRefused(ValueError):
    """The fetcher refused a URL that is not a bundled asset."""


class AssetFetcher(URLFetcher):
    """Serve only files below the bundled asset folders; refuse every other URL."""

    CONTENT_TYPES = {".css": "text/css", ".ttf": "font/ttf"}

    def __init__(self, roots: Sequence[Path] = ASSET_ROOTS) -> None:
        super().__init__(
            timeout=2,
            allowed_protocols=("file",),
            allow_redirects=False,
            fail_on_errors=True,
        )
        self.roots = tuple(root.resolve() for root in roots)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        path = self.resolve(url)
        body = path.read_bytes()
        return URLFetcherResponse(
            path2url(path), body, headers={"Content-Type": self.CONTENT_TYPES[path.suffix]}
        )

    def resolve(self, url: str) -> Path:
        """Return the bundled file ``url`` names, or raise ``AssetRefused``."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise AssetRefused(f"only bundled assets may be loaded, not {url[:80]!r}")
        # resolve() collapses "..", percent-encoded or not, and follows symlinks before the
        # containment check.
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise AssetRefused(f"{path} is outside the bundled assets")
        if path.suffix not in self.CONTENT_TYPES or not path.is_file():
            raise AssetRefused(f"{path} is not a bundled font or stylesheet")
        return path


ASSET_FETCHER = AssetFetcher()

_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(ROOT / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_render_lock = threading.Lock()


@cache
def _font_config() -> FontConfiguration:
    return FontConfiguration()


@cache
def _stylesheet(name: str) -> CSS:
    return CSS(
        url=path2url(STATIC_PDF / f"{name}.css"),
        url_fetcher=ASSET_FETCHER,
        font_config=_font_config(),
    )


def _stylesheets(kind: str) -> list[CSS]:
    return [_stylesheet("fonts"), _stylesheet(kind)]


# --- input checks -----------------------------------------------------------------------------


def _clean(text: str, *, field: str, limit: int = MAX_FIELD_CHARS) -> str:
    text = _CONTROL_RE.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if len(text) > limit:
        raise RenderRefused(f"The {field} is {len(text):,} characters; the limit is {limit:,}.")
    return text


def _clean_body(body: str) -> str:
    body = _CONTROL_RE.sub("", (body or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not body:
        raise RenderRefused("The note is empty; write it before printing.")
    if len(body) > MAX_BODY_CHARS:
        raise NoteTooLong(
            f"The note is {len(body):,} characters; notes are limited to {MAX_BODY_CHARS:,}."
        )
    lines = body.count("\n") + 1
    if lines > MAX_BODY_LINES:
        raise NoteTooLong(f"The note has {lines:,} lines; notes are limited to {MAX_BODY_LINES}.")
    return body


def _paragraphs(text: str) -> list[list[str]]:
    """Split text into paragraphs (blank-line separated) of lines."""
    return [
        [line.strip() for line in block.split("\n")]
        for block in _PARAGRAPH_BREAK_RE.split(text.strip())
        if block.strip()
    ]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _choice(value: str, allowed: Sequence[str], what: str) -> str:
    value = (value or "").lower()
    if value not in allowed:
        raise RenderRefused(f"Unknown {what} {value!r}; choose one of: {', '.join(allowed)}.")
    return value


def _check_lang(lang: str) -> str:
    if not _LANG_RE.fullmatch(lang or ""):
        raise RenderRefused(f"{lang!r} is not a language tag such as 'en' or 'en-GB'.")
    return lang


@dataclass(frozen=True)
class _Person:
    """Cleaned fields of the sender and recipient, ready for the templates."""

    sender_name: str
    sender_contacts: tuple[str, ...]
    sender_address: tuple[str, ...]
    name: str
    title: str
    company: str
    address: tuple[str, ...]
    subject: str

    @classmethod
    def of(cls, note: Note, sender: Sender) -> _Person:
        contacts = (
            _clean(sender.email, field="email address"),
            _clean(sender.phone, field="phone number"),
            _display_url(_clean(sender.linkedin_url, field="LinkedIn URL")),
            _display_url(_clean(sender.portfolio_url, field="portfolio URL")),
        )
        name = _clean(note.contact_name, field="contact's name")
        company = _clean(note.company, field="company name")
        # Addresses are often pasted with the name or company as their first line.
        repeated = {name.casefold(), company.casefold()}
        address = _lines(_clean(note.recipient_address, field="contact's address"))
        return cls(
            sender_name=_clean(sender.name, field="your name"),
            sender_contacts=tuple(c for c in contacts if c),
            sender_address=tuple(_lines(_clean(sender.postal_address, field="your address"))),
            name=name,
            title=_clean(note.contact_title, field="contact's title"),
            company=company,
            address=tuple(line for line in address if line.casefold() not in repeated),
            subject=_clean(note.subject, field="subject"),
        )


def _display_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def _split_closing(
    paragraphs: list[list[str]], person: _Person
) -> tuple[list[list[str]], list[str], list[str]]:
    """Split off a sign-off like "Best regards,\nDana Rivera" so a letter can leave room for a
    handwritten signature between the valediction and the name.

    An email's sign-off block often carries the phone number and links after the name; the
    letterhead already prints them, so they are dropped here. The letter is signed once: with
    the sign-off's own name, or the sender's name when the note has no sign-off (or ends with
    the name already).
    """
    if len(paragraphs) >= 2:
        last = paragraphs[-1]
        if 1 <= len(last) <= 8 and last[0].endswith(",") and len(last[0]) <= 40:
            names = [line for line in last[1:] if not _is_contact_line(line, person)]
            return paragraphs[:-1], [last[0]], names or [person.sender_name]
    ending = paragraphs[-1][-1] if paragraphs else ""
    if person.sender_name and ending.casefold() == person.sender_name.casefold():
        return paragraphs, [], []
    return paragraphs, [], [person.sender_name] if person.sender_name else []


def _is_contact_line(line: str, person: _Person) -> bool:
    """A phone number, address or link the letterhead already shows."""
    shown = {c.casefold() for c in person.sender_contacts}
    return line.casefold() in shown or _display_url(line).casefold() in shown


# --- rendering ---------------------------------------------------------------------------------


def _layout(template: str, css: str, **context: object) -> Document:
    html = _templates.get_template(f"pdf/{template}").render(**context)
    try:
        document = HTML(string=html, url_fetcher=ASSET_FETCHER).render(
            font_config=_font_config(), stylesheets=_stylesheets(css)
        )
    except FatalURLFetchingError as error:
        # Only our own templates and stylesheets can ask for a URL, so this is a bug: stop.
        message = "The PDF tried to load something it may not; nothing was made."
        raise RenderFailed(message) from error
    except Exception as error:
        raise RenderFailed("The PDF could not be laid out; nothing was made.") from error
    # Belt and braces: user text is escaped, so <link rel=attachment> cannot occur, but an
    # attachment must never ride along even if a template one day adds one.
    document.metadata.attachments = []
    return document


def _write(document: Document) -> bytes:
    try:
        return document.write_pdf(attachments=None)
    except Exception as error:
        raise RenderFailed("The PDF could not be written; nothing was made.") from error


def _card_document(
    body: str, size: str, lang: str, title: str, author: str, budget: _Budget | None = None
) -> Document:
    if len(body) > CARD_MAX_CHARS or body.count("\n") >= CARD_MAX_LINES:
        raise _card_too_long(size)
    for level in range(len(CARD_FONT_SIZES)):
        if budget is not None and level:
            budget.spend(layout_cost(body))  # A second try at a smaller size.
        document = _layout(
            "card.html", "card", body=_paragraphs(body), size=size, fit=level, lang=lang,
            title=title, author=author, description="",
        )  # fmt: skip
        if budget is not None:
            budget.spend(0, len(document.pages))
        if len(document.pages) == 1:
            return document
    raise _card_too_long(size)


def _card_too_long(size: str) -> NoteTooLong:
    return NoteTooLong(
        f"This note is too long for {_CARD_ARTICLES[size]} {CARD_LABELS[size]}. "
        "Shorten it, or print it as a letter."
    )


def card_fits(text: str, size: str) -> bool:
    """Whether ``text`` fits one face of a ``size`` card (at the smallest allowed font size)."""
    size = _choice(size, CARD_SIZES, "card size")
    try:
        body = _clean_body(text)
    except NoteTooLong:
        return False
    except RenderRefused:
        return True  # an empty note fits; printing it is refused elsewhere
    return _fit_cached(body, size)


@lru_cache(maxsize=512)
def _fit_cached(body: str, size: str) -> bool:
    try:
        with _render_lock:
            _card_document(body, size, "en", "", "")
    except NoteTooLong:
        return False
    return True


# --- the cheap fit check -------------------------------------------------------------------------
#
# The drafts page shows, for every card, whether it fits each card size. A WeasyPrint layout per
# size costs 10-40 ms, so the page estimates instead: it breaks the text into lines with the
# bundled face's own glyph widths, at the smallest font size the card tries, and adds up the
# line and paragraph heights of static/pdf/card.css. The real layout stays the judge when a PDF
# is made (``card_fits``, ``render_card_pdf``); tests/test_pdf.py holds the two to agreement
# over many texts.

_MM_PER_IN = 25.4
_PT_PER_MM = 72 / _MM_PER_IN
#: The body's own margin (the user-agent stylesheet's 8 px), in points, on every side.
_BODY_MARGIN_PT = 6
#: The written area of each card face in points: page size less the margins in card.css and
#: the body's (its bottom margin may fall off the page: a page break truncates it).
_CARD_AREA_PT: dict[str, tuple[float, float]] = {
    size: (width - 2 * _BODY_MARGIN_PT, height - _BODY_MARGIN_PT)
    for size, (width, height) in {
        "a6": ((105 - 22) * _PT_PER_MM, (148 - 23) * _PT_PER_MM),
        "4x6": ((4 - 0.84) * 72, (6 - 0.93) * 72),
        "folded": ((8.5 - 0.42 - 4.67) * 72, (5.5 - 0.9) * 72),
    }.items()
}
#: The smallest card.css level (.fit-2): font size in points and line height.
_FIT_FONT_PT, _FIT_LINE_HEIGHT = CARD_FONT_SIZES[-1], 1.44
#: Space between paragraphs (em): p + p, and before the sign-off when there are two or more.
_PARAGRAPH_GAP_EM, _SIGNOFF_GAP_EM = 0.7, 1.1
_BREAK_AFTER_RE = re.compile(r"(?<=[-/\u2013\u2014])|(?<= )")


@cache
def _card_glyph_widths() -> tuple[dict[int, float], float]:
    """Advance width of each character of the card face, in em."""
    from fontTools.ttLib import TTFont

    with TTFont(STATIC_FONTS / "DejaVuSerifCondensed.ttf") as font:
        per_em = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        widths = {code: metrics[name][0] / per_em for code, name in font.getBestCmap().items()}
    # Characters the face lacks (emoji, most scripts) come from a fallback font: about 1 em.
    return widths, 1.0


@lru_cache(maxsize=8192)
def _text_width_em(text: str) -> float:
    widths, missing = _card_glyph_widths()
    return sum(widths.get(ord(char), missing) for char in text)


def _line_count(line: str, width_em: float) -> int:
    """Lines one source line takes when broken greedily at spaces and after hyphens or
    slashes, a word wider than the line broken anywhere (card.css: overflow-wrap: anywhere)."""
    if not line:
        return 1
    lines, used = 1, 0.0
    for piece in _BREAK_AFTER_RE.split(line):
        if not piece:
            continue
        visible = _text_width_em(piece.rstrip(" "))
        whole = _text_width_em(piece)
        if used and used + visible > width_em:
            lines, used = lines + 1, 0.0
        while visible > width_em:  # a word longer than the line wraps anywhere
            lines, visible = lines + 1, visible - width_em
            whole = visible
        used += whole
    return lines


def card_fill(text: str, size: str) -> float:
    """How full ``text`` makes one face of a ``size`` card at the smallest font size, estimated
    without a layout: 1.0 is exactly full, above it the card will not take the note."""
    size = _choice(size, CARD_SIZES, "card size")
    body = _CONTROL_RE.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not body:
        return 0.0
    if len(body) > CARD_MAX_CHARS or body.count("\n") >= CARD_MAX_LINES:
        return float("inf")
    width_pt, height_pt = _CARD_AREA_PT[size]
    width_em = width_pt / _FIT_FONT_PT
    paragraphs = _paragraphs(body)
    lines = sum(_line_count(line, width_em) for paragraph in paragraphs for line in paragraph)
    gaps = _PARAGRAPH_GAP_EM * max(len(paragraphs) - 2, 0)
    if len(paragraphs) >= 2:
        gaps += _SIGNOFF_GAP_EM
    height_em = lines * _FIT_LINE_HEIGHT + gaps
    return height_em * _FIT_FONT_PT / height_pt


def card_fits_estimate(text: str, size: str) -> bool:
    """``card_fits`` without a layout, for pages that show many cards at once."""
    return card_fill(text, size) <= 1.0


def _title(kind: str, person: _Person) -> str:
    to = ", ".join(part for part in (person.name, person.company) if part)
    return f"{kind} to {to}" if to else kind


def render_card_pdf(note: Note, sender: Sender, size: str, *, lang: str = "en") -> bytes:
    """One card face (or folded sheet) holding the whole note; ``NoteTooLong`` if it won't fit."""
    size = _choice(size, CARD_SIZES, "card size")
    lang = _check_lang(lang)
    person = _Person.of(note, sender)
    body = _clean_body(note.body)
    with _render_lock:
        document = _card_document(
            body, size, lang, _title("Thank-you card", person), person.sender_name
        )
        return _write(document)


def render_copy_sheet_pdf(note: Note, sender: Sender) -> bytes:
    """The note set large, with its word count, to copy onto a card by hand."""
    person = _Person.of(note, sender)
    body = _clean_body(note.body)
    words = len(body.split())
    fits = [_CARD_SHORT_LABELS[size] for size in CARD_SIZES if card_fits(body, size)]
    with _render_lock:
        document = _layout(
            "copy_sheet.html", "copy_sheet", body=_paragraphs(body), person=person,
            words=words, fits=fits, lang="en", title=_title("Copy sheet", person),
            author=person.sender_name, description=person.subject,
        )  # fmt: skip
        return _write(document)


def _letter_document(note: Note, sender: Sender, paper: str, today: date) -> Document:
    person = _Person.of(note, sender)
    paragraphs, valediction, signature = _split_closing(_paragraphs(_clean_body(note.body)), person)
    # US readers expect "March 4, 2025"; elsewhere "4 March 2025". Month names are spelled
    # out here because strftime's %B follows the process locale.
    month = _MONTHS[today.month - 1]
    if paper == "letter":
        dated = f"{month} {today.day}, {today.year}"
    else:
        dated = f"{today.day} {month} {today.year}"
    return _layout(
        "letter.html", "letter", paper=paper, person=person, paragraphs=paragraphs,
        valediction=valediction, signature=signature, dated=dated,
        lang="en", title=_title("Thank-you letter", person), author=person.sender_name,
        description=person.subject,
    )  # fmt: skip


def render_letter_pdf(note: Note, sender: Sender, paper: str, *, today: date) -> bytes:
    """A business letter: sender header, date, recipient block, body and signature."""
    paper = _choice(paper, PAPERS, "paper size")
    with _render_lock:
        return _write(_letter_document(note, sender, paper, today))


def render_envelope_pdf(note: Note, sender: Sender, size: str) -> bytes:
    """An envelope addressed to the contact, with the sender's return address."""
    size = _choice(size, ENVELOPES, "envelope size")
    person = _Person.of(note, sender)
    if not person.address:
        raise NoAddress(
            f"There is no postal address for {person.name or 'this contact'}; "
            "add one to print an envelope."
        )
    with _render_lock:
        document = _layout(
            "envelope.html", "envelope", size=size, person=person, lang="en",
            title=_title("Envelope", person), author=person.sender_name, description="",
        )  # fmt: skip
        return _write(document)


def render_batch_pdf(
    notes: Sequence[Note], sender: Sender, fmt: str, *, title: str, today: date
) -> bytes:
    """Every note in one PDF, each starting on a new page, as cards or letters."""
    fmt = _choice(fmt, BATCH_FORMATS, "format")
    if not notes:
        raise RenderRefused("There are no notes to print yet.")
    if len(notes) > MAX_BATCH_NOTES:
        raise RenderRefused(f"A batch holds at most {MAX_BATCH_NOTES} notes; got {len(notes)}.")
    title = _clean(title, field="title") or "Thank-you notes"
    budget = _Budget(len(notes))
    # Refused before any layout when the first try at every note is already too much.
    budget.spend(sum(layout_cost(_clean_body(note.body)) for note in notes))
    documents = []
    with _render_lock:
        for note in notes:
            if fmt in PAPERS:
                documents.append(_letter_document(note, sender, fmt, today))
                budget.spend(0, len(documents[-1].pages))
                continue
            person = _Person.of(note, sender)
            try:
                documents.append(
                    _card_document(
                        _clean_body(note.body), fmt, "en", title, person.sender_name, budget
                    )
                )
            except NoteTooLong as error:
                raise NoteTooLong(
                    f"The note to {person.name or 'a contact'} is too long for "
                    f"{_CARD_ARTICLES[fmt]} {CARD_LABELS[fmt]}. "
                    "Shorten it, or print the batch as letters."
                ) from error
        batch = documents[0].copy([page for document in documents for page in document.pages])
        batch.metadata.title = title
        batch.metadata.description = None
        return _write(batch)


# --- file names and previews -------------------------------------------------------------------

_FILE_KINDS = {
    "card": "thank-you-card",
    "letter": "thank-you-letter",
    "copy-sheet": "copy-sheet",
    "envelope": "envelope",
    "batch": "thank-you-notes",
}


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def pdf_filename(kind: str, *parts: str) -> str:
    """A download name such as ``thank-you-card-dana-rivera-acme.pdf`` (ASCII, no spaces)."""
    return download_name(kind, *parts, suffix=".pdf")


def download_name(kind: str, *parts: str, suffix: str) -> str:
    """An ASCII file name from a kind and a few words, e.g. for .pdf, .eml or .ics downloads."""
    slugs = [_FILE_KINDS.get(kind, _slug(kind)) or "afterword"]
    slugs += [slug for part in parts if (slug := _slug(part or ""))]
    stem = "-".join(slugs)[:120].rstrip("-")
    return f"{stem}{suffix}"


def card_preview_html(note: Note, size: str) -> str:
    """An HTML fragment showing the note on its card at true proportions.

    Style it with ``static/pdf/preview.css``; the fragment carries only class names and data
    attributes (no inline style) so it works under a strict CSP.
    """
    size = _choice(size, CARD_SIZES, "card size")
    body = _CONTROL_RE.sub("", (note.body or "").replace("\r\n", "\n")).strip()
    return _templates.get_template("pdf/_card_preview.html").render(
        body=_paragraphs(body[:MAX_BODY_CHARS]),
        size=size,
        label=CARD_LABELS[size],
        width_mm=CARD_DIMENSIONS_MM[size][0],
        height_mm=CARD_DIMENSIONS_MM[size][1],
        fits=card_fits(body, size),
    )
