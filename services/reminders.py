"""Calendar reminders for the notes still to send (RFC 5545, via the icalendar package)."""

from collections.abc import Sequence
from datetime import UTC, timedelta

from icalendar import Alarm, Calendar, Event

from services.composer import channels


def ics_for(items: Sequence, *, remind_before: timedelta = timedelta(hours=2)) -> bytes:
    """One event per note that is not done and has a deadline, ending at the deadline."""
    calendar = Calendar()
    calendar.add("prodid", "-//Afterword//thank-you reminders//EN")
    calendar.add("version", "2.0")
    for item in items:
        if item.done or item.due_at is None:
            continue
        due = item.due_at.replace(tzinfo=UTC)
        event = Event()
        event.add("uid", f"{item.contact.id}-{item.channel}@afterword")
        event.add("summary", f"{channels.get(item.channel).label} to {item.contact.name} due")
        event.add("description", _description(item))
        event.add("dtstart", due - timedelta(minutes=30))
        event.add("dtend", due)
        event.add("dtstamp", due)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _alarm(item.channel))
        alarm.add("trigger", -remind_before)
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def _description(item) -> str:
    where = f"{item.application.role} interview at {item.application.company}"
    if item.channel == channels.FOLLOWUP.code:
        return (
            f"No reply yet? Follow up with {item.contact.name} about the {where}: the draft is "
            "ready in Afterword. Skip it if they have replied."
        )
    if item.channel == channels.LINKEDIN.code:
        return f"Connect with {item.contact.name} on LinkedIn after the {where}."
    return f"Thank {item.contact.name} for the {where}."


def _alarm(channel: str) -> str:
    if channel == channels.FOLLOWUP.code:
        return "Follow-up email due"
    return f"Thank-you {channels.get(channel).label.lower()} due soon"
