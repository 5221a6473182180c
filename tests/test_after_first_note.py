"""After the first note: the LinkedIn connection note and the follow-up after silence, from the
planners across tones, through the web client, export/import and sync."""

import re
from dataclasses import replace
from datetime import datetime

import pytest
from golden_drafts import load_panels, panel_inputs
from icalendar import Calendar

from extensions import db
from models import Application, Contact, Draft, User
from services.checker import check_draft, content_sentences
from services.composer import (
    Job,
    Person,
    Point,
    Profile,
    channels,
    compose_panel,
    reading_of,
)
from services.composer.phrases import TONES
from services.composer.planner import addressed_as
from services.composer.reader import DETAIL_KINDS

PANELS = {p["company"]: p for p in load_panels()}
TWO_PANELS = ("Meridian Bank", "Boltline Robotics")
# Claims no jot, interview record or fit line can hold (as tests/test_composer.py).
UNNOTED = re.compile(
    r"onsite|on-site|standards|ran smoothly|well[- ]run|smooth|confident|the day ran|"
    r"impressed|perfect fit|best candidate",
    re.IGNORECASE,
)
PLEADING = re.compile(r"desperate|begging|please consider|any update at all|haven't heard", re.I)


def _compose(company: str, tone: str | None = None, limit: int = 300, day: str = ""):
    job, people, profile = panel_inputs(PANELS[company])
    profile = replace(profile, tone=tone or profile.tone, linkedin_limit=limit)
    job = replace(job, day=day)
    return job, people, profile, compose_panel(job, people, profile)


def _of(drafts, person, channel):
    return next((d for d in drafts if d.contact_id == person.id and d.channel == channel), None)


def _sentences(body: str) -> set[str]:
    return {s.lower() for s in content_sentences(body) if len(s.split()) >= 4}


def _body_sentences(body: str) -> set[str]:
    """Every sentence of a short note (a LinkedIn note has no blank-line paragraphs)."""
    lines = body.split("\n")[1:-1] or body.split("\n")[1:]
    text = " ".join(lines)
    return {s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 4}


# --- LinkedIn notes: the planner -----------------------------------------------------------


def _has_detail(person: Person) -> bool:
    """Whether the notes may name a detail of this person's: a detail jot read cleanly (an
    "other" jot is kept for the candidate unless it is something they did for them)."""
    return any(
        p.kind in DETAIL_KINDS and (reading := reading_of(p, person.name)) and reading.ok
        for p in person.points
    )


@pytest.mark.parametrize("limit", [300, 200])
@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("company", TWO_PANELS)
def test_linkedin_note_for_everyone_within_the_limit_specific_and_not_the_email(
    company, tone, limit
):
    _job, people, _profile, drafts = _compose(company, tone, limit)
    notes = [d for d in drafts if d.channel == "linkedin"]
    assert [n.contact_id for n in notes] == [p.id for p in people]  # recruiter and HR too
    specific = 0
    for person in people:
        note = _of(drafts, person, "linkedin")
        first = person.name.replace("Dr. ", "").split()[0]
        assert len(note.body) <= limit, note.body
        assert note.subject == ""
        assert first in note.body.split("\n")[0] or person.name.split()[-1] in note.body
        assert not re.search(r"\bthank", note.body, re.IGNORECASE), note.body
        assert "http" not in note.body and "[" not in note.body
        # Someone with no email address gets a card as their first note.
        first_note = _of(
            drafts, person, "wrapup" if person.role in ("recruiter", "hr") else "email"
        ) or _of(drafts, person, "card")
        assert not _body_sentences(note.body) & _sentences(first_note.body), note.body
        specific += not note.generic
    with_details = sum(map(_has_detail, people))
    if limit == 300:
        assert specific == with_details  # everyone with a detail has it named
    else:
        assert specific >= with_details - 1
    # Notes across the panel never share a sentence.
    seen: dict[str, str] = {}
    for note in notes:
        for sentence in _body_sentences(note.body):
            assert seen.setdefault(sentence, note.contact_id) == note.contact_id, sentence


def test_linkedin_note_names_the_detail_of_that_person():
    _job, people, _profile, drafts = _compose("Boltline Robotics", "warm")
    maya, luis = people[0], people[1]
    assert "RTOS scheduling" in _of(drafts, maya, "linkedin").body
    assert "FPV drones" in _of(drafts, luis, "linkedin").body


