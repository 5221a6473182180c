"""The sentence planner: a note per channel, built from the phrase book and the readings.

A note says only what was noted: thanks, each point's reading, fit from the candidate's own "why
I fit" lines (or one plain line of interest), and a closing. No word floor: a note is as long
as its content, capped by its channel. Fixed sentences come from pools of eight, one per person
of a panel, so notes a panel compares never share a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from services.composer import channels, lexicon, phrases
from services.composer.grammar import (
    _HONORIFICS,
    SPANISH_GIVEN,
    SPANISH_TITLES,
    _full_name,
    _interview_phrase,
    _names,
    _role_phrase,
    _sentence,
    _tidy_spacing,
    company_name,
    courtesy,
    family_first,
    first_name,
    role_title,
    vietnamese,
    word_count,
)
from services.composer.model import ComposedDraft, Job, Person, Profile
from services.composer.reader import DETAIL_KINDS, PLACEHOLDER, Reading, read_fit


@dataclass(frozen=True)
class Context:
    """Everything a planner needs for one person's note."""

    job: Job
    person: Person
    profile: Profile
    book: phrases.PhraseBook
    slot: int
    readings: tuple[Reading, ...]
    others: tuple[Person, ...]
    fit: str  # this person's "why I fit" sentence, or ""
    # The same readings phrased again for the card, so it does not repeat the email verbatim.
    card_readings: tuple[Reading, ...] = ()
    # For the organiser who passes things on: what was promised to people with no address.
    carried: tuple[tuple[Person, Reading], ...] = ()
    # For someone with no address: the organiser who passes on what was promised to them.
    courier: Person | None = None


@dataclass
class _Piece:
    text: str
    paragraph: float
    drop_rank: int  # 0 = never dropped; higher numbers are dropped first


def _style(person: Person, profile: Profile) -> tuple[str, list[str], bool]:
    """The greeting style that applies to `person`, their name's words, and whether the name
    starts with a title: a formal tone greets a titled name by its title unless the person has
    a style of their own."""
    words = _full_name(person.name).split(" ")
    title = words[0].rstrip(".").lower()
    titled = len(words) >= 2 and title in _HONORIFICS and title not in {"sir", "dame"}
    titled = titled or (len(words) >= 3 and words[0] == "M.")  # "M. Driss Alaoui": Monsieur
    style = person.greeting_style or profile.greeting_style
    if not person.greeting_style and profile.tone == "formal" and titled:
        style = "honorific"
    return style, words, titled


# A surname caught only as its initial: "Z.", "Ö", "M".
_INITIAL = re.compile(r"[^\W\d_]\.?")


def addressed_as(person: Person, profile: Profile) -> str:
    """The name a note calls someone by, in its greeting, subject and lists: "Dana"; under the
    honorific style "Dr. Petrov", "Yamamoto-san" (a Japanese name written family name first,
    with no title given) or else the full name."""
    full = _full_name(person.name)
    style, words, titled = _style(person, profile)
    asked_for = called(person)
    if not full or style != "honorific" or " " in asked_for:
        return asked_for or first_name(full, person.email)
    if courtesy(words):
        return full  # "Don Luis" is Don Luis however formal the note
    if len(words) >= 2 and _INITIAL.fullmatch(words[-1]):
        # Only an initial of the surname was caught ("Marta Z.", "Dra. Paz M-something"): a
        # Spanish title goes with the given name ("Dra. Paz"), else the given name alone.
        if titled and len(words) >= 3 and words[0].rstrip(".").lower() in SPANISH_TITLES:
            return f"{words[0].rstrip('.').capitalize()}. {words[1]}"
        return asked_for or first_name(" ".join(words[:-1]), person.email)
    if titled:
        honorific = words[0].rstrip(".").capitalize()
        # "Dott.ssa", "Mme Dubois": no stop after them.
        dot = "" if honorific in {"Miss", "Mme", "Mlle"} or "." in honorific else "."
        spanish = words[0].rstrip(".").lower() in SPANISH_TITLES
        return f"{honorific}{dot} {_surname(words[1:], spanish=spanish, email=person.email)}"
    if vietnamese(words):
        # "Trần Minh Khoa": "Mr. Khoa" when the notes say "he", else the whole name.
        noted = noted_title(person)
        return f"{noted} {words[-1]}" if noted else full
    if len(words) == 2 and family_first(words):
        if "-" in words[1]:
            # A Korean name, family name first ("Park Ji-hoon"): "Mr. Park" when the notes say
            # "he", else the whole name; "-san" is Japanese.
            noted = noted_title(person)
            return f"{noted} {words[0]}" if noted else full
        return f"{words[0]}-san"  # two words: a Japanese family name first
    # A title the app does not know ("Hon. Jane Roe"), which "she" must not replace.
    noted = noted_title(person) if "." not in words[0] else ""
    if noted and len(words) >= 2:
        spanish = words[0].lower() in SPANISH_GIVEN
        return f"{noted} {_surname(words, spanish=spanish, email=person.email)}"
    return full


