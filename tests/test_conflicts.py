"""Records edited on two devices: conflict copies stay out of notes and counts until the user
keeps one version, keeps both, or discards the other."""

import uuid

import pytest

from extensions import db
from models import Contact, Draft, TalkingPoint


def _push(client, *mutations):
    response = client.post("/api/sync/push", json={"mutations": list(mutations)})
    assert response.status_code == 200
    return response.json["results"]


def _edit_point(point_id, body, base_version):
    return {
        "id": str(uuid.uuid4()),
        "entity": "talking_point",
        "op": "upsert",
        "entity_id": point_id,
        "base_version": base_version,
        "data": {"body": body},
    }


@pytest.fixture
def point_conflict(app, client, panel):
    """Dana's first point edited on the laptop (v2) and, from v1, on the phone: a copy."""
    _, contacts = panel
    with app.app_context():
        point = db.session.scalar(
            db.select(TalkingPoint).where(TalkingPoint.contact_id == contacts["Dana Rivera"])
            .order_by(TalkingPoint.created_at)
        )  # fmt: skip
        point_id = point.id
    assert _push(client, _edit_point(point_id, "laptop text", 1))[0]["status"] == "applied"
    result = _push(client, _edit_point(point_id, "phone text", 1))[0]
    assert result["status"] == "conflict"
    return contacts["Dana Rivera"], point_id, result["conflict_entity_id"]


def test_copies_stay_out_of_counts_and_notes(client, panel, point_conflict):
    application_id, _ = panel
    contact_id, _, _ = point_conflict
    page = client.get(f"/applications/{application_id}").get_data(as_text=True)
    assert "2 points" in page  # Dana's two points; the copy waits for a choice
    person = client.get(f"/contacts/{contact_id}").get_data(as_text=True)
    assert "Changed on two devices" in person
    assert "laptop text" in person and "phone text" in person
    drafts = client.get(f"/api/applications/{application_id}/drafts").json["drafts"]
    assert not any("phone text" in d["body"] for d in drafts)


@pytest.mark.parametrize(
    ("choice", "bodies"),
    [
        ("keep_copy", ["phone text"]),
        ("keep_both", ["laptop text", "phone text"]),
        ("discard", ["laptop text"]),
    ],
)
def test_resolving_a_point_conflict(app, client, point_conflict, choice, bodies):
    contact_id, _point_id, copy_id = point_conflict
    response = client.post(f"/conflicts/{copy_id}", data={"choice": choice})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/contacts/{contact_id}")
    with app.app_context():
        live = db.session.scalars(
            db.select(TalkingPoint.body).where(
                TalkingPoint.contact_id == contact_id, TalkingPoint.is_live,
                TalkingPoint.body.in_(["laptop text", "phone text"]))
        ).all()  # fmt: skip
    assert sorted(live) == bodies
    page = client.get(f"/contacts/{contact_id}").get_data(as_text=True)
    assert "Changed on two devices" not in page
    assert client.post(f"/conflicts/{copy_id}", data={"choice": choice}).status_code == 404


def test_contact_conflict_does_not_double_the_notes(app, client, panel):
    application_id, contacts = panel
    dana = contacts["Dana Rivera"]
    edit = {"entity": "contact", "op": "upsert", "entity_id": dana, "base_version": 1}
    _push(client, dict(edit, id=str(uuid.uuid4()), data={"title": "Director"}))
    result = _push(client, dict(edit, id=str(uuid.uuid4()), data={"title": "VP Design"}))[0]
    with app.app_context():
        version = db.session.get(Contact, dana).version
    assert result["status"] == "conflict" and version >= 2
    drafts = client.get(f"/api/applications/{application_id}/drafts").json["drafts"]
    assert sum(d["contact_name"] == "Dana Rivera" for d in drafts) == 3  # email, card, LinkedIn
    page = client.get(f"/applications/{application_id}").get_data(as_text=True)
    assert "VP Design" in page and "Director" in page
    client.post(f"/conflicts/{result['conflict_entity_id']}", data={"choice": "keep_copy"})
    with app.app_context():
        assert db.session.get(Contact, dana).title == "VP Design"
        # 3 people x (a note, a card, a LinkedIn note), and the recruiter's follow-up.
        assert db.session.scalar(db.select(db.func.count(Draft.id))) == 10


def test_unknown_choice_is_refused(client, point_conflict):
    _, _, copy_id = point_conflict
    assert client.post(f"/conflicts/{copy_id}", data={"choice": "merge"}).status_code == 400