def test_linkedin_note_never_repeats_a_reading_the_user_wrote():
    reading = "I keep thinking about the jitter you see under load on the arm controllers."
    person = Person(
        "a", "Maya Chen", "interviewer", email="m@x.example",
        points=(Point("topic", "RTOS sched + jitter", reading=reading),),
    )  # fmt: skip
    drafts = compose_panel(Job("Boltline", "Firmware Engineer"), [person], Profile("Jonas Weber"))
    note = _of(drafts, person, "linkedin")
    assert reading not in note.body and note.generic
    assert note.body.startswith("Hi Maya,") and len(note.body) <= 300


def test_linkedin_note_without_points_is_short_polite_and_generic():
    person = Person("a", "Maya Chen", "interviewer")
    for tone in TONES:
        profile = Profile("Jonas Weber", tone=tone, linkedin_limit=200)
        drafts = compose_panel(Job("Boltline Robotics", "Firmware Engineer"), [person], profile)
        note = _of(drafts, person, "linkedin")
        assert note.generic and len(note.body) <= 200
        assert "Boltline Robotics" in note.body and "Maya" in note.body


def test_a_very_long_company_name_still_fits_the_free_limit():
    person = Person("a", "Maya Chen", "interviewer", points=(Point("topic", "kafka migration"),))
    job = Job("The International Consolidated Holdings Group of Companies " * 3, "Engineer " * 10)
    note = _of(
        compose_panel(job, [person], Profile("Jonas Weber", linkedin_limit=200)), person, "linkedin"
    )
    assert len(note.body) <= 200 and note.body.startswith("Hi Maya,")


# --- The follow-up after silence: the planner ----------------------------------------------


def test_the_follow_up_goes_to_the_recruiter_else_the_first_interviewer_with_an_email():
    a = Person("a", "Ann Bell", "interviewer")
    b = Person("b", "Bo Chan", "interviewer", email="bo@x.example")
    r = Person("r", "Rae Diaz", "recruiter")
    h = Person("h", "Hal Eng", "hr", email="hal@x.example")
    assert channels.panel_recipient([a, b, r], "followup") == 1  # the recruiter has no address
    assert channels.panel_recipient([a, b, r, h], "followup") == 3
    assert channels.panel_recipient([a, r, b, h], "followup") == 3  # the organiser with email
    assert channels.panel_recipient([a, b], "followup") == 1
    assert channels.panel_recipient([a], "followup") is None
    assert channels.panel_recipient([a, b, r], "email") is None  # one per person, not panel
    assert "followup" not in channels.for_role("recruiter")


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("company", TWO_PANELS)
def test_follow_up_names_the_day_and_people_restates_interest_and_asks_calmly(company, tone):
    _job, people, profile, drafts = _compose(company, tone, day="Monday 16 November")
    followups = [d for d in drafts if d.channel == "followup"]
    assert len(followups) == 1
    note = followups[0]
    person = next(p for p in people if p.id == note.contact_id)
    assert person.role in ("recruiter", "hr")
    assert note.subject and len(note.body.split()) <= channels.FOLLOWUP.max_words
    assert "16 November" in note.body
    for other in (p for p in people if p is not person):
        assert addressed_as(other, profile) in note.body, other.name
    assert person.name.split()[0] in note.body.split("\n")[0]
    assert re.search(r"interest|keen", note.body, re.IGNORECASE)
    assert re.search(r"next steps|where things stand|process stands", note.body)
    assert not UNNOTED.search(note.body) and not PLEADING.search(note.body), note.body
    wrapup = _of(drafts, person, "wrapup")
    assert not _sentences(note.body) & _sentences(wrapup.body)
    warnings = check_draft(
        channel="followup", subject=note.subject, body=note.body, contact_name=person.name,
        contact_email=person.email, points=[],
        other_bodies=[d.body for d in drafts if d is not note],
        due_at=None, now=datetime(2026, 11, 23),
    )  # fmt: skip
    codes = {w.code for w in warnings}
    assert not codes & {"pleading", "near_duplicate", "name_mismatch", "too_long"}, codes


