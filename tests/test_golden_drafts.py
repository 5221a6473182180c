"""The draft corpus: every draft composed from tests/corpus/panels.json matches its golden file,
and keeps the composer's guarantees. Regenerate after an intended change (see golden_drafts.py):
`make golden`, then review `git diff tests/golden/`."""

import re

import pytest
from golden_drafts import CHANNELS, GOLDEN, load_panels, panel_inputs, render, slug

from services.composer import compose_panel, reading_of
from services.composer.planner import addressed_as
from services.composer.reader import PLACEHOLDER

PANELS = load_panels()
URL = re.compile(r"https?://\S+")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def test_the_corpus_is_big_and_messy_enough():
    people = [p for panel in PANELS for p in panel["people"]]
    jots = [text for p in people for _, text in p["points"]]
    assert len(PANELS) >= 12
    assert len(people) >= 60
    assert len(jots) >= 100
    assert any(re.search(r"[\U0001F300-\U0001FAFF]", j) for j in jots), "emoji"
    assert any("http" in j for j in jots), "links"
    assert any(re.search(r"\b(?:w/|yrs?|q|lol|bc)\b", j) for j in jots), "shorthand"
    assert any(re.search(r"\b(?:she|he)'?s?\b", j) for j in jots), "third person"
    assert any(not p["email"] for p in people), "missing addresses"


@pytest.mark.parametrize("panel", PANELS, ids=slug)
def test_drafts_match_their_golden_file(panel):
    path = GOLDEN / f"{slug(panel)}.txt"
    assert path.exists(), f"no golden file for {slug(panel)}: run `make golden`"
    assert render(panel) == path.read_text(encoding="utf-8"), (
        f"drafts for {panel['company']} changed: run `make golden` and review the diff"
    )


@pytest.mark.parametrize("panel", PANELS, ids=slug)
def test_corpus_drafts_keep_the_guarantees(panel):
    job, people, profile = panel_inputs(panel)
    drafts = compose_panel(job, people, profile)
    assert drafts == compose_panel(job, people, profile), "deterministic"
    drafts = [d for d in drafts if d.channel in CHANNELS]
    owner: dict[str, str] = {}
    for draft in drafts:
        person = next(p for p in people if p.id == draft.contact_id)
        paragraphs = draft.body.split("\n\n")
        for sentence in (s for para in paragraphs[1:-1] for s in SENTENCE.split(para)):
            if len(sentence.split()) >= 5:
                first = owner.setdefault(sentence.lower(), draft.contact_id)
                assert first == draft.contact_id, f"{sentence!r} is in two people's notes"
        for point in person.points:
            reading = reading_of(point, person.name, profile.tone)
            if reading is None or not reading.ok:
                continue  # a flagged jot is shown to the user, not said (nor its link)
            for url in URL.findall(point.body):
                if draft.channel != "card":
                    assert url in draft.body, "links are given exactly as typed"
        limit = 150 if draft.channel != "card" else 80
        assert len(draft.body.split()) <= limit
        assert "attached" not in draft.body.lower()
        if draft.channel == "card":
            assert PLACEHOLDER not in draft.body and "?" not in draft.body
    wrapups = [d for d in drafts if d.channel == "wrapup"]
    for person in people:
        if not person.email and wrapups and person.role not in ("recruiter", "hr"):
            called = addressed_as(person, profile)
            assert any(called in d.body for d in wrapups), (called, wrapups)
