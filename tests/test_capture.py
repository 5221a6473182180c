"""The capture flow through the web client: applications, the day's schedule, people, points."""

import re
from datetime import date

import pytest

from extensions import db
from models import Application, Contact, Interview, TalkingPoint, utcnow

HX = {"HX-Request": "true"}


def _create_application(client, **overrides):
    data = {
        "company": "Acme Robotics",
        "role": "Staff Engineer",
        "posting_url": "",
        "fit_points": "ten years of payments infrastructure\nled a Kafka migration",
    }
    data.update(overrides)
    return client.post("/applications/new", data=data)


@pytest.fixture
def application_id(app, client, user):
    response = _create_application(client)
    assert response.status_code == 302
    with app.app_context():
        return db.session.scalar(db.select(Application.id))


@pytest.fixture
def day(app, client, application_id):
    """The schedule of today's interview day, saved."""
    text = (
        "10:00 Dana Rivera, Engineering Manager\n"
        "11:30-12:15 Sam Lee (Staff Engineer), Priya Nair - Recruiter"
    )
    response = client.post(
        f"/applications/{application_id}/schedule",
        data={"day": date.today().isoformat(), "text": text, "confirm": "1"},
    )
    assert response.status_code == 303
    with app.app_context():
        interviews = db.session.scalars(db.select(Interview).order_by(Interview.starts_at)).all()
        contacts = {c.name: c.id for c in db.session.scalars(db.select(Contact))}
        return [i.id for i in interviews], contacts


def test_create_application_then_set_up_the_day(client, application_id):
    page = client.get(f"/applications/{application_id}").get_data(as_text=True)
    assert "Acme Robotics" in page and "Staff Engineer" in page


def test_application_form_keeps_values_on_error(client, user):
    response = _create_application(client, company="", posting_url="not a url")
    html = response.get_data(as_text=True)
    assert "Enter the company" in html
    assert "Enter a full web address" in html
    assert 'value="not a url"' in html
    assert "ten years of payments infrastructure" in html
    assert client.get("/").get_data(as_text=True).count("card-link") == 0


def test_schedule_preview_shows_people_and_unreadable_lines(client, application_id):
    text = "10:00 Dana Rivera, Engineering Manager\n???\n14:00 Alex Kim & Jo Park"
    response = client.post(
        f"/applications/{application_id}/schedule",
        data={"day": "2026-11-20", "text": text},
    )
    html = response.get_data(as_text=True)
    assert "Check what we understood" in html
    assert "Dana Rivera" in html and "Alex Kim" in html and "Jo Park" in html
    assert "<code>???</code>" in html
    assert 'name="slot-1-key"' in html and 'name="slot-2-key"' not in html


def test_schedule_saves_interviews_with_people_and_default_end(app, day):
    interview_ids, contacts = day
    assert set(contacts) == {"Dana Rivera", "Sam Lee", "Priya Nair"}
    with app.app_context():
        first, second = (db.session.get(Interview, i) for i in interview_ids)
        assert (first.ends_at - first.starts_at).total_seconds() == 3600
        assert (second.ends_at - second.starts_at).total_seconds() == 45 * 60
        assert [c.name for c in second.contacts] == ["Sam Lee", "Priya Nair"]
        assert db.session.get(Contact, contacts["Priya Nair"]).role == "recruiter"


def test_today_jumps_to_todays_interview(client, day):
    interview_ids, _ = day
    response = client.get("/today")
    assert response.status_code == 302
    assert response.headers["Location"].split("/")[-1] in interview_ids
    home = client.get("/").get_data(as_text=True)
    assert "Today" in home


def test_add_a_point_with_htmx_returns_the_updated_list(app, client, day):
    interview_ids, contacts = day
    url = f"/contacts/{contacts['Dana Rivera']}"
    response = client.post(
        url,
        data={
            "kind": "common_ground",
            "body": "both ran the Berlin marathon 🏃",
            "interview_id": interview_ids[0],
        },
        headers=HX,
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="capture">')
    assert "<html" not in html
    assert "both ran the Berlin marathon" in html and "Common ground" in html
    assert "Points (1)" in html
    assert response.headers["Vary"].find("HX-Request") >= 0
    with app.app_context():
        point = db.session.scalar(db.select(TalkingPoint))
        assert point.interview_id == interview_ids[0]
        assert point.kind == "common_ground"


def test_add_a_point_without_javascript_redirects_back(client, day):
    _, contacts = day
    url = f"/contacts/{contacts['Sam Lee']}"
    response = client.post(url, data={"kind": "topic", "body": "kafka migration"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "kafka migration" in page and "<html" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "topic", "body": ""}, "Type the point before saving."),
        ({"kind": "topic", "body": "x" * 5000}, "under 2,000 characters"),
        ({"kind": "gossip", "body": "keep me"}, "Not a valid choice"),
    ],
)
def test_bad_points_are_refused_beside_the_field_and_kept(app, client, day, data, message):
    _, contacts = day
    response = client.post(f"/contacts/{contacts['Sam Lee']}", data=data, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html
    if data["body"]:
        assert data["body"][:100] in html
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(TalkingPoint.id))) == 0