def test_follow_up_without_a_day_or_an_organiser_goes_to_an_interviewer():
    maya = Person("m", "Maya Chen", "interviewer", email="maya@x.example")
    luis = Person("l", "Luis Ortega", "interviewer")
    drafts = compose_panel(Job("Boltline", "Firmware Engineer"), [luis, maya], Profile("Jo Weber"))
    note = next(d for d in drafts if d.channel == "followup")
    assert note.contact_id == "m" and note.body.startswith("Hi Maya,")
    assert "Luis" in note.body and " on " not in note.body.split("\n\n")[1].split(".")[0][-12:]


# --- Two corpus panels, both new channels, limits and specificity --------------------------


@pytest.mark.parametrize("company", TWO_PANELS)
def test_corpus_panels_compose_both_new_channels(company):
    job, people, profile, drafts = _compose(company, day="Tuesday 17 November")
    assert drafts == compose_panel(job, people, profile), "deterministic"
    linkedin = [d for d in drafts if d.channel == "linkedin"]
    followup = [d for d in drafts if d.channel == "followup"]
    assert len(linkedin) == len(people) and len(followup) == 1
    for person, note in zip(people, linkedin, strict=True):
        assert len(note.body) <= 300
        assert note.generic == (not _has_detail(person))
    bodies = {d.body for d in linkedin}
    assert len(bodies) == len(linkedin)
    assert len(followup[0].body.split()) <= 120


# --- Through the web client ----------------------------------------------------------------


def _api(client, application_id):
    response = client.get(f"/api/applications/{application_id}/drafts")
    assert response.status_code == 200
    return {(d["contact_name"], d["channel"]): d for d in response.json["drafts"]}


def _due_page(client) -> str:
    return client.get("/").get_data(as_text=True)


def test_follow_up_is_due_n_days_after_the_last_interview_and_in_the_due_list(client, panel):
    application_id, _ = panel
    followup = _api(client, application_id)[("Priya Nair", "followup")]
    assert followup["due_at"] == "2026-11-28T12:15:00Z"  # 21 Nov 12:15 + 7 days
    assert followup["subject"] and "Dana" in followup["body"] and "Sam" in followup["body"]
    assert "Saturday 21 November" in followup["body"]
    assert "Follow-up to Priya Nair" in _due_page(client)
    response = client.post(f"/applications/{application_id}/followup", data={"followup_days": "3"})
    assert response.status_code == 303
    assert _api(client, application_id)[("Priya Nair", "followup")]["due_at"] == (
        "2026-11-24T12:15:00Z"
    )
    page = client.get(f"/applications/{application_id}").get_data(as_text=True)
    assert "Follow up with <strong>Priya Nair</strong>" in page