_CALLED = re.compile(
    r"\b(?:call\s+(?:me|her|him)|goes\s+by|prefers\s+to\s+be\s+called|prefers)\s+"
    r"['\"\u201c]?(?P<name>[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)",
)


def called(person: Person) -> str:
    """The name someone asked to be called by, from the notes ("she said call me Tolu"), or
    ""; only a name that is part of theirs or shorter than it, so a note to Tolulope may say
    Tolu but never a stranger's name."""
    return called_in(person.name, [point.body for point in person.points])


def called_in(name: str, notes: Sequence[str]) -> str:
    """`called` for a name and the notes about its person, as the checker has them."""
    full = _full_name(name)
    given = first_name(full)
    for body in notes:
        # "-> Mehmet Bey in the mail": the Turkish courtesy the candidate means to use.
        courtesy = given and re.search(
            rf"\b{re.escape(given)}\s+(bey|han\u0131m|hanim)\b", body, re.IGNORECASE
        )
        if courtesy:
            return f"{given} {courtesy[1].capitalize()}"
    for body in notes:
        found = _CALLED.search(body.replace("\u2019", "'"))
        if found:
            name = found["name"]
            if any(w.lower().startswith(name.lower()[:3]) for w in full.split()):
                return name
    return ""


_SHE = re.compile(r"\b(?:she|her|hers|herself|shes|she's|she'd|she'll)\b", re.IGNORECASE)
_HE = re.compile(r"\b(?:he|him|his|himself|hes|he's|he'd|he'll)\b", re.IGNORECASE)


def noted_title(person: Person) -> str:
    """ "Ms." or "Mr." when the candidate's own notes about someone say only "she" or only "he",
    so an honorific greeting need not fall back to a full name; "" when the notes say neither
    or both (a note may be about someone else)."""
    text = " ".join(point.body.replace("\u2019", "'") for point in person.points)
    she, he = bool(_SHE.search(text)), bool(_HE.search(text))
    if she == he:
        return ""
    return "Ms." if she else "Mr."


def greeting(person: Person, profile: Profile, book: phrases.PhraseBook) -> str:
    """ "Hi Dana," or "Dear Dana,"; "Dear Dr. Petrov," when the person's style is honorific, or
    under a formal tone when their name carries a title and they have no style of their own."""
    full = _full_name(person.name)
    if not full:
        return book.one("greeting_nobody")
    first = called(person) or first_name(full, person.email)
    style, _words, titled = _style(person, profile)
    name = addressed_as(person, profile)
    if style == "honorific":
        if titled:
            title, last = name.split(" ", 1)
            return book.one("greeting_honorific").format(
                title=title, last=last, first=first, full=full
            )
        if name.startswith(("Ms. ", "Mr. ")):  # a title the notes give: "Dear Ms. Solberg"
            title, last = name.split(" ", 1)
            return book.one("greeting_honorific").format(
                title=title, last=last, first=first, full=full
            )
        return book.one("greeting_full").format(first=first, full=name)
    return book.one("greeting").format(first=first)


# Lower-case words that belong to a surname: "Dr. Pieter van Wyk" is Dr. van Wyk.
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le",
              "bin", "binti", "al", "ter", "ten", "dos", "das", "do"}  # fmt: skip


# The words that join a Malaysian or Singaporean name to the father's name ("son of").
_PATRONYMIC = {"a/l", "a/p", "s/o", "d/o", "bin", "binti", "bte", "bt"}