def test_edit_delete_and_undo_a_point(app, client, day):
    _, contacts = day
    url = f"/contacts/{contacts['Dana Rivera']}"
    client.post(url, data={"kind": "topic", "body": "kafka migrtion"})
    with app.app_context():
        point_id = db.session.scalar(db.select(TalkingPoint.id))
    form = client.get(f"/points/{point_id}/edit", headers=HX).get_data(as_text=True)
    assert "kafka migrtion" in form and "<html" not in form
    saved = client.post(
        f"/points/{point_id}/edit",
        data={"edit-kind": "their_work", "edit-body": "kafka migration"},
        headers=HX,
    ).get_data(as_text=True)
    assert "kafka migration" in saved and "Their work" in saved
    deleted = client.post(f"/points/{point_id}/delete", headers=HX).get_data(as_text=True)
    assert "Point deleted." in deleted and "Undo" in deleted and "Points (0)" in deleted
    restored = client.post(f"/points/{point_id}/restore", headers=HX).get_data(as_text=True)
    assert "kafka migration" in restored and "Points (1)" in restored
    with app.app_context():
        point = db.session.get(TalkingPoint, point_id)
        assert point.deleted_at is None and point.version == 4


def test_undo_without_javascript(client, day):
    _, contacts = day
    client.post(f"/contacts/{contacts['Dana Rivera']}", data={"kind": "topic", "body": "x1"})
    page = client.get(f"/contacts/{contacts['Dana Rivera']}").get_data(as_text=True)
    point_id = re.search(r"/points/([0-9a-f-]{36})/delete", page).group(1)
    response = client.post(f"/points/{point_id}/delete")
    assert response.status_code == 303 and "undo=" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"/points/{point_id}/restore" in page


def test_edit_point_error_retargets_the_point(client, day, app):
    _, contacts = day
    client.post(f"/contacts/{contacts['Dana Rivera']}", data={"kind": "topic", "body": "x1"})
    with app.app_context():
        point_id = db.session.scalar(db.select(TalkingPoint.id))
    response = client.post(
        f"/points/{point_id}/edit", data={"edit-kind": "topic", "edit-body": ""}, headers=HX
    )
    assert response.status_code == 422
    assert response.headers["HX-Retarget"] == f"#point-{point_id}"


def test_add_a_person_inline_to_an_interview(app, client, day):
    interview_ids, _ = day
    url = f"/interviews/{interview_ids[0]}"
    response = client.post(url, data={"person": "Ana Ortiz, Product Designer"})
    assert response.status_code == 303
    page = client.get(url).get_data(as_text=True)
    assert "Ana Ortiz" in page and "Product Designer" in page
    bad = client.post(url, data={"person": ""}, headers=HX)
    assert bad.status_code == 422 and "Type a name" in bad.get_data(as_text=True)


