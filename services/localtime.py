"""Between the user's wall clock and the naive-UTC datetimes the database holds."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def to_utc(day: date, clock: time, tz: str) -> datetime:
    """A wall-clock moment in `tz` as naive UTC."""
    local = datetime.combine(day, clock, tzinfo=zone(tz))
    return local.astimezone(UTC).replace(tzinfo=None)


def to_local(moment: datetime | None, tz: str) -> datetime | None:
    """Naive UTC from the database as an aware datetime in `tz`."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone(zone(tz))


def local_today(now: datetime, tz: str) -> date:
    return now.replace(tzinfo=UTC).astimezone(zone(tz)).date()


def day_bounds_utc(day: date, tz: str) -> tuple[datetime, datetime]:
    """The UTC start and end of a local calendar day."""
    start = to_utc(day, time(0), tz)
    end = to_utc(day + timedelta(days=1), time(0), tz)
    return start, end
