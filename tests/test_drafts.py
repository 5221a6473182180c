"""Drafts through the web client, and the services that track and send them."""

import email
from datetime import datetime, timedelta
from email import policy
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from icalendar import Calendar

from extensions import db
from models import Draft, DraftVersion
from services import deadlines, drafts
from services.localtime import to_utc
from services.mail import eml_bytes, mailto_link

HX = {"HX-Request": "true"}


def _drafts(client, application_id):
    response = client.get(f"/api/applications/{application_id}/drafts")
    assert response.status_code == 200
    return response.json["drafts"]


def test_api_lists_a_draft_per_person_and_channel(client, panel):
    application_id, _contacts = panel
    items = _drafts(client, application_id)
    channels = sorted((d["contact_name"], d["channel"]) for d in items)
    assert channels == [
        ("Dana Rivera", "card"),
        ("Dana Rivera", "email"),
        ("Priya Nair", "card"),
        ("Priya Nair", "wrapup"),
        ("Sam Lee", "card"),
        ("Sam Lee", "email"),
    ]
    dana = next(d for d in items if d["contact_name"] == "Dana Rivera" and d["channel"] == "email")
    assert dana["body"].startswith("Hi Dana,")
    assert "kafka migration" in dana["body"].lower()
    assert "https://example.com/talk?id=7&x=1" in dana["body"]
    assert dana["due_at"] == "2026-11-22T11:00:00Z"
    assert dana["status"] == "to send"
    sam = next(d for d in items if d["contact_name"] == "Sam Lee" and d["channel"] == "email")
    assert "no_detail" in {w["code"] for w in sam["warnings"]}
    assert "no_email" in {w["code"] for w in sam["warnings"]}
    wrapup = next(d for d in items if d["channel"] == "wrapup")
    assert "Dana" in wrapup["body"] and "Sam" in wrapup["body"]


def test_drafts_are_composed_once(app, client, panel):
    application_id, _ = panel
    _drafts(client, application_id)
    _drafts(client, application_id)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Draft.id))) == 6
        assert db.session.scalar(db.select(db.func.count(DraftVersion.id))) == 6


def _draft_id(app, contact_id, channel):
    with app.app_context():
        return db.session.scalar(
            db.select(Draft.id).where(Draft.contact_id == contact_id, Draft.channel == channel)
        )


def test_autosave_then_regenerate_keeps_the_edit(app, client, panel):
    application_id, contacts = panel
    _drafts(client, application_id)
    draft_id = _draft_id(app, contacts["Dana Rivera"], "email")
    edited = "Hi Dana,\n\nMy own words about Kafka.\n\nBest,\nAna"
    response = client.post(
        f"/drafts/{draft_id}/save", data={"subject": "Thanks, Dana", "body": edited}, headers=HX
    )
    assert response.status_code == 200
    assert 'id="draft-' in response.get_data(as_text=True)
    # A second autosave of the same edit updates the working copy instead of piling up versions.
    client.post(f"/drafts/{draft_id}/save", data={"subject": "Thanks, Dana", "body": edited + "!"})
    client.post(f"/drafts/{draft_id}/regenerate", headers=HX)
    with app.app_context():
        versions = db.session.get(Draft, draft_id).versions
        assert [v.source for v in versions] == ["generated", "edited", "generated"]
        assert versions[1].body == edited + "!"
    page = client.get(f"/drafts/{draft_id}/versions?compare=2").get_data(as_text=True)
    assert "My own words about Kafka." in page
    assert client.post(f"/drafts/{draft_id}/versions/2/restore").status_code == 303
    current = next(
        d
        for d in _drafts(client, application_id)
        if d["contact_name"] == "Dana Rivera" and d["channel"] == "email"
    )
    assert current["body"] == edited + "!" and current["subject"] == "Thanks, Dana"


def test_empty_edit_is_refused_and_nothing_changes(app, client, panel):
    application_id, contacts = panel
    _drafts(client, application_id)
    draft_id = _draft_id(app, contacts["Sam Lee"], "email")
    response = client.post(f"/drafts/{draft_id}/save", data={"body": "  "}, headers=HX)
    assert response.status_code == 422
    assert "between 1 and 10,000 characters" in response.get_data(as_text=True)
    with app.app_context():
        assert len(db.session.get(Draft, draft_id).versions) == 1


def test_mark_sent_written_posted_and_home_shows_done(app, client, panel):
    application_id, contacts = panel
    _drafts(client, application_id)
    email_id = _draft_id(app, contacts["Dana Rivera"], "email")
    card_id = _draft_id(app, contacts["Dana Rivera"], "card")
    assert client.post(f"/drafts/{email_id}/mark/sent", data={"done": "1"}).status_code == 303
    client.post(f"/drafts/{card_id}/mark/written", data={"done": "1"}, headers=HX)
    client.post(f"/drafts/{card_id}/mark/posted", data={"done": "1"}, headers=HX)
    assert client.post(f"/drafts/{email_id}/mark/posted", data={"done": "1"}).status_code == 404
    statuses = {
        (d["contact_name"], d["channel"]): d["status"] for d in _drafts(client, application_id)
    }
    assert statuses[("Dana Rivera", "email")] == "sent"
    assert statuses[("Dana Rivera", "card")] == "posted"
    assert statuses[("Sam Lee", "email")] == "to send"
    home = client.get("/").get_data(as_text=True)
    assert "Due now and coming up" in home and ("overdue by" in home or "due in" in home)
    assert home.index("Sam Lee") < home.index("done")


