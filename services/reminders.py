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
        event.add(
            "description",
            f"Thank {item.contact.name} for the {item.application.role} interview at "
            f"{item.application.company}.",
        )
        event.add("dtstart", due - timedelta(minutes=30))
        event.add("dtend", due)
        event.add("dtstamp", due)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Thank-you {channels.get(item.channel).label.lower()} due soon")
        alarm.add("trigger", -remind_before)
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
