"""Reading a calendar invite (.ics, RFC 5545) into the day's slots and people, via icalendar.

Every VEVENT is an interview slot; its ATTENDEEs are the people in it and its ORGANIZER is the
recruiter or coordinator who set it up. The result is the same `ParsedSchedule` a pasted
itinerary gives, shown for review before anything is saved. Nothing here writes anything.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from icalendar import Calendar

from models import NAME_MAX
from services.schedule import ParsedPerson, ParsedSchedule, ParsedSlot, is_title, parse_person

MAX_BYTES = 1024 * 1024
MAX_EVENTS = 50
MAX_ATTENDEES = 100
_LOCATION_MAX = 300
_TITLE_MAX = 200

# Addresses that reach a group, not a person: "eng-hiring@", "interviews@", "noreply@".
_LIST_ADDRESS = re.compile(
    r"^(?:no-?reply|do-?not-?reply|team|all|everyone|staff|hiring|interviews?|recruiting|"
    r"recruitment|talent|jobs|careers|hr|people|calendar|scheduling|[\w.-]*-(?:team|list|all|"
    r"group|hiring|interviews?))@|@(?:resource\.calendar\.google\.com|group\.calendar\.google\.com"
    r"|lists?\.)",
    re.IGNORECASE,
)
_VIDEO_LINK = re.compile(
    r"https://(?:[\w-]+\.)*(?:zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com"
    r"|webex\.com|whereby\.com|around\.co|chime\.aws)/[^\s<>\"')]*",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class InviteError(ValueError):
    """The file cannot be read as an invite; the message says why, for the user."""


def read_invite(data: bytes, *, candidate: Iterable[str] = (), tz: str = "UTC") -> ParsedSchedule:
    """The slots and people of an invite, with times in `tz` (the user's time zone).

    Cancelled and repeating events are skipped (and said so in `unparsed`); rooms, resources,
    mailing lists, people who declined and the candidate (their name or email in `candidate`)
    are never people. Raises InviteError for a file that is too big or not a calendar.
    """
    if len(data) > MAX_BYTES:
        raise InviteError(
            f"That file is {len(data) / 1024 / 1024:.1f} MiB; a calendar invite is at most 1 MiB."
        )
    calendar = _parse(data)
    method = str(calendar.get("METHOD", "")).upper()
    events = list(calendar.walk("VEVENT"))
    if not events:
        raise InviteError("That calendar file has no event in it. Save the invite itself (.ics).")
    if len(events) > MAX_EVENTS:
        raise InviteError(
            f"That calendar file has {len(events)} events; import at most {MAX_EVENTS} at a time."
        )
    me = {value.casefold().strip() for value in candidate if value and value.strip()}
    zone = ZoneInfo(tz)
    schedule = ParsedSchedule()
    for event in events:
        summary = _text(event.get("SUMMARY")) or "Interview"
        if method == "CANCEL" or str(event.get("STATUS", "")).upper() == "CANCELLED":
            schedule.unparsed.append(f"{summary}: cancelled, so not added")
            continue
        if event.get("RRULE") or event.get("RDATE"):
            schedule.unparsed.append(f"{summary}: a repeating event, not an interview")
            continue
        slot = _slot(event, summary, zone, me, schedule.unparsed)
        if slot is None:
            continue
        schedule.slots.append(slot)
        organizer = _organizer(event, me)
        if organizer and not any(_same(organizer, p) for p in schedule.people):
            attending = next((p for p in slot.people if _same(organizer, p)), None)
            if attending:
                attending.role = "recruiter"
            else:
                schedule.people.append(organizer)
    return schedule


def shared_file(name: str, data: bytes) -> dict[str, str]:
    """A file shared into the app, as the share page takes it: its text, or why not."""
    name = _text(name, 200)
    if len(data) > MAX_BYTES:
        size = len(data) / 1024 / 1024
        return {"name": name, "error": f"That file is {size:.1f} MiB; an invite is at most 1 MiB."}
    return {"name": name, "text": data.decode("utf-8", errors="replace")}


def _parse(data: bytes) -> Calendar:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InviteError(
            "That file is not a calendar invite (it is not text). Save the invite as .ics."
        ) from error
    if "BEGIN:VCALENDAR" not in text[:2048].upper():
        raise InviteError("That file is not a calendar invite: it does not start as one (.ics).")
    try:
        calendar = Calendar.from_ical(text)
    except Exception as error:  # icalendar raises ValueError, KeyError, IndexError...
        raise InviteError(
            "That calendar file is damaged and could not be read. Save the invite again and retry."
        ) from error
    if isinstance(calendar, list):  # several VCALENDARs in one file: read the first
        calendar = calendar[0]
    return calendar


def _text(value, limit: int = _TITLE_MAX) -> str:
    if value is None:
        return ""
    text = _CONTROL.sub(" ", str(value))
    return " ".join(text.split())[:limit]


def _when(value, zone: ZoneInfo) -> datetime | date | None:
    if value is None:
        return None
    try:
        moment = value.dt
    except AttributeError:
        return None
    if isinstance(moment, datetime):
        # A time with no zone ("floating") is the user's own local time.
        return moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)
    return moment if isinstance(moment, date) else None


def _slot(event, summary: str, zone: ZoneInfo, me: set[str], notes: list[str]) -> ParsedSlot | None:
    start = _when(event.get("DTSTART"), zone)
    if start is None:
        notes.append(f"{summary}: no start time, so not added")
        return None
    end = _when(event.get("DTEND"), zone)
    if end is None and event.get("DURATION") is not None and isinstance(start, datetime):
        try:
            end = start + event.decoded("DURATION")
        except Exception:  # a damaged DURATION: no end rather than no slot
            end = None
    if isinstance(start, datetime):
        day, start_time = start.date(), start.time().replace(second=0, microsecond=0)
        end_time = (
            end.time().replace(second=0, microsecond=0)
            if isinstance(end, datetime) and end.date() == day and end > start
            else None
        )
    else:  # an all-day event
        day, start_time, end_time = start, None, None
    people, rooms = _attendees(event, me, notes, summary)
    location = _location(event, rooms)
    uid = _text(event.get("UID"), 300)
    recurrence = event.get("RECURRENCE-ID")
    key = f"ics:{uid}:{recurrence.to_ical().decode() if recurrence else ''}" if uid else ""
    return ParsedSlot(
        line=summary,
        start=start_time,
        end=end_time,
        title=summary,
        people=people,
        day=day,
        location=location,
        key=key,
    )


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _address(value) -> str:
    text = _text(value, 300)
    address = re.sub(r"^mailto:", "", text, flags=re.IGNORECASE).strip()
    return address if "@" in address and len(address) <= 254 else ""


_LAST_FIRST = re.compile(r"^([^\W\d_][\w'\u2019-]*),\s*([^\W\d_][\w'\u2019-]*)$")


def _person(value, me: set[str]) -> ParsedPerson | None:
    """An ATTENDEE or ORGANIZER as a person, or None for the candidate and unnamed addresses."""
    params = getattr(value, "params", {})
    email = _address(value)
    name = _text(params.get("CN"), NAME_MAX).strip("\"' ")
    if name.casefold() == email.casefold() or "@" in name:
        name = ""
    last_first = _LAST_FIRST.match(name)
    if last_first and not is_title(last_first.group(2)):
        name = f"{last_first.group(2)} {last_first.group(1)}"  # Outlook's "Rivera, Dana"
    person = parse_person(name) if name else None
    if person is None and email:
        person = parse_person(email)  # "dana.rivera@acme.com" is Dana Rivera
    if person is None:
        return None
    person.email = email or person.email
    if person.email.casefold() in me or person.name.casefold() in me:
        return None
    return person


def _attendees(
    event, me: set[str], notes: list[str], summary: str
) -> tuple[list[ParsedPerson], list[str]]:
    people: list[ParsedPerson] = []
    rooms: list[str] = []
    for value in _as_list(event.get("ATTENDEE"))[:MAX_ATTENDEES]:
        params = getattr(value, "params", {})
        kind = str(params.get("CUTYPE", "INDIVIDUAL")).upper()
        email = _address(value)
        label = _text(params.get("CN")) or email
        if kind in ("ROOM", "RESOURCE") or "resource.calendar" in email.lower():
            if label:
                rooms.append(label)
            continue
        if kind == "GROUP" or (email and _LIST_ADDRESS.search(email)):
            continue
        if str(params.get("PARTSTAT", "")).upper() == "DECLINED":
            notes.append(f"{label}: declined {summary}, so not added")
            continue
        if str(params.get("ROLE", "")).upper() == "NON-PARTICIPANT":
            continue
        person = _person(value, me)
        if person is None:
            if label and not any(label.casefold() == m for m in me) and email.casefold() not in me:
                notes.append(label)
            continue
        if not any(_same(person, p) for p in people):
            people.append(person)
    return people, rooms


def _organizer(event, me: set[str]) -> ParsedPerson | None:
    value = event.get("ORGANIZER")
    if value is None:
        return None
    email = _address(value)
    if email and _LIST_ADDRESS.search(email):
        return None
    person = _person(value, me)
    if person is not None and person.role == "interviewer":
        person.role = "recruiter"
    return person


def _same(a: ParsedPerson, b: ParsedPerson) -> bool:
    if a.email and b.email:
        return a.email.casefold() == b.email.casefold()
    return a.name.casefold() == b.name.casefold()


def _location(event, rooms: list[str]) -> str:
    """The place: LOCATION, else a video link from the event, else the room booked."""
    location = _text(event.get("LOCATION"), _LOCATION_MAX)
    link = ""
    for name in ("URL", "X-GOOGLE-CONFERENCE", "X-MICROSOFT-ONLINEMEETINGURL", "DESCRIPTION"):
        found = _VIDEO_LINK.search(_text(event.get(name), 4000))
        if found:
            link = found.group(0)[:_LOCATION_MAX]
            break
    if location and link and link not in location:
        both = f"{location} · {link}"
        return both if len(both) <= _LOCATION_MAX else location
    return location or link or ", ".join(rooms)[:_LOCATION_MAX]


def slot_time(day: date, start: time | None) -> str:
    """How a slot's day and time read in the review: "Tue 3 Mar, 10:00"."""
    text = day.strftime("%a %-d %b")
    return f"{text}, {start.strftime('%H:%M')}" if start else text
