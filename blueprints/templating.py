"""What every template can use: the labels of stored codes, the pending undo, and the filters
for times, people, points and retention. Bound to the app in create_app()."""

from datetime import datetime

from flask import Flask, session
from flask_login import current_user

from models import CONTACT_ROLES, INTERVIEW_FORMATS, POINT_KINDS, Application, Contact, TalkingPoint
from services import capture, portability, readings
from services.localtime import to_local
from services.pdf import CARD_LABELS


def init_app(app: Flask) -> None:
    """Give every template the vocabulary, the undo offer and the filters below."""
    app.context_processor(vocabulary)
    app.context_processor(undo_banner)
    for name, filter_ in FILTERS.items():
        app.add_template_filter(filter_, name)


def vocabulary() -> dict:
    """The labels every template shows for stored codes."""
    return {
        "roles": CONTACT_ROLES,
        "kinds": POINT_KINDS,
        "formats": INTERVIEW_FORMATS,
        "card_labels": CARD_LABELS,
        "conflict_choices": capture.CONFLICT_CHOICES,
    }


def offer_undo(restore_url: str, message: str) -> None:
    """Show "Undo" with `message` on the next page (base.html), like a flashed message."""
    session["undo"] = {"url": restore_url, "message": message}


def undo_banner() -> dict:
    """`undo_offer()` in a template: the pending undo, shown once."""
    return {"undo_offer": lambda: session.pop("undo", None)}


def localtime(moment):
    """A stored UTC moment on the signed-in user's clock."""
    tz = current_user.timezone if current_user.is_authenticated else "UTC"
    return to_local(moment, tz)


def who(contact: Contact) -> str:
    """A person's title and role, e.g. "Staff Engineer · Interviewer"; just "Recruiter" when
    the title already says it."""
    role = CONTACT_ROLES.get(contact.role, "")
    if contact.title and role.casefold() in contact.title.casefold():
        return contact.title
    return " · ".join(part for part in (contact.title, role) if part)


def reading(point: TalkingPoint) -> readings.ShownReading:
    """How the drafts say a point, for any page that lists points (_point_row.html)."""
    return readings.shown(point, point.contact.name, current_user.tone)


def erase_after(application: Application) -> datetime | None:
    """When an application's people lose their contact details, or None."""
    return portability.erase_after(application)


FILTERS = {"localtime": localtime, "who": who, "reading": reading, "erase_after": erase_after}
