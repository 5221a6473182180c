from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.schedule import (
    MAX_CHARS,
    MAX_LINES,
    ROLES,
    ParsedPerson,
    ParsedSchedule,
    parse_person,
    parse_schedule,
)


def P(name: str, title: str = "", role: str = "interviewer", email: str = "") -> ParsedPerson:
    return ParsedPerson(name=name, title=title, role=role, email=email)


def t(hour: int, minute: int = 0) -> time:
    return time(hour, minute)


# line, start, end, slot title, people
LINES = [
    (
        "10:00 Dana Rivera, Engineering Manager",
        t(10),
        None,
        "",
        [P("Dana Rivera", "Engineering Manager")],
    ),
    (
        "11:30-12:15 Sam Lee (Staff Engineer), Priya Nair - Recruiter",
        t(11, 30),
        t(12, 15),
        "",
        [P("Sam Lee", "Staff Engineer"), P("Priya Nair", "Recruiter", "recruiter")],
    ),
    (
        "13:00 System design: Alex Kim & Jo Park",
        t(13),
        None,
        "System design",
        [P("Alex Kim"), P("Jo Park")],
    ),
    ("2pm Jo Park and Alex Kim", t(14), None, "", [P("Jo Park"), P("Alex Kim")]),
    (
        "2:30 pm - 3:15 pm Maria Gonzalez, VP Engineering",
        t(14, 30),
        t(15, 15),
        "",
        [P("Maria Gonzalez", "VP Engineering")],
    ),
    ("10am-11 Chris O'Brien", t(10), t(11), "", [P("Chris O'Brien")]),
    ("11am-12 Chris O'Brien", t(11), t(12), "", [P("Chris O'Brien")]),
    ("11-1pm Lunch with Sam Lee", t(11), t(13), "Lunch", [P("Sam Lee")]),
    ("2-3pm Dana Rivera", t(14), t(15), "", [P("Dana Rivera")]),
    ("7pm-8 Dinner with Jo Park", t(19), t(20), "Dinner", [P("Jo Park")]),
    ("noon - 1pm Sam Lee", t(12), t(13), "", [P("Sam Lee")]),
    ("8.45am Dana Rivera", t(8, 45), None, "", [P("Dana Rivera")]),
    ("10:00 a.m. Dana Rivera", t(10), None, "", [P("Dana Rivera")]),
    ("3 pm Sam Lee Staff Engineer", t(15), None, "", [P("Sam Lee", "Staff Engineer")]),
    ("14h00 Jean-Luc Picard, CTO", t(14), None, "", [P("Jean-Luc Picard", "CTO")]),
    ("14h30-15h15 Dana Rivera", t(14, 30), t(15, 15), "", [P("Dana Rivera")]),
    (
        "9.30 Anna van der Berg \u2014 Head of Design",
        t(9, 30),
        None,
        "",
        [P("Anna van der Berg", "Head of Design")],
    ),
    (
        "9:00\u20139:45 Jos\u00e9 N\u00fa\u00f1ez, Senior Recruiter",
        t(9),
        t(9, 45),
        "",
        [P("Jos\u00e9 N\u00fa\u00f1ez", "Senior Recruiter", "recruiter")],
    ),
    (
        "9:00 to 9:45 dana rivera, eng manager",
        t(9),
        t(9, 45),
        "",
        [P("Dana Rivera", "eng manager")],
    ),
    ("10 - 11 Dana Rivera", t(10), t(11), "", [P("Dana Rivera")]),
    # Without am/pm, 1 to 6 o'clock on an interview day is the afternoon.
    ("1:00 Dana Rivera", t(13), None, "", [P("Dana Rivera")]),
    ("12:30-1:30 Dana Rivera", t(12, 30), t(13, 30), "", [P("Dana Rivera")]),
    ("Dana Rivera 10:00-11:00", t(10), t(11), "", [P("Dana Rivera")]),
    ("10:00 AM EST Dana Rivera", t(10), None, "", [P("Dana Rivera")]),
    ("10:00 (45 min) Dana Rivera", t(10), t(10, 45), "", [P("Dana Rivera")]),
    ("13:00 Dana Rivera 1 hr", t(13), t(14), "", [P("Dana Rivera")]),
    ("- 10:00 Dana Rivera", t(10), None, "", [P("Dana Rivera")]),
    ("1. 10:00 Dana Rivera", t(10), None, "", [P("Dana Rivera")]),
    (
        "\u2022 1:30\u20132:15pm \u2014 Pair programming w/ Alex Kim",
        t(13, 30),
        t(14, 15),
        "Pair programming",
        [P("Alex Kim")],
    ),
    ("Tuesday 10:00 Dana Rivera", t(10), None, "", [P("Dana Rivera")]),
    ("Thu 12th March: 10:00 Dana Rivera", t(10), None, "", [P("Dana Rivera")]),
    (
        "Dana Rivera, Engineering Manager, Sam Lee, Staff Engineer",
        None,
        None,
        "",
        [P("Dana Rivera", "Engineering Manager"), P("Sam Lee", "Staff Engineer")],
    ),
    ("Dana Rivera, Sam Lee", None, None, "", [P("Dana Rivera"), P("Sam Lee")]),
    (
        "Jo Park, Senior Engineer, Payments",
        None,
        None,
        "",
        [P("Jo Park", "Senior Engineer, Payments")],
    ),
    (
        "10:00 Dana Rivera, VP, Research & Development",
        t(10),
        None,
        "",
        [P("Dana Rivera", "VP, Research & Development")],
    ),
    (
        "4:15 PM Jordan Smith (VP Eng) & Casey Jones (CTO)",
        t(16, 15),
        None,
        "",
        [P("Jordan Smith", "VP Eng"), P("Casey Jones", "CTO")],
    ),
    (
        "11:00 Panel: Dana Rivera (EM), Sam Lee (SWE), Priya Nair (Recruiter)",
        t(11),
        None,
        "Panel",
        [P("Dana Rivera", "EM"), P("Sam Lee", "SWE"), P("Priya Nair", "Recruiter", "recruiter")],
    ),
    (
        "10:00\u201311:00 Onsite interview (Dana Rivera, Sam Lee)",
        t(10),
        t(11),
        "Onsite interview",
        [P("Dana Rivera"), P("Sam Lee")],
    ),
    (
        "9:00 AM - 9:30 AM: Welcome (Priya Nair, Recruiter)",
        t(9),
        t(9, 30),
        "Welcome",
        [P("Priya Nair", "Recruiter", "recruiter")],
    ),
    (
        "10:00 Welcome & office tour with Priya Nair (Recruiter)",
        t(10),
        None,
        "Welcome & office tour",
        [P("Priya Nair", "Recruiter", "recruiter")],
    ),
    # The slot title says who someone is when their own title is missing.
    (
        "10:00 Recruiter call with Priya Nair",
        t(10),
        None,
        "Recruiter call",
        [P("Priya Nair", "", "recruiter")],
    ),
    ("4:00 Wrap-up with HR (Sam Lee)", t(16), None, "Wrap-up with HR", [P("Sam Lee", "", "hr")]),
    (
        "10:00 Priya Nair, Talent Acquisition Partner",
        t(10),
        None,
        "",
        [P("Priya Nair", "Talent Acquisition Partner", "recruiter")],
    ),
    (
        "Priya Nair, Recruiting Coordinator",
        None,
        None,
        "",
        [P("Priya Nair", "Recruiting Coordinator", "recruiter")],
    ),
    ("10:00 Sam Lee, People Partner", t(10), None, "", [P("Sam Lee", "People Partner", "hr")]),
    ("10:00 Sam Lee - HR", t(10), None, "", [P("Sam Lee", "HR", "hr")]),
    ("Sam Lee, Head of People", None, None, "", [P("Sam Lee", "Head of People", "hr")]),
    (
        "10:00 Dana Rivera <dana@acme.com>, Engineering Manager",
        t(10),
        None,
        "",
        [P("Dana Rivera", "Engineering Manager", email="dana@acme.com")],
    ),
    (
        "10:00 Dana Rivera (dana@acme.com)",
        t(10),
        None,
        "",
        [P("Dana Rivera", email="dana@acme.com")],
    ),
    (
        "10:00 | Dana Rivera | Engineering Manager | dana@acme.com",
        t(10),
        None,
        "",
        [P("Dana Rivera", "Engineering Manager", email="dana@acme.com")],
    ),
    (
        "Sam Lee sam@acme.com, Priya Nair priya@acme.com",
        None,
        None,
        "",
        [P("Sam Lee", email="sam@acme.com"), P("Priya Nair", email="priya@acme.com")],
    ),
    (
        "10:00 dana.rivera@acme.com",
        t(10),
        None,
        "",
        [P("Dana Rivera", email="dana.rivera@acme.com")],
    ),
    # Typed on a phone: only the first letter capitalised, or none at all.
    ("Dana rivera, eng manager", None, None, "", [P("Dana Rivera", "eng manager")]),
    ("10:00 anna van der berg", t(10), None, "", [P("Anna van der Berg")]),
    ("DANA RIVERA - RECRUITER", None, None, "", [P("Dana Rivera", "RECRUITER", "recruiter")]),
    ("10:00 Dr. Dana Rivera", t(10), None, "", [P("Dana Rivera")]),
    ("10:00 Dana Rivera (she/her), EM", t(10), None, "", [P("Dana Rivera", "EM")]),
    (
        "10:00 Mary-Kate O'Neil & Se\u00e1n \u00d3 Briain",
        t(10),
        None,
        "",
        [P("Mary-Kate O'Neil"), P("Se\u00e1n \u00d3 Briain")],
    ),
    # "Le" and "Bin" are particles in some names and whole names in others.
    ("10:00 Thanh Le, Bin Li", t(10), None, "", [P("Thanh Le"), P("Bin Li")]),
    ("Dana R., J. Smith", None, None, "", [P("Dana R."), P("J. Smith")]),
    # Months and short weekdays are also given names.
    ("Sun Li, Engineer", None, None, "", [P("Sun Li", "Engineer")]),
    ("May Chen, Engineer", None, None, "", [P("May Chen", "Engineer")]),
    ("Sun 10:00 Dana Rivera", t(10), None, "", [P("Dana Rivera")]),
    ("2024-03-12 10:00 Dana Rivera", t(10), None, "", [P("Dana Rivera")]),
    ("Day 1 - 9:00 Welcome with Priya Nair", t(9), None, "Welcome", [P("Priya Nair")]),
    ("10h Dana Rivera", t(10), None, "", [P("Dana Rivera")]),
    ("Interview 1: 10:00 Alex Kim", t(10), None, "Interview 1", [P("Alex Kim")]),
    (
        "10:00am\u201310:45am (EST) | Technical Interview | Alex Kim, Senior Software Engineer",
        t(10),
        t(10, 45),
        "Technical Interview",
        [P("Alex Kim", "Senior Software Engineer")],
    ),
    # Before a colon or dash, a job title with one person is that person's title.
    ("10:00 Hiring Manager: Dana Rivera", t(10), None, "", [P("Dana Rivera", "Hiring Manager")]),
    ("Recruiter - Priya Nair", None, None, "", [P("Priya Nair", "Recruiter", "recruiter")]),
    ("10:00 Dana Rivera from Payments", t(10), None, "", [P("Dana Rivera", "Payments")]),
    (
        "Sam Lee & Dana Rivera \u2013 Engineering Managers",
        None,
        None,
        "",
        [P("Sam Lee"), P("Dana Rivera", "Engineering Managers")],
    ),
]


