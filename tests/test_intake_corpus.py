"""The intake corpus: real-shaped itineraries as candidates receive them (tests/itineraries/),
each with the people a candidate would want to thank. Every one must be found, and nothing
else (a greeting, a sign-off, a link, the candidate) may come out as a person."""

import json
from pathlib import Path

import pytest

from services.schedule import parse_schedule

CORPUS = Path(__file__).parent / "itineraries"
EXPECTED = {
    name: case
    for name, case in json.loads((CORPUS / "expected.json").read_text()).items()
    if not name.startswith("_")
}
CANDIDATE = ("Maya Chen", "maya.chen@example.com")


def people_found(name: str) -> list[str]:
    schedule = parse_schedule(
        (CORPUS / name).read_text(), candidate=CANDIDATE, company=EXPECTED[name]["company"]
    )
    return [p.name for slot in schedule.slots for p in slot.people] + [
        p.name for p in schedule.people
    ]


def corpus_table() -> list[tuple[str, int, int, list[str]]]:
    """Per itinerary: people expected, found, and junk people (names no one expected)."""
    rows = []
    for name, case in EXPECTED.items():
        found = set(people_found(name))
        hits = [p for p in case["people"] if p in found]
        junk = sorted(found - set(case["people"]))
        rows.append((name, len(case["people"]), len(hits), junk))
    return rows


def test_the_corpus_has_every_kind_of_itinerary():
    assert len(EXPECTED) >= 20
    assert {name for name in EXPECTED} == {p.name for p in CORPUS.glob("*.txt")}
    for source in ("greenhouse", "lever", "workday", "goodtime", "handwritten", "guests", "phone"):
        assert any(source in name for name in EXPECTED), source


def test_every_real_person_is_found_and_no_junk_across_the_corpus(capsys):
    rows = corpus_table()
    with capsys.disabled():
        print("\nitinerary                              expected found junk")
        for name, expected, found, junk in rows:
            print(f"{name:38} {expected:8} {found:5} {len(junk):4}  {', '.join(junk)}")
        print(
            f"{'total':38} {sum(r[1] for r in rows):8} {sum(r[2] for r in rows):5}"
            f" {sum(len(r[3]) for r in rows):4}"
        )
    assert [(r[0], r[1]) for r in rows] == [(r[0], r[2]) for r in rows]
    assert [(r[0], r[3]) for r in rows] == [(r[0], []) for r in rows]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_person_is_found_twice(name):
    found = people_found(name)

    assert len(found) == len(set(found))


def test_the_reported_junk_is_gone():
    """The lines of the bug report: none of them is a person any more."""
    text = (CORPUS / "01_greenhouse_onsite.txt").read_text()
    schedule = parse_schedule(text, candidate=CANDIDATE, company="Northwind")

    names = {p.name for slot in schedule.slots for p in slot.people}
    assert names == {"Dana Rivera", "Sam Lee", "Alex Kim", "Jo Park"}
    titles = {slot.title for slot in schedule.slots}
    assert "Intro & experience" in titles
    assert ("Sam Lee", "Firmware Lead") in {
        (p.name, p.title) for slot in schedule.slots for p in slot.people
    }
    for junk in ("Hi Maya,", "Thanks,", "Jordan", "Meeting ID: 123 456 789"):
        assert junk in schedule.unparsed


@pytest.mark.parametrize(
    "line",
    [
        "Hi Maya,",
        "Best,",
        "Thanks so much,",
        "Kind regards,",
        "https://northwind.zoom.us/j/123456789",
        "Meeting ID: 123 456 789",
        "Passcode: 449911",
        "+1 646 558 8656",
        "Please arrive 15 min early",
        "Parking is on level 2",
        "Where: 200 Park Ave, 12th floor",
    ],
)
def test_email_furniture_is_never_a_person(line):
    schedule = parse_schedule(f"10:00 Dana Rivera\n{line}")

    assert [p.name for slot in schedule.slots for p in slot.people] == ["Dana Rivera"]
    assert schedule.people == []


def test_the_candidate_is_never_a_person():
    schedule = parse_schedule(
        "10:00 Dana Rivera, Maya Chen\nSam Lee\nMaya\nmaya.chen@example.com\nAlex Kim (me)",
        candidate=CANDIDATE,
    )

    assert [p.name for p in schedule.slots[0].people] == ["Dana Rivera", "Sam Lee"]


def test_the_name_in_the_greeting_is_the_candidate():
    schedule = parse_schedule("Hi Maya,\n10:00 Maya\n11:00 Dana Rivera")

    assert [p.name for slot in schedule.slots for p in slot.people] == ["Dana Rivera"]


def test_a_signature_with_a_full_name_is_the_recruiter_a_first_name_alone_is_not():
    signed = parse_schedule("10:00 Dana Rivera\nThanks!\nLucy Harper\nRecruiter, Brightside")
    first_name = parse_schedule("10:00 Dana Rivera\nBest,\nJordan")

    assert [(p.name, p.role) for p in signed.people] == [("Lucy Harper", "recruiter")]
    assert first_name.people == []
    assert "Jordan" in first_name.unparsed


def test_a_time_line_then_title_and_people_lines_make_one_slot():
    [slot] = parse_schedule(
        "10:00 AM - 10:45 AM EST\nIntro & experience\nDana Rivera, Engineering Manager\nSam Lee"
    ).slots

    assert slot.title == "Intro & experience"
    assert [p.name for p in slot.people] == ["Dana Rivera", "Sam Lee"]
