"""The LinkedIn connection note: a few lines to one person, within the account's limit.

A connection request carries at most 300 characters (200 on a free account). The note says who
is connecting and why, with one detail of that person's conversation; it never thanks them again
and never repeats a sentence of their email: the detail is another phrasing of the same point.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from services.composer import channels
from services.composer.grammar import _full_name, _sentence, first_name
from services.composer.model import ComposedDraft
from services.composer.planner import PLANNERS, Context, _fields, greeting
from services.composer.reader import read_point

# Details that make a good reason to connect, best first.
_PREFERRED = ("common_ground", "their_work", "topic", "other")
_BUMPS = 12
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def limit_of(ctx: Context, channel: channels.Channel) -> int:
    """The account's chosen limit, never above the channel's."""
    chosen = ctx.profile.linkedin_limit or channel.max_chars
    return min(chosen, channel.max_chars) if channel.max_chars else chosen


def _details(ctx: Context) -> Iterator[str]:
    """Sentences about this person's details that their other notes (email and card) do not
    say: each point read again in another phrasing. A reading the user wrote has no other
    phrasing: skipped."""
    said = {
        s.lower() for r in (*ctx.readings, *ctx.card_readings) for s in _SENTENCE_END.split(r.text)
    }
    first = first_name(ctx.person.name, ctx.person.email)
    points = sorted(
        (p for p in ctx.person.points if p.kind in _PREFERRED and not p.reading.strip()),
        key=lambda p: _PREFERRED.index(p.kind),
    )
    for point in points:
        for bump in range(1, _BUMPS + 1):
            reading = read_point(
                point.kind,
                point.body,
                first,
                tone=ctx.book.tone,
                language=ctx.profile.language,
                bump=bump,
                organiser=ctx.person.role in channels.ORGANISER_ROLES,
            )
            if reading is None or not reading.ok:
                break
            # The first sentence only: a second fact's sentence may be worded as in the email.
            text = _SENTENCE_END.split(reading.text)[0]
            if (
                text.lower() not in said
                and not text.startswith(("Thank", "Many thanks"))
                and "http" not in text
                and not reading.placeholder
            ):
                yield text
                break


def _note(hello: str, sentences: list[str], sign: str) -> str:
    lines = [hello, " ".join(sentences)]
    if sign:
        lines.append(sign)
    return "\n".join(lines)


def plan_linkedin(ctx: Context, channel: channels.Channel) -> ComposedDraft:
    """Greeting, why I am connecting, one detail of theirs, my first name; shorter pieces are
    tried until the note fits the limit."""
    limit = limit_of(ctx, channel)
    fields = _fields(ctx)
    hello = greeting(ctx.person, ctx.profile, ctx.book)
    name = _full_name(ctx.profile.name)
    sign = ""
    if name:
        sign = ctx.book.one("linkedin_sign").format(first=first_name(name), full=name)
    organiser = ctx.person.role in channels.ORGANISER_ROLES
    key = "linkedin_connect_organiser" if organiser else "linkedin_connect"
    openings = [
        _sentence(ctx.book.pick(key, ctx.slot).format(**fields)),
        _sentence(ctx.book.pick("linkedin_short", ctx.slot).format(**fields)),
    ]
    details = list(_details(ctx))
    for opening in openings:
        for detail in details:
            body = _note(hello, [opening, detail], sign)
            if len(body) <= limit:
                return ComposedDraft(ctx.person.id, channel.code, "", body, generic=False)
    for opening in openings:
        body = _note(hello, [opening], sign)
        if len(body) <= limit:
            return ComposedDraft(ctx.person.id, channel.code, "", body, generic=True)
    # Only a very long name or company gets here: the short line, cut at a word.
    body = _note(hello, [openings[1]], "")
    if len(body) > limit:
        body = body[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return ComposedDraft(ctx.person.id, channel.code, "", body, generic=True)


PLANNERS["linkedin"] = plan_linkedin