@pytest.mark.parametrize(("line", "start", "end", "title", "people"), LINES)
def test_a_schedule_line_is_read_into_a_slot(line, start, end, title, people):
    schedule = parse_schedule(line)

    assert schedule.unparsed == []
    [slot] = schedule.slots
    assert slot.line == line
    assert (slot.start, slot.end) == (start, end)
    assert slot.title == title
    assert slot.people == people


# A name typed in lower case in a line with capitals elsewhere (a phone keyboard).
LOWERCASE_NAME_LINES = [
    (
        "13:00-13:45 priya nair, Recruiter",
        t(13),
        t(13, 45),
        "",
        [P("Priya Nair", "Recruiter", "recruiter")],
    ),
    (
        "10:00 Dana Rivera, ana de la cruz",
        t(10),
        None,
        "",
        [P("Dana Rivera"), P("Ana de la Cruz")],
    ),
    (
        "10:00 System Design: chris o'brien & mary-kate smith",
        t(10),
        None,
        "System Design",
        [P("Chris O'Brien"), P("Mary-Kate Smith")],
    ),
    (
        "10:00 Onsite interview (anna van der berg, Sam Lee)",
        t(10),
        None,
        "Onsite interview",
        [P("Anna van der Berg"), P("Sam Lee")],
    ),
    (
        "11-1pm Lunch with sam lee (Staff Engineer)",
        t(11),
        t(13),
        "Lunch",
        [P("Sam Lee", "Staff Engineer")],
    ),
    ("Hiring Manager: dana rivera", None, None, "", [P("Dana Rivera", "Hiring Manager")]),
]