def _surname(words: list[str], *, spanish: bool = False, email: str = "") -> str:
    """The surname of a name without its title: the last word and any particles before it, or
    the first word of a name written family name first ("Koh Wee Leong"), or the first of two
    Spanish family names ("Arturo Benítez Solís")."""
    if family_first(words, email):
        return words[0]
    marker = next((i for i, w in enumerate(words) if w.lower() in _PATRONYMIC), 0)
    if marker:
        # "Rajesh Kumar a/l Subramaniam", "Ahmad Faiz bin Rosli": the part after the marker is
        # the father's name; a letter uses the person's own first name ("Mr. Rajesh"), after
        # a "Muhammad" that opens most such names ("Mr. Haziq").
        common = {"muhammad", "mohammad", "mohamed", "mohd", "muhd", "nur", "nurul", "siti"}
        return words[1] if marker > 1 and words[0].lower() in common else words[0]
    if spanish and len(words) >= 3 and words[-2].lower() not in SPANISH_GIVEN:
        return words[-2]
    start = len(words) - 1
    while start > 1 and words[start - 1] in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def signoff(profile: Profile, valediction: str, *, links: bool) -> str:
    name = _full_name(profile.name)
    if not links:
        return f"{valediction}\n{name}" if name else valediction
    signature_lines = [ln.strip() for ln in (profile.signature or "").splitlines() if ln.strip()]
    lines = [valediction, *(signature_lines or ([name] if name else []))]
    joined = "\n".join(lines)
    for extra in (profile.phone, profile.portfolio_url, profile.linkedin_url):
        extra = (extra or "").strip()
        if extra and extra not in joined:
            lines.append(extra)
    return "\n".join(lines)


def _assemble(head: str, pieces: Sequence[_Piece], tail: str) -> str:
    paragraphs: dict[int, list[str]] = {}
    for piece in pieces:
        paragraphs.setdefault(piece.paragraph, []).append(piece.text)
    middle = [" ".join(paragraphs[k]) for k in sorted(paragraphs)]
    return "\n\n".join([head, *middle, tail])


def _within(head: str, pieces: list[_Piece], tail: str, cap: int) -> str:
    """The note, dropping its most droppable sentences until it is within `cap` words."""
    body = _assemble(head, pieces, tail)
    while word_count(body) > cap:
        droppable = [p for p in pieces if p.drop_rank]
        if not droppable:
            break
        worst = max(droppable, key=lambda p: (p.drop_rank, pieces.index(p)))
        pieces = [p for p in pieces if p is not worst]
        body = _assemble(head, pieces, tail)
    return body


def _fields(ctx: Context) -> dict[str, str]:
    company = company_name(ctx.job) or "your team"
    return {"role_at": _role_phrase(ctx.job), "company": company}


def _with_profile_links(readings: Sequence[Reading], profile: Profile) -> list[Reading]:
    """A promised portfolio or LinkedIn profile the signature already links needs no
    placeholder: the note gives the address."""
    out = []
    for reading in readings:
        links = {"portfolio": profile.portfolio_url, "linkedin": profile.linkedin_url}
        for word, url in links.items():
            text = reading.text.replace(PLACEHOLDER, "").lower()
            # "my portfolio PDF" is a file to attach, not the website the signature links.
            if re.search(r"\b(?:pdf|file|deck|slides|doc|document|copy)\b", text):
                continue
            if reading.placeholder and url and word in text:
                reading = replace(
                    reading, text=reading.text.replace(PLACEHOLDER, url.strip()), placeholder=False
                )
        out.append(reading)
    return out


_EMAIL_DETAILS = 2


def _risk(reading: Reading) -> tuple[int, int]:
    """How much a reading risks reading badly: a second fact joined on, then its length."""
    text = reading.text
    joined = ". " in text.rstrip(".") or bool(re.search(r", (?:and|where|which) ", text))
    return (0 if reading.edited else 1 + joined, len(text.split()))


