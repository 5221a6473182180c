"""Deterministic thank-you drafts for everyone the candidate met at one application.

Pure Python: no Flask, no database, no network, no randomness. The same panel always gives the
same drafts. The package is split by job:

- `grammar`: cleaning phone jots (shorthand, emoji, pronouns, articles);
- `reader`: each talking point read once into the sentence the notes say (its "reading"),
  and each "why I fit" line into the clause a note says of the candidate;
- `phrases`: the phrase books, one data file per language and tone, checked on load;
- `channels`: the registry of channels (email, wrap-up, card) and who gets which;
- `planner`: one small planner per channel, building a note from the book and the readings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from services.composer import channels, phrases
from services.composer import followup as _followup  # noqa: F401  (registers its planner)
from services.composer import linkedin as _linkedin  # noqa: F401  (registers its planner)
from services.composer.grammar import clean_jot, first_name, word_count
from services.composer.model import ComposedDraft, Job, Person, Point, Profile
from services.composer.planner import PLANNERS, Context, fit_sentences, promised_thing
from services.composer.reader import Reading, edited, read_fit, read_point

__all__ = [
    "CARD_MAX_WORDS",
    "EMAIL_MAX_WORDS",
    "ComposedDraft",
    "Job",
    "Person",
    "Point",
    "Profile",
    "Reading",
    "clean_jot",
    "compose_panel",
    "first_name",
    "read_fit",
    "reading_of",
    "word_count",
]

EMAIL_MAX_WORDS = channels.EMAIL.max_words
CARD_MAX_WORDS = channels.CARD.max_words
# A panel keeps trying other phrasings of a reading this many times before it accepts a repeat.
_MAX_BUMPS = 12


def _tone(profile: Profile) -> str:
    return profile.tone if profile.tone in phrases.TONES else "warm"


def reading_of(
    point: Point,
    person_name: str,
    tone: str = "warm",
    language: str = "en",
    *,
    organiser: bool = False,
):
    """How the notes will say one point: the user's own reading, or the reader's."""
    if point.reading.strip():
        return edited(point.kind, point.reading)
    return read_point(
        point.kind,
        point.body,
        first_name(person_name),
        tone=tone,
        language=language,
        organiser=organiser,
    )


def _panel_readings(
    people: Sequence[Person], tone: str, language: str
) -> tuple[list[tuple[Reading, ...]], list[tuple[Reading, ...]], list[tuple[str, ...]]]:
    """Each person's readings, with an automatic reading rephrased where it would repeat a
    sentence already said to someone else on the panel; the same readings phrased again for
    their card (which arrives after the email, so it should not repeat it word for word); and
    the ids of flagged points."""
    used: dict[str, int] = {}
    readings, flagged = [], []
    # To a recruiter or HR contact "they" is the company: their jots are read knowing that.
    organisers = [p.role in channels.ORGANISER_ROLES for p in people]
    read: list[list[tuple[Point, Reading]]] = []  # each person's points with their readings
    for index, person in enumerate(people):
        first = first_name(person.name, person.email)
        mine: list[Reading] = []
        pairs: list[tuple[Point, Reading]] = []
        bad: list[str] = []
        for point in person.points:
            organiser = organisers[index]
            reading = reading_of(point, person.name, tone, language, organiser=organiser)
            if reading is not None and reading.ok and not reading.edited:
                reading = _rephrased(
                    point, first, tone, language, reading, index, used, mine, organiser=organiser
                )
            if reading is None:
                continue
            if not reading.ok:
                bad.append(point.id)
                continue
            used.setdefault(reading.text.lower(), index)
            mine.append(reading)
            pairs.append((point, reading))
        readings.append(tuple(mine))
        read.append(pairs)
        flagged.append(tuple(bad))
    # Card phrasings once every email's are known, each kept off the rest of the panel too.
    cards = []
    for index, (person, pairs) in enumerate(zip(people, read, strict=True)):
        first, phrased = first_name(person.name, person.email), []
        for point, reading in pairs:
            if not reading.edited:
                reading = _rephrased(
                    point, first, tone, language, reading, index, used, phrased,
                    avoid=reading.text, organiser=organisers[index],
                )  # fmt: skip
                used.setdefault(reading.text.lower(), index)
            phrased.append(reading)
        cards.append(tuple(phrased))
    return readings, cards, flagged


def _rephrased(
    point, first, tone, language, reading, index, used, mine, avoid="", organiser=False
) -> Reading:
    """The reading, or another phrasing of it: never a sentence said to someone else on the
    panel (nor `avoid`, the email's phrasing when this is for the card), and if it can be
    helped, not opening like this person's previous reading."""

    def fresh(r: Reading) -> bool:
        return used.get(r.text.lower(), index) == index and r.text != avoid

    openers = {_opener(r.text) for r in mine}
    fallback = None
    first_try = reading
    for bump in range(_MAX_BUMPS + 1):
        if bump:
            reading = read_point(
                point.kind, point.body, first, tone=tone, language=language, bump=bump,
                organiser=organiser,
            )  # fmt: skip
        if fresh(reading) and _opener(reading.text) not in openers:
            return reading
        if fallback is None and fresh(reading):
            fallback = reading
    if avoid and fallback is None:
        return first_try  # the card says it as the email did, never as someone else's note
    return fallback or reading


def _opener(sentence: str) -> tuple[str, ...]:
    """A sentence's first two words: two readings in a row should not open alike."""
    return tuple(sentence.lower().split()[:2])


def _panel_offset(job: Job, profile: Profile) -> int:
    """A stable starting phrasing per application, so two applications do not read alike."""
    key = f"{job.company.strip().lower()}|{job.role.strip().lower()}|{profile.name.strip().lower()}"
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16)