def test_eml_download_parses_with_to_subject_and_body(app, client, panel):
    application_id, contacts = panel
    items = _drafts(client, application_id)
    dana = next(d for d in items if d["contact_name"] == "Dana Rivera" and d["channel"] == "email")
    draft_id = _draft_id(app, contacts["Dana Rivera"], "email")
    response = client.get(f"/drafts/{draft_id}/message.eml")
    assert response.mimetype == "message/rfc822"
    assert "thank-you-email-dana-rivera-acme.eml" in response.headers["Content-Disposition"]
    message = email.message_from_bytes(response.data, policy=policy.default)
    assert message["To"] == "Dana Rivera <dana@acme.example>"
    assert message["Subject"] == dana["subject"]
    assert message.get_content().rstrip("\n") == dana["body"]


def test_mailto_round_trips_the_exact_body():
    body = "Hi Dana,\n\nAs promised: https://example.com/a?b=1&c=2#x 100% 🎉\n\nBest,\nAna"
    link = mailto_link("dana@acme.example", "Thanks & next steps?", body)
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and unquote(parts.path) == "dana@acme.example"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["subject"] == ["Thanks & next steps?"]
    assert query["body"][0].replace("\r\n", "\n") == body
    assert " " not in link and "\n" not in link


def test_eml_bytes_without_an_address_has_no_to():
    raw = eml_bytes(
        sender_name="Ana",
        sender_email="ana@example.com",
        to_name="Sam",
        to_email="",
        subject="Thanks",
        body="Hi Sam,\n\nThanks.",
    )
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["To"] is None and message["X-Unsent"] == "1"


@pytest.mark.parametrize(
    ("tz", "day", "end", "expected_email_due_utc"),
    [
        ("UTC", "2026-11-21", "23:30", datetime(2026, 11, 22, 23, 30)),
        ("America/New_York", "2026-11-21", "23:30", datetime(2026, 11, 23, 4, 30)),
        ("Asia/Tokyo", "2026-11-22", "00:15", datetime(2026, 11, 22, 15, 15)),
        # The night clocks go back in New York: 24 hours, not one calendar day plus an hour.
        ("America/New_York", "2026-11-01", "00:30", datetime(2026, 11, 2, 4, 30)),
    ],
)
def test_deadlines_around_midnight_and_time_zones(tz, day, end, expected_email_due_utc):
    last_end = to_utc(
        datetime.fromisoformat(day).date(), datetime.strptime(end, "%H:%M").time(), tz
    )
    assert deadlines.due_at("email", last_end) == expected_email_due_utc
    assert deadlines.due_at("wrapup", last_end) == expected_email_due_utc
    assert deadlines.due_at("card", last_end) == expected_email_due_utc + timedelta(hours=24)
    assert deadlines.due_at("email", None) is None


def test_countdown_words():
    now = datetime(2026, 11, 21, 12, 0)
    assert (
        deadlines.countdown(now + timedelta(hours=3, minutes=20), now).text == "due in 3 h 20 min"
    )
    late = deadlines.countdown(now - timedelta(hours=2), now)
    assert late.text == "overdue by 2 h 0 min" and late.overdue and late.urgent
    far = deadlines.countdown(now + timedelta(days=1, hours=2), now)
    assert far.text == "due in 1 d 2 h" and not far.urgent
    assert deadlines.countdown(None, now).text == "no deadline"


def test_last_interview_sets_the_deadline(app, client, panel):
    application_id, _contacts = panel
    # Dana is in the later interview too: her deadline moves to 24 h after that one ends.
    with app.app_context():
        from models import Interview

        later = db.session.scalars(db.select(Interview).order_by(Interview.starts_at)).all()[1]
    client.post(f"/interviews/{later.id}", data={"person": "Dana Rivera"})
    dana = next(
        d
        for d in _drafts(client, application_id)
        if d["contact_name"] == "Dana Rivera" and d["channel"] == "email"
    )
    assert dana["due_at"] == "2026-11-22T12:15:00Z"