def _reading_pieces(readings: Sequence[Reading], brief: bool) -> list[_Piece]:
    """Details in the first paragraph, follow-ups (better answers, links, questions) next."""
    pieces: list[_Piece] = []
    details = [r for r in readings if r.detail]
    if len(details) > _EMAIL_DETAILS:
        # Two details make a note specific; a third adds length and one more thing to misread.
        # The plainest are kept (one sentence, no second fact joined on), in the order noted.
        keep = sorted(details, key=_risk)[:_EMAIL_DETAILS]
        details = [r for r in details if r in keep]
    for index, reading in enumerate(details[: 1 if brief else _EMAIL_DETAILS]):
        pieces.append(_Piece(reading.text, 1, 0 if index == 0 else 6 - index))
    order = {"wish_said": 0, "question": 1, "promise": 2}
    follow = sorted((r for r in readings if not r.detail), key=lambda r: order[r.kind])
    asked = 0
    for reading in follow:
        if reading.kind == "question":
            asked += 1
            if asked > (1 if brief else 2):
                continue
        rank = 0 if reading.kind == "promise" or asked <= 1 else 3
        # A sentence ending in a link ends its paragraph, so nothing runs into the address.
        paragraph = (
            2 + len(pieces) / 100
            if reading.text.endswith(("]", "/")) or ("http" in reading.text.split(" ")[-1])
            else 2
        )
        pieces.append(_Piece(reading.text, paragraph, rank))
    return pieces


_THANK_LEAD = re.compile(r"^(?:Thank you|Thanks)(?:,? too,?| as well| again)? for (\w+ing)\b")


def _after_thanks(thanks: str, sentence: str) -> str:
    """A reading that opens with thanks, right after the note's own thanks, is turned so the
    two sentences do not open alike: "Thank you for walking me ..." -> "I also appreciated you
    walking me ..."."""
    if not thanks.startswith(("Thank", "Many thanks")):
        return sentence
    turned = _THANK_LEAD.sub(r"I appreciated you \1", sentence)
    if turned != sentence:
        turned = turned.replace(", and for telling me", ", and telling me")
    return turned


def _interest(ctx: Context, fields: dict[str, str]) -> str:
    if ctx.fit:
        return ctx.fit
    return _sentence(_not_as_colleague(ctx, "interest", step=1).format(**fields))


def _domain(email: str) -> str:
    return email.strip().rpartition("@")[2].lower()


# "work with you at Acme", "I hope we get to work together": said to a future colleague only.
_AS_COLLEAGUE = re.compile(r"\bwork (?:with you|together)\b")


def _not_as_colleague(ctx: Context, key: str, *, step: int) -> str:
    """The phrase for this person's slot, or, for an agency recruiter (who will not be a
    colleague), the next one `step` slots on that does not hope to work with them."""
    slot = ctx.slot
    line = ctx.book.pick(key, slot)
    while _AS_COLLEAGUE.search(line) and _works_elsewhere(ctx):
        slot += step
        line = ctx.book.pick(key, slot)
    return line


def _agency(person: Person, others: Sequence[Person]) -> bool:
    """Whether `person` is a recruiter whose address is at another firm than the rest's."""
    mine = _domain(person.email)
    theirs = {_domain(p.email) for p in others if p.email.strip() and p is not person}
    return person.role == "recruiter" and bool(mine and theirs) and mine not in theirs


def _works_elsewhere(ctx: Context) -> bool:
    """Whether the person's address is at another firm than the rest of the panel's (an
    agency recruiter): "work with you at Acme" would be wrong for them."""
    mine = _domain(ctx.person.email)
    theirs = {_domain(p.email) for p in ctx.others if p.email.strip()}
    return bool(mine and theirs) and mine not in theirs


def _subject(ctx: Context, key: str) -> str:
    # A note that greets "Dear Dr. Petrov" names him the same way in its subject.
    name = addressed_as(ctx.person, ctx.profile)
    if name == _full_name(ctx.person.name) and " " in name:
        name = ""  # "Thank you for your time, Karthik Subramanian" reads as a form letter
    values = {
        "first": name,
        "role": role_title(ctx.job.role) or "job",
        "candidate": _full_name(ctx.profile.name) or "your candidate",
    }
    subject = _tidy_spacing(ctx.book.pick(key, ctx.slot).format(**values)).rstrip(", ")
    return subject[:1].upper() + subject[1:]


def _met_or(ctx: Context, key: str) -> str:
    """The thanks for someone met on the day who did not interview ("met_thanks"), else `key`."""
    return "met_thanks" if ctx.person.role == "other" else key