# Several people joined by "&"/"and" and one title with a part for each.
SHARED_TITLE_LINES = [
    (
        "Dana Rivera & Tom O'Brien (Engineering Manager / Staff Eng)",
        None,
        None,
        "",
        [P("Dana Rivera", "Engineering Manager"), P("Tom O'Brien", "Staff Eng")],
    ),
    (
        "10:00 Dana Rivera and Tom O'Brien \u2013 Engineering Manager / Staff Eng",
        t(10),
        None,
        "",
        [P("Dana Rivera", "Engineering Manager"), P("Tom O'Brien", "Staff Eng")],
    ),
    (
        "10:00 Panel: Dana Rivera & Tom O'Brien & Sam Lee (EM / Staff Eng / Recruiter)",
        t(10),
        None,
        "Panel",
        [
            P("Dana Rivera", "EM"),
            P("Tom O'Brien", "Staff Eng"),
            P("Sam Lee", "Recruiter", "recruiter"),
        ],
    ),
    (
        "10:00 Dana Rivera & Tom O'Brien (EM / Staff Eng) & Sam Lee (Recruiter)",
        t(10),
        None,
        "",
        [
            P("Dana Rivera", "EM"),
            P("Tom O'Brien", "Staff Eng"),
            P("Sam Lee", "Recruiter", "recruiter"),
        ],
    ),
    (
        "10:00 dana rivera & tom o'brien (em / staff eng)",
        t(10),
        None,
        "",
        [P("Dana Rivera", "em"), P("Tom O'Brien", "staff eng")],
    ),
]

