"""Calendar invites (.ics) read into slots and people, and files that must be refused."""

from datetime import date, time
from pathlib import Path

import pytest

from services.invites import MAX_BYTES, InviteError, read_invite

INVITES = Path(__file__).parent / "invites"
ME = ("Maya Chen", "maya.chen@example.com")


def ics(*events: str, method: str = "REQUEST", extra: str = "") -> bytes:
    body = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            f"METHOD:{method}",
            extra,
            *list(events),
            "END:VCALENDAR",
            "",
        ]
    )
    return body.replace("\r\n\r\n", "\r\n").encode()


def event(*lines: str, uid: str = "e1@test", start: str = "20260303T100000Z") -> str:
    return "\r\n".join(
        [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            "DTSTAMP:20260201T000000Z",
            f"DTSTART:{start}",
            *lines,
            "END:VEVENT",
        ]
    )


def names(schedule) -> list[tuple[str, str, str]]:
    return [(p.name, p.role, p.email) for slot in schedule.slots for p in slot.people]


def test_a_google_invite_gives_the_slot_people_place_and_organizer():
    schedule = read_invite(
        (INVITES / "google_onsite.ics").read_bytes(), candidate=ME, tz="America/New_York"
    )

    [slot] = schedule.slots
    assert (slot.day, slot.start, slot.end) == (date(2026, 3, 3), time(10), time(10, 45))
    assert slot.title == "Onsite: Intro & experience"
    assert slot.location == (
        "Northwind HQ, 1 Dock Rd, Floor 3 · https://meet.google.com/abc-defg-hij"
    )
    assert slot.key == "ics:onsite-intro-7f3a@google.com:"
    # The candidate, the room, the group, the eng-interviews@ list and Alex (declined) are not
    # people; Priya organised it and attends: a recruiter.
    assert names(schedule) == [
        ("Dana Rivera", "interviewer", "dana.rivera@northwind.com"),
        ("Sam Lee", "interviewer", "sam.lee@northwind.com"),
        ("Priya Nair", "recruiter", "priya.nair@northwind.com"),
    ]
    assert schedule.people == []
    assert any("Alex Kim" in note and "declined" in note for note in schedule.unparsed)


def test_an_outlook_invite_with_a_windows_time_zone_and_last_first_names():
    schedule = read_invite(
        (INVITES / "outlook_teams.ics").read_bytes(), candidate=ME, tz="America/New_York"
    )

    [slot] = schedule.slots
    # 13:30 Pacific is 16:30 in New York.
    assert (slot.day, slot.start, slot.end) == (date(2026, 3, 10), time(16, 30), time(17, 30))
    assert slot.location.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert [(p.name, p.title) for p in slot.people] == [
        ("Luis Ortega", ""),
        ("Emily Zhang", "Senior Engineer"),
    ]
    # The organizer does not attend: of the day, not of the slot.
    assert [(p.name, p.role) for p in schedule.people] == [("Karen Walsh", "recruiter")]


def test_times_are_read_in_the_events_zone_and_shown_in_the_users():
    data = ics(
        event(
            "DTEND;TZID=Europe/Berlin:20260303T110000",
            "SUMMARY:Panel",
            "ATTENDEE;CN=Dana Rivera:mailto:dana@acme.com",
            start="",
        ).replace("DTSTART:", "DTSTART;TZID=Europe/Berlin:20260303T100000")
    )

    [slot] = read_invite(data, tz="Europe/London").slots

    assert (slot.start, slot.end) == (time(9), time(10))


def test_a_floating_time_is_the_users_own_and_an_all_day_event_has_no_time():
    floating = read_invite(
        ics(event("SUMMARY:Chat", "ATTENDEE;CN=Sam Lee:mailto:sam@a.com", start="20260303T100000"))
    )
    all_day = read_invite(
        ics(event("SUMMARY:Onsite", "ATTENDEE;CN=Sam Lee:mailto:sam@a.com", start="")).replace(
            b"DTSTART:", b"DTSTART;VALUE=DATE:20260303"
        )
    )

    assert (floating.slots[0].start, floating.slots[0].end) == (time(10), None)
    assert (all_day.slots[0].day, all_day.slots[0].start) == (date(2026, 3, 3), None)


