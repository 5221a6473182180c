"""Each talking point keeps how the drafts read it: made on every save, shown under the point,
editable with one tap (and without JavaScript), followed by every draft, in sync and export."""

from test_sync import Day, pull_all, push

from extensions import db
from models import Contact, TalkingPoint
from services import readings

HX = {"HX-Request": "true"}


def _point(app, body_part: str) -> TalkingPoint:
    with app.app_context():
        points = db.session.scalars(db.select(TalkingPoint)).all()
        point = next(p for p in points if body_part in p.body)
        db.session.expunge(point)
        return point


def _email(client, application_id, name, channel="email"):
    drafts = client.get(f"/api/applications/{application_id}/drafts").json["drafts"]
    return next(d for d in drafts if d["contact_name"] == name and d["channel"] == channel)


def test_a_saved_point_gets_its_reading_and_the_page_shows_it(app, client, panel):
    _application_id, contacts = panel
    point = _point(app, "kafka migration")
    assert "kafka migration for the payments ledger" in point.reading.lower()
    assert point.reading.endswith(".") and not point.reading_edited
    page = client.get(f"/contacts/{contacts['Dana Rivera']}").get_data(as_text=True)
    assert point.reading in page
    assert f'href="/points/{point.id}/reading"' in page, "the edit link works without JS"


def test_editing_the_reading_changes_every_draft_that_uses_it(app, client, panel):
    application_id, _contacts = panel
    point = _point(app, "kafka migration")
    form = client.get(f"/points/{point.id}/reading", headers=HX)
    assert form.status_code == 200 and "<form" in form.get_data(as_text=True)
    mine = "I keep thinking about how you plan to move the ledger onto Kafka."
    fragment = client.post(f"/points/{point.id}/reading", data={"reading": mine}, headers=HX)
    assert fragment.status_code == 200
    html = fragment.get_data(as_text=True)
    assert mine in html and "Your wording" in html and "<html" not in html
    assert mine in _email(client, application_id, "Dana Rivera")["body"]
    assert mine in _email(client, application_id, "Dana Rivera", "card")["body"]
    # Changing the jot's text keeps the user's own reading.
    client.post(f"/points/{point.id}/edit", data={"edit-kind": "topic", "edit-body": "kafka!!"})
    assert _point(app, "kafka!!").reading == mine
    # Without JavaScript: a plain form post, then back to the person's page.
    response = client.post(f"/points/{point.id}/reading", data={"reading": "", "automatic": "1"})
    assert response.status_code == 303
    point = _point(app, "kafka!!")
    assert not point.reading_edited and point.reading != mine
    assert mine not in _email(client, application_id, "Dana Rivera")["body"]


def test_a_jot_the_reader_cannot_read_is_flagged_not_pasted(app, client, panel):
    application_id, contacts = panel
    dana = f"/contacts/{contacts['Dana Rivera']}"
    client.post(
        dana, data={"kind": "wish_said", "body": "I fumbled the hydraulic modeling question"}
    )
    point = _point(app, "hydraulic")
    assert point.reading == "" and not point.reading_edited
    page = client.get(dana).get_data(as_text=True)
    assert "Left out of the drafts." in page and "Add the answer you wish you had given" in page
    assert "hydraulic" not in _email(client, application_id, "Dana Rivera")["body"]


def test_a_person_can_have_their_own_greeting_style(app, client, panel):
    application_id, contacts = panel
    client.post(
        f"/contacts/{contacts['Dana Rivera']}/edit",
        data={"name": "Dr. Dana Rivera", "role": "interviewer", "email": "dana@acme.example",
              "greeting_style": "honorific"},
    )  # fmt: skip
    with app.app_context():
        assert db.session.get(Contact, contacts["Dana Rivera"]).greeting_style == "honorific"
    drafts = client.get(f"/api/applications/{application_id}/drafts").json["drafts"]
    email = next(
        d for d in drafts if d["contact_name"] == "Dr. Dana Rivera" and d["channel"] == "email"
    )
    assert email["body"].startswith("Dear Dr. Rivera,")


def test_a_synced_point_gets_its_reading_and_a_pull_carries_it(app, client, user):
    day = Day()
    push(client, *day.mutations)
    records = [r for r in pull_all(client)["changes"] if r["entity"] == "talking_point"]
    assert records and records[0]["data"]["reading"] == _point(app, "Kafka").reading
    assert records[0]["data"]["reading"] and records[0]["data"]["reading_edited"] is False


def test_export_and_import_keep_readings(app, client, panel):
    point = _point(app, "kafka migration")
    client.post(f"/points/{point.id}/reading", data={"reading": "My own words."})
    exported = client.get("/account/export.json").get_json()
    points = [
        p for a in exported["applications"] for c in a["contacts"] for p in c["talking_points"]
    ]
    mine = next(p for p in points if p["id"] == point.id)
    assert mine["reading"] == "My own words." and mine["reading_edited"] is True


def test_a_recruiters_point_reads_they_as_the_company(app, panel):
    from tests import factories

    _application_id, contacts = panel
    with app.app_context():
        priya = db.session.get(Contact, contacts["Priya Nair"])
        point = factories.make_point(priya, "says they want a decision by fri", kind="other")
        assert point.reading == ""  # an "other" jot is kept out, and offered
        offered = readings.shown(point, priya.name, "warm").suggestion
        assert "they want a decision by Friday" in offered, offered


def test_an_other_note_is_kept_out_and_one_tap_puts_the_offered_wording_in(app, client, panel):
    application_id, contacts = panel
    dana = f"/contacts/{contacts['Dana Rivera']}"
    client.post(dana, data={"kind": "other", "body": "medical check-up before start, they pay"})
    point = _point(app, "medical check-up")
    assert point.reading == "" and not point.reading_edited
    offered = _offered(app, point.id)
    assert "the medical check-up before starting" in offered, offered
    page = client.get(dana).get_data(as_text=True)
    assert "Left out of the drafts." in page and "Offered wording:" in page
    assert "Use this wording" in page and offered in page
    assert "medical" not in _email(client, application_id, "Dana Rivera")["body"]
    # The button posts the wording as the user's own; every draft then says it.
    fragment = client.post(f"/points/{point.id}/reading", data={"reading": offered}, headers=HX)
    assert fragment.status_code == 200 and "Your wording" in fragment.get_data(as_text=True)
    assert _point(app, "medical check-up").reading_edited
    assert offered in _email(client, application_id, "Dana Rivera")["body"]
    # The editor opens on the offered wording too, so a small change is one edit away.
    client.post(dana, data={"kind": "other", "body": "canteen on site, lunch is subsidised"})
    canteen = _point(app, "canteen")
    form = client.get(f"/points/{canteen.id}/reading", headers=HX).get_data(as_text=True)
    assert "the canteen on site" in _offered(app, canteen.id)
    assert _offered(app, canteen.id) in form.replace("&#39;", "'")


def _offered(app, point_id: str) -> str:
    with app.app_context():
        point = db.session.get(TalkingPoint, point_id)
        return readings.shown(point, point.contact.name, "warm").suggestion


def test_a_tour_they_gave_is_said_without_asking(app, client, panel):
    application_id, contacts = panel
    dana = f"/contacts/{contacts['Dana Rivera']}"
    client.post(dana, data={"kind": "other", "body": "showed me the control room 🤩"})
    assert "showing me the control room" in _point(app, "control room").reading
    assert "showing me the control room" in _email(client, application_id, "Dana Rivera")["body"]