def _keep_cards_true(
    drafts: list[ComposedDraft], contexts: list[Context], courier: int | None, unreached
) -> None:
    """A card that says the organiser will pass a promise on, only if the organiser's wrap-up
    (which may have been shortened to its cap) still carries it; else the card carries it."""
    if courier is None:
        return
    wrapup = next(
        (d.body for d in drafts if d.contact_id == contexts[courier].person.id
         and d.channel == "wrapup"), "",
    )  # fmt: skip
    for index in unreached:
        ctx = contexts[index]
        things = [promised_thing(r) for r in ctx.readings if r.kind == "promise"]
        if all(t is None or t[0] in wrapup for t in things):
            continue
        for at, draft in enumerate(drafts):
            if draft.contact_id == ctx.person.id and draft.channel == "card":
                card = PLANNERS["card"](replace(ctx, courier=None), channels.get("card"))
                drafts[at] = replace(card, flagged=draft.flagged)


def compose_panel(
    job: Job, people: Sequence[Person], profile: Profile, *, require_address: bool = True
) -> list[ComposedDraft]:
    """Every note for everyone met: each of their channels in registry order (an email or a
    wrap-up for recruiters and HR, then a card).

    Someone with no email address gets no email (`channels.for_role(role, has_email=False)`):
    the card reaches them, and the wrap-up asks the recruiter to pass thanks on.
    `require_address=False` composes every channel of the role regardless, for a caller whose
    own list of channels does not yet ask whether the person has an address.

    Each person's fixed sentences come from their position in the panel, so no two people's
    notes share a sentence (for panels of up to eight people).
    """
    tone = _tone(profile)
    book = phrases.book(profile.language, tone)
    offset = _panel_offset(job, profile)
    readings, card_readings, flagged = _panel_readings(people, tone, profile.language)
    fits = fit_sentences(job, book, len(people), offset, people)
    drafts: list[ComposedDraft] = []
    contexts: list[Context] = []
    # Promises to people with no address travel in the organiser's wrap-up.
    courier = channels.courier(people)
    unreached = [i for i, p in enumerate(people) if not p.email.strip() and courier is not None]
    carried = tuple((people[i], r) for i in unreached for r in readings[i] if r.kind == "promise")
    for index, person in enumerate(people):
        ctx = Context(
            job=job,
            person=person,
            profile=profile,
            book=book,
            slot=offset + index,
            readings=readings[index],
            card_readings=card_readings[index],
            others=tuple(p for p in people if p is not person),
            fit=fits[index],
            carried=carried if index == courier else (),
            courier=people[courier] if index in unreached else None,
        )
        contexts.append(ctx)
        has_email = bool(person.email.strip()) or not require_address
        for code in channels.for_role(person.role, has_email=has_email):
            channel = channels.get(code)
            draft = PLANNERS[channel.planner](ctx, channel)
            if flagged[index]:
                draft = ComposedDraft(
                    draft.contact_id, draft.channel, draft.subject, draft.body, draft.generic,
                    flagged[index],
                )  # fmt: skip
            drafts.append(draft)
    _keep_cards_true(drafts, contexts, courier, unreached)
    # A note for the whole panel (the follow-up after silence) goes to one person.
    for channel in [c for c in channels.CHANNELS.values() if c.one_per_panel]:
        index = channels.panel_recipient(people, channel.code)
        if index is not None:
            drafts.append(PLANNERS[channel.planner](contexts[index], channel))
    return drafts