def plan_email(ctx: Context, channel: channels.Channel) -> ComposedDraft:
    fields = _fields(ctx)
    thanks = ctx.book.pick(_met_or(ctx, "thanks"), ctx.slot)
    pieces = [_Piece(_sentence(thanks.format(**fields)), 1, 0)]
    readings = _with_profile_links(ctx.readings, ctx.profile)
    said = _reading_pieces(readings, ctx.profile.tone == "brief")
    if not any(r.detail for r in ctx.readings) and ctx.person.interview_titles:
        title = _interview_phrase(ctx.person.interview_titles[0])
        pieces.append(
            _Piece(_sentence(ctx.book.pick("title_line", ctx.slot).format(title=title)), 1, 0)
        )
    if said and said[0].paragraph == 1:
        said[0].text = _after_thanks(pieces[0].text, said[0].text)
    pieces.extend(said)
    pieces.append(_Piece(_interest(ctx, fields), 3, 0))
    return _closed(ctx, channel, pieces, fields, said, paragraph=3, subject="subject_email")


def _short_names(people: Sequence[Person], profile: Profile) -> list[str]:
    """Each name as the notes call them ("Dana, Tom and Dr. Petrov"); a full name where two
    people would read the same."""
    called = [addressed_as(p, profile) for p in people]
    return [
        name if called.count(name) == 1 else _full_name(p.name)
        for p, name in zip(people, called, strict=True)
    ]


def plan_wrapup(ctx: Context, channel: channels.Channel) -> ComposedDraft:
    """The recruiter's or HR contact's note: thanks for arranging, everyone met by name, and
    thanks passed on for the people the candidate has no address for."""
    fields = _fields(ctx)
    pieces = [_Piece(_sentence(ctx.book.pick("wrap_thanks", ctx.slot).format(**fields)), 1, 0)]
    said = _reading_pieces(
        _with_profile_links(ctx.readings, ctx.profile), ctx.profile.tone == "brief"
    )
    if said and said[0].paragraph == 1:
        said[0].text = _after_thanks(pieces[0].text, said[0].text)
    pieces.extend(said)
    # The company's HR did not meet the candidate's agency recruiter at the company: the
    # people met are the company's own.
    named = [
        p
        for p in ctx.others
        if _full_name(p.name) and not (ctx.person.role == "hr" and _agency(p, ctx.others))
    ]
    short = _short_names(named, ctx.profile)
    if named:
        met = ctx.book.pick("met", ctx.slot).format(names=_names(short))
        pieces.append(_Piece(_sentence(met), 3, 0))
    else:
        pieces.append(_Piece(ctx.book.one("met_nobody"), 3, 0))
    missing = [n for p, n in zip(named, short, strict=True) if not p.email.strip()]
    in_house = [p for p in ctx.others if p.role == "hr" and p.email.strip()]
    if _works_elsewhere(ctx) and in_house:
        missing = []  # the company's own HR passes thanks on; one request, not two
    if missing:
        passing = ctx.book.pick("pass_on", ctx.slot).format(names=_names(missing))
        pieces.append(_Piece(_sentence(passing), 3, 0))
    for order, (person, reading) in enumerate(ctx.carried):
        thing = promised_thing(reading)
        if thing:
            x, plural, link = thing
            carry = ctx.book.pick("carry_promise", ctx.slot + order).format(
                name=addressed_as(person, ctx.profile), x=x, it="them" if plural else "it",
                link=link,
            )  # fmt: skip
            pieces.append(_Piece(carry, 3.5 + order / 100, 1))
    pieces.append(_Piece(_interest(ctx, fields), 4, 2))
    return _closed(ctx, channel, pieces, fields, said, paragraph=4, subject="subject_wrapup")


def _closed(ctx: Context, channel, pieces, fields, said, *, paragraph: int, subject: str):
    """An email's closing line, greeting and sign-off around its pieces, within its length."""
    pieces.append(
        _Piece(_sentence(ctx.book.pick("closing", ctx.slot).format(**fields)), paragraph, 1)
    )
    body = _within(
        greeting(ctx.person, ctx.profile, ctx.book),
        pieces,
        signoff(ctx.profile, ctx.book.one("valediction"), links=True),
        channel.max_words,
    )
    return ComposedDraft(
        ctx.person.id, channel.code, _subject(ctx, subject), body, generic=not said
    )


# The parts of a promise's reading: "Here is my SOP, as promised: [add the link or file]".
_PROMISED = re.compile(
    r"\b[Hh]ere (?P<is>is|are) (?P<x>.+?)(?:, as (?:promised|I said I would|mentioned))?: "
    r"(?P<link>\S.*)$"
)