def test_several_events_are_several_slots_in_order():
    data = ics(
        event("SUMMARY:Coding", "ATTENDEE;CN=Alex Kim:mailto:alex@a.com", uid="a"),
        event(
            "SUMMARY:Design",
            "ATTENDEE;CN=Jo Park:mailto:jo@a.com",
            uid="b",
            start="20260303T110000Z",
        ),
    )

    schedule = read_invite(data)

    assert [(s.title, s.key) for s in schedule.slots] == [
        ("Coding", "ics:a:"),
        ("Design", "ics:b:"),
    ]


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (
            ics(event("SUMMARY:Coding", "STATUS:CANCELLED", "ATTENDEE;CN=A B:mailto:a@b.com")),
            "cancelled",
        ),
        (
            ics(event("SUMMARY:Coding", "ATTENDEE;CN=A B:mailto:a@b.com"), method="CANCEL"),
            "cancelled",
        ),
        (
            ics(event("SUMMARY:Standup", "RRULE:FREQ=WEEKLY", "ATTENDEE;CN=A B:mailto:a@b.com")),
            "repeating",
        ),
    ],
)
def test_cancelled_and_repeating_events_are_not_slots(data, note):
    schedule = read_invite(data)

    assert schedule.slots == []
    assert note in schedule.unparsed[0]


def test_rooms_resources_lists_and_the_candidate_are_never_people():
    data = ics(
        event(
            "SUMMARY:Loop",
            "ATTENDEE;CUTYPE=ROOM;CN=Everest:mailto:everest@acme.com",
            "ATTENDEE;CUTYPE=RESOURCE;CN=Projector:mailto:proj@acme.com",
            "ATTENDEE;CUTYPE=GROUP;CN=Panel:mailto:panel@acme.com",
            "ATTENDEE;CN=Hiring Team:mailto:hiring@acme.com",
            "ATTENDEE;CN=Noreply:mailto:noreply@acme.com",
            "ATTENDEE;CN=Maya Chen:mailto:maya@elsewhere.example",
            "ATTENDEE:mailto:maya.chen@example.com",
            "ATTENDEE;CN=Dana Rivera:mailto:dana@acme.com",
            "ORGANIZER;CN=Maya Chen:mailto:maya.chen@example.com",
        )
    )

    schedule = read_invite(data, candidate=ME)

    assert names(schedule) == [("Dana Rivera", "interviewer", "dana@acme.com")]
    assert schedule.people == []
    assert schedule.slots[0].location == "Everest, Projector"


def test_an_attendee_with_no_name_is_named_from_the_address():
    data = ics(event("SUMMARY:Chat", "ATTENDEE:mailto:sam.lee@acme.com", "ATTENDEE:mailto:x7@a.io"))

    schedule = read_invite(data)

    assert names(schedule) == [("Sam Lee", "interviewer", "sam.lee@acme.com")]
    assert "x7@a.io" in schedule.unparsed


def test_hostile_text_is_kept_as_text_and_cut_to_the_columns():
    data = ics(
        event(
            "SUMMARY:<script>alert(1)</script>" + "x" * 5000,
            "LOCATION:" + "L" * 5000,
            'ATTENDEE;CN="Dana\x01 Rivera":mailto:dana@acme.com',
            *[f"ATTENDEE;CN=P{i} Q:mailto:p{i}@a.com" for i in range(300)],
        )
    )

    [slot] = read_invite(data).slots

    assert slot.title.startswith("<script>") and len(slot.title) == 200
    assert len(slot.location) == 300
    assert len(slot.people) <= 100


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not start as one"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not text"),
        (b"hello, this is an email", "not start as one"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\n", "damaged"),
        (ics(), "no event"),
        (ics(*[event("SUMMARY:x", uid=f"u{i}") for i in range(51)]), "at most 50"),
        (b"BEGIN:VCALENDAR\r\n" + b"X" * (MAX_BYTES + 1), "at most 1 MiB"),
    ],
    ids=["empty", "binary", "email", "truncated", "no-events", "too-many", "huge"],
)
def test_files_that_are_not_invites_get_a_clear_message(data, message):
    with pytest.raises(InviteError, match=message):
        read_invite(data)
