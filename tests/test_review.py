"""The review step: rows the user can untick, rename, re-role or move before saving, an .ics
import on the three pages that take one, and a save that never creates anything twice."""

from datetime import date
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from extensions import db
from models import Application, Contact, Interview

# The signed-in user (ana@example.com) is the candidate the invite was sent to.
INVITE = (
    (Path(__file__).parent / "invites" / "google_onsite.ics")
    .read_bytes()
    .replace(b"maya.chen@example.com", b"ana@example.com")
)
EMAIL = (Path(__file__).parent / "itineraries" / "01_greenhouse_onsite.txt").read_text()


class FormFields(HTMLParser):
    """What a browser would post from the page's schedule form, as it is shown."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._first: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("file", "submit"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.fields[name] = a.get("value", "on")
            else:
                self.fields[name] = a.get("value", "")
        elif tag == "select":
            self._select, self._first = name, None
        elif tag == "option" and self._select:
            if self._first is None:
                self._first = a.get("value", "")
                self.fields.setdefault(self._select, self._first)
            if "selected" in a:
                self.fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def shown(html: str) -> dict[str, str]:
    parser = FormFields()
    parser.feed(html)
    return parser.fields


def person_index(fields: dict[str, str], name: str) -> int:
    return next(
        int(k.split("-")[1]) for k, v in fields.items() if k.endswith("-name") and v == name
    )


@pytest.fixture
def application_id(app, client, user):
    client.post("/applications/new", data={"company": "Northwind", "role": "Firmware Engineer"})
    with app.app_context():
        return db.session.scalar(db.select(Application.id))


def counts(app) -> tuple[int, int]:
    with app.app_context():
        interviews = db.session.scalars(
            db.select(Interview).where(Interview.deleted_at.is_(None))
        ).all()
        contacts = db.session.scalars(db.select(Contact).where(Contact.deleted_at.is_(None))).all()
        return len(interviews), len(contacts)


def multipart(client, url, data):
    """Posted as a browser would; encoded in memory (the test client would spool a big file to a
    temporary file it never closes)."""
    files = {k: FileStorage(BytesIO(v[0]), v[1]) for k, v in data.items() if isinstance(v, tuple)}
    boundary, body = encode_multipart({**data, **files})
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def read(client, application_id, **data):
    url = f"/applications/{application_id}/schedule"
    return multipart(client, url, {"day": "2026-03-03", "action": "check", **data})


def save(client, application_id, fields):
    return client.post(
        f"/applications/{application_id}/schedule", data={**fields, "action": "save"}
    )


def test_an_itinerary_email_becomes_rows_with_no_junk(client, application_id):
    response = read(client, application_id, text=EMAIL)

    fields = shown(response.get_data(as_text=True))
    kept = [v for k, v in fields.items() if k.endswith("-name") and f"{k[:-4]}keep" in fields]
    assert kept == ["Dana Rivera", "Sam Lee", "Alex Kim", "Jo Park"]
    assert fields["slot-0-title"] == "Intro & experience"
    # Lines not read are there, unticked, with a way to add them.
    html = response.get_data(as_text=True)
    assert "Not read as a person: <code>Thanks,</code>" in html
    assert html.count("Add as a person") >= 5


def test_untick_rename_re_role_move_and_add_an_unread_line(app, client, application_id):
    fields = shown(read(client, application_id, text=EMAIL).get_data(as_text=True))
    dana, sam, alex = (person_index(fields, n) for n in ("Dana Rivera", "Sam Lee", "Alex Kim"))
    del fields[f"person-{alex}-keep"]  # untick
    fields[f"person-{dana}-name"] = "Dana Rivera-Lopez"  # rename
    fields[f"person-{sam}-role"] = "other"  # re-role
    fields[f"person-{sam}-slot"] = "0"  # move to the first slot
    jordan = next(
        int(k.split("-")[1]) for k, v in fields.items() if k.endswith("-line") and v == "Jordan"
    )
    fields[f"person-{jordan}-keep"] = "1"  # add the sign-off as a person after all
    fields[f"person-{jordan}-name"] = "Jordan Blake"
    fields[f"person-{jordan}-role"] = "recruiter"
    fields[f"person-{jordan}-slot"] = ""

    response = save(client, application_id, fields)

    assert response.status_code == 303
    with app.app_context():
        contacts = {c.name: c for c in db.session.scalars(db.select(Contact))}
        assert set(contacts) == {"Dana Rivera-Lopez", "Sam Lee", "Jo Park", "Jordan Blake"}
        assert contacts["Sam Lee"].role == "other"
        assert contacts["Jordan Blake"].role == "recruiter"
        assert contacts["Jordan Blake"].interviews == []
        first = db.session.scalar(
            db.select(Interview).where(Interview.title == "Intro & experience")
        )
        assert {c.name for c in first.contacts} == {"Dana Rivera-Lopez", "Sam Lee"}


def test_saving_twice_back_and_save_or_a_double_submit_creates_nothing_new(
    app, client, application_id
):
    fields = shown(read(client, application_id, text=EMAIL).get_data(as_text=True))

    first = save(client, application_id, fields)
    after_first = counts(app)
    again = save(client, application_id, fields)  # Back, then Save again
    reread = shown(read(client, application_id, text=EMAIL).get_data(as_text=True))
    third = save(client, application_id, reread)  # Back, Read it again, Save

    assert after_first == (4, 4)
    assert counts(app) == after_first
    assert first.status_code == again.status_code == third.status_code == 303
    page = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "Nothing new" in page


def test_a_row_with_a_problem_is_shown_again_with_everything_kept(app, client, application_id):
    fields = shown(read(client, application_id, text=EMAIL).get_data(as_text=True))
    fields["person-0-name"] = ""
    fields["slot-1-end"] = "09:00"

    response = save(client, application_id, fields)

    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Type this person&#39;s name, or untick them." in html
    assert "The end must be after the start." in html
    assert shown(html)["slot-1-title"] == "Firmware deep dive"
    assert counts(app) == (0, 0)


def test_an_invite_on_the_schedule_page_is_reviewed_then_saved_once(app, client, application_id):
    response = read(client, application_id, invite=(INVITE, "invite.ics"))
    fields = shown(response.get_data(as_text=True))

    assert fields["slot-0-title"] == "Onsite: Intro & experience"
    assert fields["slot-0-location"].endswith("https://meet.google.com/abc-defg-hij")
    save(client, application_id, fields)
    save(client, application_id, fields)
    # The same invite imported again later: its UID makes it the same interview.
    save(
        client,
        application_id,
        shown(read(client, application_id, invite=(INVITE, "x.ics")).get_data(as_text=True)),
    )

    assert counts(app) == (1, 3)
    with app.app_context():
        interview = db.session.scalar(db.select(Interview))
        assert interview.location.startswith("Northwind HQ")
        assert {c.email for c in interview.contacts} == {
            "dana.rivera@northwind.com",
            "sam.lee@northwind.com",
            "priya.nair@northwind.com",
        }


def test_an_invite_on_the_new_application_page_goes_straight_to_review(app, client, user):
    response = multipart(
        client,
        "/applications/new",
        {"company": "Northwind", "role": "Dev", "invite": (INVITE, "i.ics")},
    )

    assert response.status_code == 200
    fields = shown(response.get_data(as_text=True))
    assert fields["slot-0-title"] == "Onsite: Intro & experience"
    assert counts(app) == (0, 0)


def test_the_add_interview_page_offers_an_invite_import(client, application_id):
    html = client.get(f"/applications/{application_id}/interviews/new").get_data(as_text=True)

    assert f'action="/applications/{application_id}/schedule"' in html
    assert 'accept=".ics,text/calendar"' in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\nbinary", "not text"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:x\r\n", "damaged"),
        (b"BEGIN:VCALENDAR\r\n" + b"X" * (1024 * 1024 + 10), "at most 1 MiB"),
    ],
)
def test_a_bad_invite_gets_a_clear_message_and_changes_nothing(app, client, user, data, message):
    new = multipart(
        client,
        "/applications/new",
        {"company": "Northwind", "role": "Dev", "invite": (data, "i.ics")},
    )
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Application.id))) == 0
    client.post("/applications/new", data={"company": "Northwind", "role": "Dev"})
    with app.app_context():
        application_id = db.session.scalar(db.select(Application.id))
    on_schedule = read(client, application_id, invite=(data, "i.ics"))

    for response in (new, on_schedule):
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
    assert 'value="Northwind"' in new.get_data(as_text=True)
    assert counts(app) == (0, 0)


def test_a_double_submit_that_loses_the_race_saves_nothing_twice(app, user, monkeypatch):
    """The second of two simultaneous saves finds the first one's rows only on insert: it
    rolls back and reads them again, so nothing is created twice."""
    from services import review as reviewing
    from services.review import read_review, save_review
    from services.schedule import parse_schedule

    with app.app_context():
        application = Application(user_id=user.id, company="Northwind", role="Dev")
        db.session.add(application)
        db.session.commit()
        schedule = parse_schedule("10:00 Dana Rivera\n11:00 Sam Lee")
        rows = reviewing.review_of(schedule, date(2026, 3, 3), "paste:x")
        form = {}
        for n, slot in enumerate(rows.slots):
            form |= {
                f"slot-{n}-key": slot.key,
                f"slot-{n}-day": "2026-03-03",
                f"slot-{n}-keep": "1",
            }
        for n, person in enumerate(rows.people):
            form |= {f"person-{n}-name": person.name, f"person-{n}-slot": str(person.slot)}
            form |= {f"person-{n}-keep": "1", f"person-{n}-role": "interviewer"}
        first = save_review(db.session, application, read_review(form), "UTC")

        real_get, blinded = db.session.get, []

        def get_once_blind(model, ident, *args, **kwargs):
            if model is Interview and not blinded:
                blinded.append(ident)
                return None  # as if the other request had not committed yet
            return real_get(model, ident, *args, **kwargs)

        monkeypatch.setattr(db.session, "get", get_once_blind)
        second = save_review(db.session, application, read_review(form), "UTC")

        assert (first.created, second.created, second.already) == (2, 0, 2)
        assert blinded
        assert db.session.scalar(db.select(db.func.count(Interview.id))) == 2
        assert db.session.scalar(db.select(db.func.count(Contact.id))) == 2
