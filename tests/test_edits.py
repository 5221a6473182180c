"""Edits and creates through the test client (issue 9): a form opened at an older version keeps
both texts, a form sent twice saves once, "keep both" is idempotent, and the API tells the
phone the server's time."""

from sqlalchemy import select

from extensions import db
from models import TalkingPoint
from tests.test_sync import count, mutation, new_id, push


def points(app) -> list[TalkingPoint]:
    with app.app_context():
        rows = db.session.scalars(select(TalkingPoint).where(TalkingPoint.deleted_at.is_(None)))
        found = rows.all()
        db.session.expunge_all()
        return found


def test_a_point_form_sent_twice_with_one_id_saves_one_point(app, client, panel):
    _, contacts = panel
    url = f"/contacts/{contacts['Sam Lee']}"
    point_id = new_id()
    for _ in range(2):
        client.post(url, data={"kind": "topic", "body": "Rust at the edge", "point_id": point_id})
    assert [p.id for p in points(app) if p.body == "Rust at the edge"] == [point_id]


def test_back_and_resubmit_with_a_new_id_but_the_same_text_saves_one_point(app, client, panel):
    _, contacts = panel
    url = f"/contacts/{contacts['Sam Lee']}"
    for _ in range(2):
        client.post(url, data={"kind": "topic", "body": "Rust at the edge", "point_id": new_id()})
    client.post(url, data={"kind": "topic", "body": "Rust, and Go", "point_id": new_id()})
    assert sorted(p.body for p in points(app) if p.contact_id == contacts["Sam Lee"]) == [
        "Rust at the edge",
        "Rust, and Go",
    ]


def test_edit_over_a_newer_version_keeps_both_and_a_current_one_just_saves(app, client, panel):
    point = next(p for p in points(app) if p.body.startswith("kafka"))
    url = f"/points/{point.id}/edit"
    client.post(
        url, data={"edit-kind": "topic", "edit-body": "kafka, v2", "version": point.version}
    )
    assert count(app, TalkingPoint, TalkingPoint.conflict_of.is_not(None)) == 0
    answer = client.post(
        url, data={"edit-kind": "topic", "edit-body": "kafka, stale", "version": point.version}
    )
    assert answer.status_code == 303
    copies = [p for p in points(app) if p.conflict_of == point.id]
    assert [c.body for c in copies] == ["kafka, v2"]
    assert next(p for p in points(app) if p.id == point.id).body == "kafka, stale"


def test_a_stale_edit_that_changes_nothing_makes_no_copy(app, client, panel):
    point = next(p for p in points(app) if p.body.startswith("kafka"))
    url = f"/points/{point.id}/edit"
    client.post(
        url, data={"edit-kind": "topic", "edit-body": "kafka, v2", "version": point.version}
    )
    client.post(
        url, data={"edit-kind": "topic", "edit-body": "kafka, v2", "version": point.version}
    )
    assert count(app, TalkingPoint, TalkingPoint.conflict_of.is_not(None)) == 0


def test_editing_a_point_deleted_meanwhile_keeps_the_text_then_brings_it_back(app, client, panel):
    point = next(p for p in points(app) if p.body.startswith("kafka"))
    client.post(f"/points/{point.id}/delete")
    form = {"edit-kind": "topic", "edit-body": "kafka, typed meanwhile", "version": point.version}
    answer = client.post(f"/points/{point.id}/edit", data=form)
    assert answer.status_code == 422
    page = answer.get_data(as_text=True)
    assert "deleted on another device" in page and "kafka, typed meanwhile" in page
    assert point.id not in [p.id for p in points(app)]
    client.post(f"/points/{point.id}/edit", data=dict(form, bring_back="1"))
    assert next(p for p in points(app) if p.id == point.id).body == "kafka, typed meanwhile"


def test_a_deleted_point_edit_form_is_still_not_found(client, panel):
    point_id = new_id()
    assert client.get(f"/points/{point_id}/edit").status_code == 404