def test_calendar_has_a_reminder_per_open_note(app, client, panel):
    application_id, contacts = panel
    _drafts(client, application_id)
    client.post(
        f"/drafts/{_draft_id(app, contacts['Dana Rivera'], 'email')}/mark/sent", data={"done": "1"}
    )
    response = client.get(f"/applications/{application_id}/reminders.ics")
    assert response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    events = list(calendar.walk("VEVENT"))
    summaries = sorted(str(e["summary"]) for e in events)
    assert len(events) == 5
    assert "Email to Dana Rivera due" not in summaries
    assert "Handwritten card to Dana Rivera due" in summaries
    assert all(e.walk("VALARM") for e in events)


def test_drafts_page_and_fragments(app, client, panel):
    application_id, contacts = panel
    page = client.get(f"/applications/{application_id}/drafts").get_data(as_text=True)
    assert page.count('<article class="draft') == 6
    assert "Open in mail app" in page and "Download .eml" in page and "Copy text" in page
    assert "Mark as sent" in page and "Mark as written" in page
    draft_id = _draft_id(app, contacts["Sam Lee"], "email")
    fragment = client.post(f"/drafts/{draft_id}/mark/sent", data={"done": "1"}, headers=HX)
    html = fragment.get_data(as_text=True)
    assert html.lstrip().startswith(f'<article class="draft done" id="draft-{draft_id}"')
    assert "Sent " in html and "undo" in html


def test_due_items_order_most_urgent_first(app, client, panel):
    _application_id, _ = panel
    with app.app_context():
        from models import User

        user = db.session.scalar(db.select(User))
        items = drafts.due_items(db.session, user.id, datetime(2026, 11, 22, 12, 0))
        dues = [i.due_at for i in items if not i.done]
        assert dues == sorted(dues)
        assert items[0].countdown.overdue


def test_drafts_of_removed_people_or_old_roles_are_gone(app, client, panel):
    application_id, contacts = panel
    _drafts(client, application_id)
    sam_email = _draft_id(app, contacts["Sam Lee"], "email")
    dana_email = _draft_id(app, contacts["Dana Rivera"], "email")
    client.post(f"/contacts/{contacts['Sam Lee']}/edit",
                data={"name": "Sam Lee", "role": "recruiter"})  # fmt: skip
    assert client.post(f"/drafts/{sam_email}/regenerate").status_code == 404
    client.post(f"/contacts/{contacts['Dana Rivera']}/delete")
    for url in (f"/drafts/{dana_email}/regenerate", f"/drafts/{dana_email}/message.eml",
                f"/drafts/{dana_email}/versions"):  # fmt: skip
        assert client.open(url, method="POST" if "regenerate" in url else "GET").status_code == 404
    channels = {(d["contact_name"], d["channel"]) for d in _drafts(client, application_id)}
    assert ("Sam Lee", "wrapup") in channels and ("Dana Rivera", "email") not in channels


def test_a_line_break_in_a_name_cannot_break_the_eml(app, client, panel):
    application_id, contacts = panel
    client.post(f"/contacts/{contacts['Dana Rivera']}/edit",
                data={"name": "Dana Rivera\nBcc: x@evil.example", "role": "interviewer",
                      "email": "dana@acme.example"})  # fmt: skip
    _drafts(client, application_id)
    draft_id = _draft_id(app, contacts["Dana Rivera"], "email")
    response = client.get(f"/drafts/{draft_id}/message.eml")
    assert response.status_code == 200
    message = email.message_from_bytes(response.data, policy=policy.default)
    assert message["Bcc"] is None
    assert message["To"].addresses[0].display_name == "Dana Rivera Bcc: x@evil.example"


def test_untouched_drafts_follow_new_notes_and_edited_ones_are_flagged(app, client, panel):
    application_id, contacts = panel
    _drafts(client, application_id)
    dana_email = _draft_id(app, contacts["Dana Rivera"], "email")
    client.post(
        f"/drafts/{dana_email}/save", data={"subject": "Thanks", "body": "Hi Dana,\n\nMine."}
    )
    client.post(f"/drafts/{_draft_id(app, contacts['Sam Lee'], 'card')}/mark/written",
                data={"done": "1"})  # fmt: skip
    client.post(
        f"/contacts/{contacts['Sam Lee']}", data={"kind": "topic", "body": "rust at the edge"}
    )
    client.post(f"/contacts/{contacts['Dana Rivera']}", data={"kind": "topic", "body": "on-call"})
    items = {(d["contact_name"], d["channel"]): d for d in _drafts(client, application_id)}
    assert "rust at the edge" in items[("Sam Lee", "email")]["body"]
    assert "no_detail" not in {w["code"] for w in items[("Sam Lee", "email")]["warnings"]}
    assert "rust" not in items[("Sam Lee", "card")]["body"]  # already written by hand
    assert items[("Dana Rivera", "email")]["body"] == "Hi Dana,\n\nMine."
    page = client.get(f"/applications/{application_id}/drafts").get_data(as_text=True)
    assert page.count("changed since this draft was written") == 1
    fragment = client.post(f"/drafts/{dana_email}/regenerate", headers=HX).get_data(as_text=True)
    assert "Replaced your edit with a fresh draft" in fragment and "version 2" in fragment