# Lines that read the same before and after those two changes: guards against over-reach.
UNCHANGED_LINES = [
    # A lower-case part that is a title, a team or a note is not a person.
    ("10:00 Dana Rivera, senior engineer", t(10), None, "", [P("Dana Rivera", "senior engineer")]),
    ("10:00 Dana Rivera, payments team", t(10), None, "", [P("Dana Rivera", "payments team")]),
    ("10:00 Dana Rivera - bring laptop", t(10), None, "", [P("Dana Rivera", "bring laptop")]),
    ("10:00 Dana Rivera - tentative", t(10), None, "", [P("Dana Rivera", "tentative")]),
    # A title with a different number of parts, or people not joined by "&"/"and".
    (
        "10:00 Dana Rivera & Tom O'Brien (EM / Staff Eng / Recruiter)",
        t(10),
        None,
        "",
        [P("Dana Rivera"), P("Tom O'Brien", "EM / Staff Eng / Recruiter", "recruiter")],
    ),
    (
        "10:00 Dana Rivera, Tom O'Brien (EM / Staff Eng)",
        t(10),
        None,
        "",
        [P("Dana Rivera"), P("Tom O'Brien", "EM / Staff Eng")],
    ),
    (
        "10:00 Dana Rivera & Tom O'Brien (EM / Staff Eng), Payments",
        t(10),
        None,
        "",
        [P("Dana Rivera"), P("Tom O'Brien", "EM / Staff Eng, Payments")],
    ),
    (
        "10:00 Dana Rivera (EM) & Tom O'Brien (Staff Eng / TL)",
        t(10),
        None,
        "",
        [P("Dana Rivera", "EM"), P("Tom O'Brien", "Staff Eng / TL")],
    ),
]


@pytest.mark.parametrize(
    ("line", "start", "end", "title", "people"),
    LOWERCASE_NAME_LINES + SHARED_TITLE_LINES + UNCHANGED_LINES,
)
def test_lower_case_names_and_shared_titles(line, start, end, title, people):
    test_a_schedule_line_is_read_into_a_slot(line, start, end, title, people)


@pytest.mark.parametrize(
    "line",
    [
        "Lunch break",
        "12:00 Team Lunch, quick bite",
        "12:00 Lunch with Team, sam lee",
        "10:00 Onsite - acme corp",
        "12:00 Lunch",
        "???",
        "12:00",
        "Monday, March 3",
        "Tue 3/12",
        "Interviewers:",
        "10:00 TBD",
        "10:30 Culture fit with the team",
        "9:00 am \u2013 5:00 pm Onsite",
        "10:00 jobs@acme.com",
        "Acme Corp Onsite",
    ],
)
def test_a_line_without_a_name_is_returned_verbatim(line):
    assert parse_schedule(line) == ParsedSchedule(slots=[], unparsed=[line])


def test_blank_lines_are_skipped_and_order_is_kept():
    text = (
        "\n"
        "Tuesday, March 3\n"
        "   \n"
        "9:00 Priya Nair - Recruiter\r\n"
        "\t\n"
        "10:00 Dana Rivera, Engineering Manager\n"
        "12:00 Lunch\n"
        "13:00 System design: Alex Kim & Jo Park\n"
        "\n"
    )

    schedule = parse_schedule(text)

    assert [slot.line for slot in schedule.slots] == [
        "9:00 Priya Nair - Recruiter",
        "10:00 Dana Rivera, Engineering Manager",
        "13:00 System design: Alex Kim & Jo Park",
    ]
    assert [slot.start for slot in schedule.slots] == [t(9), t(10), t(13)]
    assert schedule.unparsed == ["Tuesday, March 3", "12:00 Lunch"]