def test_keep_both_sent_from_two_devices_keeps_one_copy(app, client, panel):
    point = next(p for p in points(app) if p.body.startswith("kafka"))
    # Her other point, by id: PostgreSQL returns rows in no promised order.
    other = next(p for p in points(app) if p.contact_id == point.contact_id and p.id != point.id)
    [result] = push(
        client,
        mutation("talking_point", point.id, {"body": "kafka, offline"}, base_version=None),
    )["results"]
    copy_id = result["conflict_entity_id"]
    for _ in range(2):  # each device saw the copy at version 1
        push(client, mutation("talking_point", copy_id, {"conflict_of": None}, base_version=1))
    live = [p for p in points(app) if p.contact_id == point.contact_id]
    assert sorted(p.body for p in live) == sorted([point.body, "kafka, offline", other.body])
    assert all(p.conflict_of is None for p in live)
    assert count(app, TalkingPoint) == 3


def test_an_echoed_conflict_of_is_still_ignored(app, client, panel):
    point = next(p for p in points(app) if p.body.startswith("kafka"))
    [result] = push(
        client, mutation("talking_point", point.id, {"body": "kafka, offline"}, base_version=None)
    )["results"]
    copy_id = result["conflict_entity_id"]
    push(
        client,
        mutation("talking_point", copy_id, {"conflict_of": point.id, "body": "x"}, base_version=1),
    )
    assert next(p for p in points(app) if p.id == copy_id).conflict_of == point.id


def test_the_session_tells_the_phone_the_servers_time(client, user):
    import time

    answer = client.get("/api/session").get_json()
    assert abs(answer["server_time"] - time.time() * 1000) < 60_000


def test_sign_out_asks_the_browser_to_drop_cached_pages(client, auth):
    auth.register()
    answer = auth.logout()
    assert answer.headers["Clear-Site-Data"] == '"cache"'


def _live(app, model, **where) -> list:
    with app.app_context():
        query = select(model).where(model.deleted_at.is_(None)).filter_by(**where)
        found = db.session.scalars(query).all()
        db.session.expunge_all()
        return found


def test_a_new_application_form_sent_twice_creates_one_application(app, client, user):
    from models import Application

    record_id = new_id()
    form = {"company": "Northwind", "role": "Designer", "record_id": record_id}
    answers = [client.post("/applications/new", data=form) for _ in range(2)]
    assert [a.status_code for a in answers] == [302, 302]
    assert answers[0].location == answers[1].location
    assert [a.id for a in _live(app, Application)] == [record_id]
    # Back and resubmit: a fresh id, the same typed values, within minutes: still one.
    client.post("/applications/new", data=dict(form, record_id=new_id()))
    client.post("/applications/new", data=dict(form, record_id=new_id(), role="Researcher"))
    assert sorted(a.role for a in _live(app, Application)) == ["Designer", "Researcher"]


def test_an_add_interview_form_sent_twice_adds_one_interview(app, client, panel):
    from models import Interview

    application_id, _ = panel
    before = {i.id for i in _live(app, Interview, application_id=application_id)}
    url = f"/applications/{application_id}/interviews/new"
    form = {"title": "Take-home review", "day": "2026-11-20", "start": "14:00",
            "format": "video", "people": "Mo Chen, CTO", "record_id": new_id()}  # fmt: skip
    for record_id in (form["record_id"], form["record_id"], new_id()):
        assert client.post(url, data=dict(form, record_id=record_id)).status_code == 303
    client.post(url, data=dict(form, record_id=new_id(), start="16:00"))
    # By id, not by position: PostgreSQL returns rows in no promised order.
    added = [i for i in _live(app, Interview, application_id=application_id) if i.id not in before]
    assert sorted(i.starts_at.hour for i in added) == [14, 16]


def test_a_create_form_never_takes_another_users_id(app, client, auth, user):
    from models import Application

    record_id = new_id()
    client.post("/applications/new", data={"company": "A", "role": "B", "record_id": record_id})
    auth.logout()
    auth.register("bo@example.com")
    client.post("/applications/new", data={"company": "C", "role": "D", "record_id": record_id})
    rows = {a.company: a for a in _live(app, Application)}
    assert rows["A"].id == record_id and rows["C"].id != record_id
    assert rows["A"].user_id != rows["C"].user_id
