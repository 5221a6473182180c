"""The follow-up after silence: one short email to the person who organised the day.

Sent when no reply has come some days after the last interview. It names the day and the people
met, restates interest (with the candidate's own "why I fit", where there is one), and asks
politely about next steps. It claims nothing the notes do not hold and never pleads.
"""

from __future__ import annotations

import re

from services.composer import channels
from services.composer.grammar import _full_name, _names, _sentence, _tidy_spacing
from services.composer.model import ComposedDraft
from services.composer.planner import (
    PLANNERS,
    Context,
    _fields,
    _Piece,
    _short_names,
    _within,
    greeting,
    signoff,
)
from services.composer.reader import read_fit


def _fit(ctx: Context, company: str) -> str:
    """One "why I fit" line in a follow-up frame (not the frame the first note used)."""
    lines = [read_fit(raw)[0] for raw in ctx.job.fit_points]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    clause = lines[(ctx.slot + 1) % len(lines)]
    sentence = _sentence(
        ctx.book.pick("followup_fit", ctx.slot).format(fit=clause, company=company)
    )
    if ctx.book.tone == "formal":
        sentence = re.sub(r"\bI've\b", "I have", sentence)
    return sentence


def plan_followup(ctx: Context, channel: channels.Channel) -> ComposedDraft:
    fields = _fields(ctx)
    book, slot = ctx.book, ctx.slot
    if ctx.job.day:
        opening = book.pick("followup_open", slot).format(day=ctx.job.day, **fields)
    else:
        opening = book.pick("followup_open_noday", slot).format(**fields)
    pieces = [_Piece(_sentence(opening), 1, 0)]
    named = [p for p in ctx.others if _full_name(p.name)]
    if named:
        met = book.pick("followup_met", slot).format(names=_names(_short_names(named, ctx.profile)))
        pieces.append(_Piece(_sentence(met), 1, 0))
    pieces.append(_Piece(_sentence(book.pick("followup_interest", slot).format(**fields)), 2, 0))
    fit = _fit(ctx, fields["company"])
    if fit and book.tone != "brief":
        pieces.append(_Piece(fit, 2, 2))
    pieces.append(_Piece(_sentence(book.pick("followup_ask", slot)), 2, 0))
    pieces.append(_Piece(_sentence(book.pick("followup_close", slot)), 3, 1))
    body = _within(
        greeting(ctx.person, ctx.profile, book),
        pieces,
        signoff(ctx.profile, book.one("valediction"), links=True),
        channel.max_words,
    )
    values = {
        "role": " ".join(ctx.job.role.split()) or "job",
        "company": fields["company"],
        "candidate": _full_name(ctx.profile.name) or "your candidate",
    }
    subject = _tidy_spacing(book.pick("subject_followup", slot).format(**values))
    return ComposedDraft(
        ctx.person.id, channel.code, subject[:1].upper() + subject[1:], body, generic=False
    )


PLANNERS["followup"] = plan_followup