def promised_thing(reading: Reading) -> tuple[str, bool, str] | None:
    """What a promise's reading sends (the thing, whether it is plural, its link or the
    placeholder), or None for a promise that sends nothing ("I will call you Friday")."""
    match = _PROMISED.search(reading.text) if reading.kind == "promise" else None
    if not match:
        return None
    return match["x"], match["is"] == "are", match["link"]


def plan_card(ctx: Context, channel: channels.Channel) -> ComposedDraft:
    """A handwritten card: thanks, a detail that fits, a closing line. Questions never go on
    a card (it arrives days later, after the email has asked them); a promise goes on it only
    for someone with no email address, whom no email reaches.
    """
    fields = _fields(ctx)
    organiser = ctx.person.role in channels.ORGANISER_ROLES
    # Someone met on the day but not on the panel (role "other") was not an interviewer.
    key = "card_wrap_thanks" if organiser else _met_or(ctx, "card_thanks")
    thanks = ctx.book.pick(key, ctx.slot)
    head = greeting(ctx.person, ctx.profile, ctx.book)
    tail = signoff(ctx.profile, ctx.book.one("card_valediction"), links=False)
    # Someone only met (a receptionist, a guide) is not asked to talk again.
    key = "card_close_met" if ctx.person.role == "other" else "card_close"
    close = _Piece(_sentence(_not_as_colleague(ctx, key, step=2)), 1, 1)
    first = _Piece(_sentence(thanks.format(**fields)), 1, 0)
    details = [r for r in ctx.card_readings or ctx.readings if r.detail and "http" not in r.text]
    # The card arrives after the email, which leads with the first detail: it carries the
    # personal one (common ground, a moment of the day) or another detail, not the same line.
    personal = {"common_ground": 0, "other": 1, "their_work": 2, "topic": 3}
    details = details[1:] + details[:1] if len(details) > 1 else details
    details.sort(key=lambda r: personal[r.kind])
    # Someone with no email address gets only this card: what was promised to them goes on it
    # (with its placeholder to fill in by hand), or it would reach them in no note at all.
    promised = []
    if not ctx.person.email.strip():
        for order, reading in enumerate(r for r in ctx.readings if r.kind == "promise"):
            thing = promised_thing(reading)
            if thing and ctx.courier:
                # The organiser's wrap-up carries the file or link; the card says so.
                carried = ctx.book.pick("card_carried", ctx.slot + order).format(
                    courier=addressed_as(ctx.courier, ctx.profile), x=thing[0]
                )
                promised.append(_Piece(_sentence(carried), 1, 0))
            elif thing and PLACEHOLDER in reading.text:
                # A card cannot carry a file: it says the file will follow.
                promised.append(
                    _Piece(f"As promised, I will send you {thing[0]} separately.", 1, 0)
                )
            else:
                promised.append(_Piece(reading.text, 2, 0))
    if any(p.paragraph == 2 for p in promised):
        # A promise ends with its link or placeholder: it stands in its own paragraph.
        close = _Piece(close.text, 3, close.drop_rank)
    for reading in details:
        detail = _Piece(_after_thanks(first.text, reading.text), 1, 0)
        body = _assemble(head, [first, detail, *promised, close], tail)
        if word_count(body) <= channel.max_words:
            return ComposedDraft(ctx.person.id, channel.code, "", body, generic=False)
    body = _assemble(head, [first, *promised, close], tail)
    if promised and word_count(body) <= channel.max_words:
        return ComposedDraft(ctx.person.id, channel.code, "", body, generic=False)
    return ComposedDraft(
        ctx.person.id, channel.code, "", _assemble(head, [first, close], tail), generic=True
    )


PLANNERS: dict[str, Callable[[Context, channels.Channel], ComposedDraft]] = {
    "email": plan_email,
    "wrapup": plan_wrapup,
    "card": plan_card,
}


def _stems(text: str) -> set[str]:
    """The content words of a text, each as its lemmas and its first five letters: "dives",
    "diver" and "dive" meet; "the", "and" do not count."""
    out: set[str] = set()
    for word in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text.lower()):
        if word in _STOP:
            continue
        out.add(word[:5])
        out |= {lemma[:5] for lemma in lexicon.lemmas(word)}
    return out