@pytest.mark.parametrize("value", ["0", "91", "soon", ""])
def test_bad_follow_up_days_are_refused_with_a_clear_error(client, panel, value):
    application_id, _ = panel
    response = client.post(
        f"/applications/{application_id}/followup", data={"followup_days": value}
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "from 1 to 90" in page
    assert f'value="{value}"' in page or value == ""


def test_follow_up_reminder_is_a_calendar_event_on_its_day(client, panel):
    application_id, _ = panel
    response = client.get(f"/applications/{application_id}/followup.ics")
    assert response.mimetype == "text/calendar"
    events = list(Calendar.from_ical(response.data).walk("VEVENT"))
    assert len(events) == 1
    assert str(events[0]["summary"]) == "Follow-up email to Priya Nair due"
    assert events[0].decoded("dtend").isoformat() == "2026-11-28T12:15:00+00:00"


def test_they_replied_cancels_the_follow_up_everywhere_and_undo_brings_it_back(app, client, panel):
    application_id, _ = panel
    assert ("Priya Nair", "followup") in _api(client, application_id)
    response = client.post(f"/applications/{application_id}/replied", data={"done": "1"})
    assert response.status_code == 303
    assert ("Priya Nair", "followup") not in _api(client, application_id)
    assert "Follow-up to Priya Nair" not in _due_page(client)
    calendar = Calendar.from_ical(client.get(f"/applications/{application_id}/followup.ics").data)
    assert not list(calendar.walk("VEVENT"))
    page = client.get(f"/applications/{application_id}").get_data(as_text=True)
    assert "They replied on" in page and "Undo: they have not replied" in page
    with app.app_context():
        draft = db.session.scalar(db.select(Draft).where(Draft.channel == "followup"))
        assert draft is not None  # hidden, not deleted
        draft_id = draft.id
    assert client.get(f"/drafts/{draft_id}/versions").status_code == 404
    client.post(f"/applications/{application_id}/replied", data={"done": "0"})
    assert ("Priya Nair", "followup") in _api(client, application_id)
    assert "Follow-up to Priya Nair" in _due_page(client)


def test_an_edited_follow_up_is_kept_when_cancelled_and_comes_back_as_edited(app, client, panel):
    application_id, _ = panel
    with app.app_context():
        draft_id = db.session.scalar(db.select(Draft.id).where(Draft.channel == "followup"))
    mine = "Hi Priya,\n\nAny news on the Staff Engineer role? Happy to share more.\n\nAna"
    client.post(f"/drafts/{draft_id}/save", data={"subject": "Checking in", "body": mine})
    response = client.post(
        f"/applications/{application_id}/replied", data={"done": "1"}, follow_redirects=True
    )
    assert "Your edited follow-up is kept" in response.get_data(as_text=True)
    assert "Your edited follow-up to Priya Nair is kept" in response.get_data(as_text=True)
    client.post(f"/applications/{application_id}/replied", data={"done": "0"})
    assert _api(client, application_id)[("Priya Nair", "followup")]["body"] == mine


def test_closing_the_application_cancels_the_follow_up(client, panel):
    application_id, _ = panel
    client.post(f"/account/applications/{application_id}/retention", data={"closed": "y"})
    page = client.get(f"/applications/{application_id}").get_data(as_text=True)
    assert "This application is closed: no follow-up." in page
    assert "Follow-up to Priya Nair" not in _due_page(client)


def test_linkedin_note_in_the_api_follows_the_accounts_limit(app, client, panel):
    application_id, contacts = panel
    dana = _api(client, application_id)[("Dana Rivera", "linkedin")]
    assert dana["limit"] == 300 and dana["length"] == len(dana["body"]) <= 300
    assert dana["status"] == "to connect" and dana["profile_url"] is None
    assert "kafka migration" in dana["body"].lower()
    assert dana["body"] not in _api(client, application_id)[("Dana Rivera", "email")]["body"]
    response = client.post(
        "/account/profile",
        data={"name": "Ana Ortiz", "tone": "brief", "greeting_style": "first_name",
              "paper": "letter", "timezone": "UTC", "linkedin_note_limit": "200"},
    )  # fmt: skip
    assert response.status_code == 303
    items = _api(client, application_id)
    for name in contacts:
        note = items[(name, "linkedin")]
        assert note["limit"] == 200 and len(note["body"]) <= 200


def test_the_review_page_offers_profile_copy_counter_and_connected(app, client, panel):
    application_id, contacts = panel
    url = f"/applications/{application_id}/drafts/{contacts['Dana Rivera']}"
    page = client.get(url).get_data(as_text=True)
    assert 'data-limit="300"' in page and "Copy text" in page
    assert "Add their LinkedIn address" in page and "Open their profile" not in page
    client.post(
        f"/contacts/{contacts['Dana Rivera']}/edit",
        data={"name": "Dana Rivera", "role": "interviewer", "email": "dana@acme.example",
              "linkedin_url": "https://www.linkedin.com/in/dana-rivera"},
    )  # fmt: skip
    page = client.get(url).get_data(as_text=True)
    assert 'href="https://www.linkedin.com/in/dana-rivera"' in page
    assert "Open their profile" in page
    with app.app_context():
        draft_id = db.session.scalar(
            db.select(Draft.id).where(
                Draft.channel == "linkedin", Draft.contact_id == contacts["Dana Rivera"]
            )
        )
    assert client.post(f"/drafts/{draft_id}/mark/sent", data={"done": "1"}).status_code == 404
    assert client.get(f"/drafts/{draft_id}/message.eml").status_code == 404
    client.post(f"/drafts/{draft_id}/mark/connected", data={"done": "1"})
    dana = _api(client, application_id)[("Dana Rivera", "linkedin")]
    assert dana["status"] == "connected" and dana["connected_at"].endswith("Z")
    assert dana["profile_url"] == "https://www.linkedin.com/in/dana-rivera"


@pytest.mark.parametrize(
    "link", ["https://example.com/in/dana", "http://linkedin.com.evil.example/in/x", "dana"]
)
def test_the_contact_form_refuses_an_address_that_is_not_linkedin(client, panel, link):
    _, contacts = panel
    response = client.post(
        f"/contacts/{contacts['Dana Rivera']}/edit",
        data={"name": "Dana Rivera", "role": "interviewer", "linkedin_url": link},
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Enter their LinkedIn profile address" in page
    assert f'value="{link}"' in page  # nothing typed is lost


def test_export_and_import_keep_the_new_fields(app, client, panel):
    application_id, contacts = panel
    client.post(f"/applications/{application_id}/followup", data={"followup_days": "10"})
    client.post(f"/applications/{application_id}/replied", data={"done": "1"})
    with app.app_context():
        user = db.session.scalar(db.select(User))
        user.linkedin_note_limit = 200
        draft = db.session.scalar(
            db.select(Draft).where(
                Draft.channel == "linkedin", Draft.contact_id == contacts["Sam Lee"]
            )
        )
        draft.connected_at = datetime(2026, 11, 22, 9, 0)
        db.session.commit()
    document = client.get("/account/export.json").json
    assert document["profile"]["linkedin_note_limit"] == 200
    acme = document["applications"][0]
    assert acme["followup_days"] == 10 and acme["replied_at"].endswith("Z")
    sam = next(c for c in acme["contacts"] if c["name"] == "Sam Lee")
    linked = next(d for d in sam["drafts"] if d["channel"] == "linkedin")
    assert linked["connected_at"] == "2026-11-22T09:00:00Z"

    from services import portability

    with app.app_context():
        user = db.session.scalar(db.select(User))
        user.linkedin_note_limit = 300
        db.session.commit()
        portability.import_account(db.session, user, document, existing="copy")
        assert user.linkedin_note_limit == 200
        copies = db.session.scalars(db.select(Application)).all()
        assert len(copies) == 2
        assert all(a.followup_days == 10 and a.replied_at is not None for a in copies)
        connected = db.session.scalars(
            db.select(Draft).where(Draft.channel == "linkedin", Draft.connected_at.is_not(None))
        ).all()
        assert len(connected) == 2


def test_import_refuses_a_bad_limit_and_bad_follow_up_days(app, client, panel):
    document = client.get("/account/export.json").json
    document["profile"]["linkedin_note_limit"] = 250
    from services import portability

    with app.app_context():
        user = db.session.scalar(db.select(User))
        with pytest.raises(portability.ImportRefused, match="linkedin_note_limit"):
            portability.import_account(db.session, user, document)
        document["profile"]["linkedin_note_limit"] = 200
        document["applications"][0]["followup_days"] = 0
        with pytest.raises(portability.ImportRefused, match="followup_days"):
            portability.import_account(db.session, user, document)


def test_sync_carries_the_follow_up_fields(app, client, panel):
    pulled = client.get("/api/sync/pull?since=0")
    changes = pulled.json["changes"]
    data = next(c["data"] for c in changes if c["entity"] == "application")
    assert data["followup_days"] == 7 and data["replied_at"] is None
    from services import sync

    assert set(sync.FIELDS["application"]) >= {"followup_days", "replied_at"}
    with pytest.raises(sync.Rejected, match="followup_days"):
        sync._clean("application", {"followup_days": 0})
    assert sync._clean("application", {"replied_at": "2026-11-25T10:00:00Z"})["replied_at"] == (
        datetime(2026, 11, 25, 10, 0)
    )
    with app.app_context():
        contact = db.session.scalar(db.select(Contact).where(Contact.role == "recruiter"))
        assert contact.name == "Priya Nair"


def test_letters_and_cards_never_print_a_linkedin_note_or_a_follow_up(app, client, panel):
    from services import printing

    application_id, _ = panel
    with app.app_context():
        application = db.session.get(Application, application_id)
        user = db.session.scalar(db.select(User))
        letters = printing.batch_notes(db.session, application, user, "letter", None)
        cards = printing.batch_notes(db.session, application, user, "a6", None)
        with_address = [c for c in application.contacts if c.deleted_at is None and c.email]
    # A card for each person; an email or wrap-up (a letter) for each with an address.
    assert len(cards) == 3 and len(letters) == len(with_address)