def test_a_person_added_with_htmx_comes_back_as_the_people_section(client, day):
    interview_ids, _ = day
    url = f"/interviews/{interview_ids[0]}"
    response = client.post(url, data={"person": "Ana Ortiz, Product Designer"}, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="people"') and "<html" not in html
    assert "Ana Ortiz" in html and "Dana Rivera" in html
    # The box is empty again for the next person.
    assert 'value="Ana Ortiz' not in html


def test_people_show_their_point_counts(client, application_id, day):
    _, contacts = day
    client.post(f"/contacts/{contacts['Dana Rivera']}", data={"kind": "topic", "body": "a"})
    client.post(f"/contacts/{contacts['Dana Rivera']}", data={"kind": "topic", "body": "b"})
    page = client.get(f"/applications/{application_id}").get_data(as_text=True)
    assert "2 points" in page and "0 points" in page
    assert "2 of them have no talking points yet" in page


def test_a_person_can_be_in_several_interviews(app, client, day):
    interview_ids, contacts = day
    client.post(f"/interviews/{interview_ids[1]}", data={"person": "Dana Rivera"})
    with app.app_context():
        dana = db.session.get(Contact, contacts["Dana Rivera"])
        assert len(dana.interviews) == 2
        assert db.session.scalar(db.select(db.func.count(Contact.id))) == 3


def test_contact_details_validate_email_and_url(client, day):
    _, contacts = day
    url = f"/contacts/{contacts['Sam Lee']}/edit"
    response = client.post(
        url, data={"name": "Sam Lee", "role": "interviewer", "email": "sam@", "linkedin_url": "x"}
    )
    html = response.get_data(as_text=True)
    assert "Enter an email address" in html and "Enter their LinkedIn profile address" in html
    assert 'value="sam@"' in html
    ok = client.post(
        url,
        data={
            "name": "Sam Lee",
            "role": "interviewer",
            "email": "sam@acme.example",
            "linkedin_url": "https://www.linkedin.com/in/samlee",
        },
    )
    assert ok.status_code == 303


def test_add_interview_by_hand_with_people(app, client, application_id):
    response = client.post(
        f"/applications/{application_id}/interviews/new",
        data={
            "title": "System design",
            "day": "2026-11-20",
            "start": "14:00",
            "end": "",
            "format": "video",
            "location": "",
            "round": "2",
            "people": "Alex Kim, Principal Engineer\nJo Park - HR",
        },
    )
    assert response.status_code == 303
    with app.app_context():
        interview = db.session.scalar(db.select(Interview))
        assert interview.format == "video"
        assert [(c.name, c.role) for c in interview.contacts] == [
            ("Alex Kim", "interviewer"),
            ("Jo Park", "hr"),
        ]


def test_interview_end_before_start_is_refused(client, application_id):
    response = client.post(
        f"/applications/{application_id}/interviews/new",
        data={"day": "2026-11-20", "start": "14:00", "end": "13:00", "format": "onsite"},
    )
    assert "The end must be after the start." in response.get_data(as_text=True)


def test_soft_deletes_hide_but_keep_tombstones(app, client, application_id, day):
    _, contacts = day
    client.post(f"/contacts/{contacts['Dana Rivera']}", data={"kind": "topic", "body": "a"})
    assert client.post(f"/contacts/{contacts['Dana Rivera']}/delete").status_code == 303
    page = client.get(f"/applications/{application_id}").get_data(as_text=True)
    assert '<span class="name">Dana Rivera' not in page
    assert client.get(f"/contacts/{contacts['Dana Rivera']}").status_code == 404
    with app.app_context():
        point = db.session.scalar(db.select(TalkingPoint))
        assert point.deleted_at is not None and point.deleted_at <= utcnow()


def test_profile_saves_and_validates_time_zone(client, user):
    bad = client.post(
        "/account/profile",
        data={
            "name": "Ana",
            "tone": "warm",
            "greeting_style": "first_name",
            "paper": "a4",
            "timezone": "Mars/Base",
        },
    )
    assert "Enter a time zone like" in bad.get_data(as_text=True)
    ok = client.post(
        "/account/profile",
        data={
            "name": "Ana",
            "tone": "formal",
            "greeting_style": "honorific",
            "paper": "a4",
            "timezone": "Europe/Berlin",
        },
    )
    assert ok.status_code == 303


def test_editing_an_interview_keeps_its_people(app, client, day):
    interview_ids, contacts = day
    dana = contacts["Dana Rivera"]
    client.post(f"/contacts/{dana}/edit", data={"name": "Dr. Dana Rivera", "role": "interviewer",
                                                "title": "Engineering Manager"})  # fmt: skip
    client.post(f"/contacts/{dana}", data={"kind": "topic", "body": "kafka"})
    form = client.get(f"/interviews/{interview_ids[0]}/edit").get_data(as_text=True)
    assert "Dr. Dana Rivera, Engineering Manager" in form
    response = client.post(
        f"/interviews/{interview_ids[0]}/edit",
        data={"day": "2026-11-20", "start": "10:30", "format": "onsite",
              "people": "Dr. Dana Rivera, Engineering Manager\nAlex Kim, Designer"},
    )  # fmt: skip
    assert response.status_code == 303
    with app.app_context():
        interview = db.session.get(Interview, interview_ids[0])
        assert next(c.id for c in interview.contacts) == dana
        assert [c.name for c in interview.contacts] == ["Dr. Dana Rivera", "Alex Kim"]
        assert db.session.scalar(db.select(db.func.count(Contact.id))) == 4


def test_an_empty_add_interview_form_asks_for_what_is_missing(app, client, application_id):
    response = client.post(
        f"/applications/{application_id}/interviews/new",
        data={"title": "", "day": "2026-11-20", "start": "", "format": "onsite", "people": ""},
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Enter when it starts" in page
    assert "Add at least one person you met" in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Interview.id))) == 0


def test_the_application_page_shows_how_the_drafts_say_each_fit_line(app, client, user):
    _create_application(client, fit_points="6 yrs front office in tokyo\nran kiosk/till ops")
    with app.app_context():
        application_id = db.session.scalar(db.select(Application.id))
    page = client.get(f"/applications/{application_id}").get_data(as_text=True)
    assert "Drafts say:</span> I have six years of experience in front office in Tokyo." in page
    assert "Left out of the drafts." in page and "(kiosk/till)" in page, "the rough line says why"
    assert "ran kiosk/till ops" in page, "the line as typed stays visible"