def test_an_empty_paste_has_no_slots():
    assert parse_schedule("") == ParsedSchedule(slots=[], unparsed=[])
    assert parse_schedule(" \n\n\t\n") == ParsedSchedule(slots=[], unparsed=[])


def test_an_end_before_the_start_is_dropped_rather_than_guessed():
    [slot] = parse_schedule("15:00-9:00 Dana Rivera").slots

    assert (slot.start, slot.end) == (t(15), None)


def test_long_names_and_titles_fit_the_database_columns():
    [slot] = parse_schedule("10:00 Dana Rivera, " + "Principal Engineer " * 30).slots

    assert slot.people[0].name == "Dana Rivera"
    assert len(slot.people[0].title) == 200


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Ana Ortiz, Designer", P("Ana Ortiz", "Designer")),
        ("Sam Lee (Staff Engineer)", P("Sam Lee", "Staff Engineer")),
        ("Priya Nair - Recruiter", P("Priya Nair", "Recruiter", "recruiter")),
        ("Dana Rivera: Engineering Manager", P("Dana Rivera", "Engineering Manager")),
        # One person per box: whatever follows the name is their title, even a team.
        ("Ana Ortiz, Payments", P("Ana Ortiz", "Payments")),
        ("dana rivera, people partner", P("Dana Rivera", "people partner", "hr")),
        ("Sam Lee HR", P("Sam Lee", "HR", "hr")),
        (
            "Priya Nair <priya@acme.com>, Talent Acquisition",
            P("Priya Nair", "Talent Acquisition", "recruiter", "priya@acme.com"),
        ),
        ("dana.rivera@acme.com", P("Dana Rivera", email="dana.rivera@acme.com")),
        ("Jos\u00e9 N\u00fa\u00f1ez", P("Jos\u00e9 N\u00fa\u00f1ez")),
        ("Dr. Dana Rivera", P("Dana Rivera")),
        ("10:00 Dana Rivera", P("Dana Rivera")),
        # Lower case typed on a phone, with a capitalised title.
        ("ana ortiz, Designer", P("Ana Ortiz", "Designer")),
        ("chris o'brien - Recruiter", P("Chris O'Brien", "Recruiter", "recruiter")),
        ("anna van der berg, Head of Design", P("Anna van der Berg", "Head of Design")),
        ("mary-kate o'neil (Staff Engineer)", P("Mary-Kate O'Neil", "Staff Engineer")),
    ],
)
def test_parse_person_reads_one_person(text, person):
    assert parse_person(text) == person


@pytest.mark.parametrize(
    "text", ["", "   ", "Recruiter", "???", "12:00", "x" * 5000, "senior engineer, Payments"]
)
def test_parse_person_without_a_name_is_none(text):
    assert parse_person(text) is None


def test_the_paste_may_be_up_to_the_character_cap():
    text = "10:00 Dana Rivera\n" + " " * (MAX_CHARS - len("10:00 Dana Rivera\n"))

    assert len(parse_schedule(text).slots) == 1


def test_a_paste_over_the_character_cap_is_refused():
    with pytest.raises(ValueError, match="20,000 characters"):
        parse_schedule("x" * (MAX_CHARS + 1))


def test_the_paste_may_have_up_to_the_line_cap_with_blank_lines_between():
    text = "\n\n".join(["10:00 Dana Rivera"] * MAX_LINES)

    schedule = parse_schedule(text)

    assert len(schedule.slots) == MAX_LINES


def test_a_paste_over_the_line_cap_is_refused():
    with pytest.raises(ValueError, match="at most 200"):
        parse_schedule("\n".join(["10:00 Dana Rivera"] * (MAX_LINES + 1)))


@settings(database=None, max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_every_non_blank_line_is_either_a_slot_or_unparsed(text):
    lines = [line.strip() for line in text.splitlines() if line.strip()]

    schedule = parse_schedule(text)

    assert sorted(schedule.read + schedule.unparsed) == sorted(lines)
    assert {s.line for s in schedule.slots} <= set(schedule.read)
    for slot in schedule.slots:
        assert slot.people
        assert slot.end is None or (slot.start is not None and slot.end > slot.start)
        for person in slot.people:
            assert person.name.strip()
            assert person.role in ROLES
            assert len(person.name) <= 200
            assert len(person.title) <= 200


@settings(database=None, max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parse_person_never_raises(text):
    person = parse_person(text)

    assert person is None or (person.name.strip() and person.role in ROLES)