_STOP = {"the", "and", "for", "with", "that", "this", "from", "about", "have", "has", "had",
         "was", "were", "are", "you", "your", "our", "their", "they", "she", "her", "his",
         "him", "who", "what", "when", "how", "yrs", "years", "year", "experience", "also",
         "just", "very", "really", "want", "wants", "said", "asked", "like", "lot", "team",
         "role", "work", "job", "new", "last", "next", "one", "two", "three", "will", "would",
         "can", "could", "them", "there", "then", "than", "more", "most", "some", "all",
         "did", "does", "not", "but", "get", "got", "she's", "he's", "they're"}  # fmt: skip


def _strength(clause: str) -> int:
    """How much a fit line shows: "I cut particle excursions by 60%" over "I have eight years
    of experience", and either over "I speak Dutch"."""
    done = re.match(
        r"^I (?!have\b|hold\b|speak\b|am\b)\w+ed\b|^I (?:led|built|ran|grew|won|wrote|cut|"
        r"set up|shipped|taught|made|sold|brought)\b(?! up)",
        clause,
    )
    figure = re.search(r"\d|%", clause)
    return 2 * bool(done and figure) + bool(done) - 2 * bool(re.match(r"^I speak\b", clause))


def _fit_order(fits: list[str], people: Sequence[Person], count: int) -> list[int]:
    """Which fit line each person gets (-1 for none): a line goes to the person whose notes
    and title share most words with it ("PADI Rescue Diver" to the one who ran the checkout
    dive), then the rest in panel order to people with an email, where a fit line is said."""
    order = [-1] * count
    if not people:
        for index in range(min(count, len(fits))):
            order[index] = index
        return order
    heard = [_stems(" ".join([p.title, *(pt.body for pt in p.points)])) for p in people]
    said = [_stems(line) for line in fits]
    pairs = sorted(
        ((len(said[j] & heard[i]), i, j) for i in range(count) for j in range(len(fits))),
        key=lambda pair: (-pair[0], pair[1], pair[2]),
    )
    used: set[int] = set()
    for shared, i, j in pairs:
        if shared and order[i] == -1 and j not in used and people[i].email.strip():
            order[i] = j
            used.add(j)
    # The rest, strongest first: a result with a figure before years served, languages last.
    rest = sorted((j for j in range(len(fits)) if j not in used), key=lambda j: -_strength(fits[j]))
    for i in range(count):
        if not rest:
            break
        if order[i] == -1 and people[i].email.strip():
            order[i] = rest.pop(0)
    return order


def fit_sentences(
    job: Job,
    book: phrases.PhraseBook,
    count: int,
    offset: int,
    people: Sequence[Person] = (),
) -> list[str]:
    """One "why I fit" sentence per person of the panel, from the candidate's own lines only.

    Each line is said once, to the person it speaks to most (see `_fit_order`); frames differ
    between consecutive people; with no lines, every entry is "". A line that cannot be said
    cleanly is left out (the application page shows why).
    """
    fits, lists = [], []
    for raw in job.fit_points:
        clause, _problem = read_fit(raw)
        if clause:
            # "R, Python, Datawrapper, a bit of D3" or "WSQ BCSS, registered WSH Officer" is a
            # list, not something the candidate says of themselves: used only when nothing else is.
            listed = ", " in clause and not re.match(
                r"^I (?:\w+ed|have spent|ran|led|built|wrote|grew|taught|won)\b", clause
            )
            (lists if listed else fits).append(clause)
    fits = fits or lists
    if not fits:
        return [""] * count
    company = company_name(job) or "the team"
    order = _fit_order(fits, people, count)
    out = []
    for index in range(count):
        slot = offset + index
        if order[index] < 0:
            # A fit line said to two people of one panel reads pasted: past the candidate's
            # own lines, the note restates interest instead.
            out.append("")
            continue
        clause = fits[order[index]]
        frame = book.pick("fit", slot)
        sentence = _sentence(frame.format(fit=clause, company=company))
        if book.tone == "formal":
            sentence = re.sub(r"\bI've\b", "I have", sentence)
        out.append(sentence)
    return out


__all__ = [
    "DETAIL_KINDS",
    "PLANNERS",
    "Context",
    "fit_sentences",
    "greeting",
    "signoff",
]
