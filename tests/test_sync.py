"""The sync API and engine: at most once, conflicts kept as copies, gap-free paging, ownership."""

import json
import uuid

import pytest
from itsdangerous.timed import TimestampSigner
from sqlalchemy import func, select

from extensions import db
from models import (
    Application,
    AppliedMutation,
    Contact,
    Interview,
    TalkingPoint,
    User,
    interview_contacts,
)
from services import sync
from tests.conftest import PASSWORD, AuthActions, csrf_from


def new_id() -> str:
    return str(uuid.uuid4())


def mutation(entity, entity_id, data=None, *, op="upsert", base_version=None, mutation_id=None):
    return {
        "id": mutation_id or new_id(),
        "entity": entity,
        "op": op,
        "entity_id": entity_id,
        "base_version": base_version,
        "data": data or {},
    }


def push(client, *mutations, headers=None):
    response = client.post("/api/sync/push", json={"mutations": list(mutations)}, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def pull_all(client, since=0, limit=1000):
    response = client.get(f"/api/sync/pull?since={since}&limit={limit}")
    assert response.status_code == 200
    return response.get_json()


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


class Day:
    """One application with an interview, a person in it and a point, as a phone would queue it."""

    def __init__(self):
        self.application, self.interview, self.contact, self.point = (new_id() for _ in range(4))
        self.mutations = [
            mutation("application", self.application, {"company": "Acme", "role": "Engineer"}),
            mutation(
                "interview",
                self.interview,
                {"application_id": self.application, "starts_at": "2025-03-04T10:00:00Z"},
            ),
            mutation(
                "contact",
                self.contact,
                {
                    "application_id": self.application,
                    "name": "Dana Rivera",
                    "role": "interviewer",
                    "interview_ids": [self.interview],
                },
            ),
            mutation(
                "talking_point",
                self.point,
                {"contact_id": self.contact, "interview_id": self.interview, "body": "Kafka"},
            ),
        ]


@pytest.fixture
def day(client, user):
    """Ana's day, pushed once."""
    day = Day()
    results = push(client, *day.mutations)["results"]
    assert [r["status"] for r in results] == ["applied"] * 4
    return day


def point_body(app, point_id) -> str:
    with app.app_context():
        return db.session.get(TalkingPoint, point_id).body


# --- At most once --------------------------------------------------------------------------


def test_same_batch_pushed_three_times_leaves_one_row_per_item(app, client, user):
    day = Day()
    first, second, third = (push(client, *day.mutations) for _ in range(3))
    assert {r["status"] for r in first["results"]} == {"applied"}
    for replay in (second, third):
        assert [r["status"] for r in replay["results"]] == ["duplicate"] * 4
        for original, again in zip(first["results"], replay["results"], strict=True):
            assert again["entity_id"] == original["entity_id"]
            assert again["version"] == original["version"] == 1
            assert again["original_status"] == "applied"
    for model in (Application, Interview, Contact, TalkingPoint):
        assert count(app, model) == 1
    assert count(app, AppliedMutation) == 4
    # Replays wrote nothing: the cursor did not move.
    assert first["cursor"] == second["cursor"] == third["cursor"] == 4


def test_push_whose_response_is_lost_is_retried_without_new_rows(app, user):
    day = Day()
    with app.app_context():
        sync.push(db.session, user.id, day.mutations)  # the answer never reaches the phone
        db.session.remove()
        again = sync.push(db.session, user.id, day.mutations)
    assert [r["status"] for r in again["results"]] == ["duplicate"] * 4
    assert count(app, TalkingPoint) == 1
    assert count(app, Contact) == 1


def test_same_mutation_twice_in_one_push_is_applied_once(app, client, user):
    day = Day()
    results = push(client, *day.mutations, day.mutations[-1])["results"]
    assert results[-1]["status"] == "duplicate"
    assert count(app, TalkingPoint) == 1


# --- Conflicts -----------------------------------------------------------------------------


def test_two_devices_editing_one_point_keep_both_texts(app, client, day):
    laptop = app.test_client()
    AuthActions(laptop).login()
    phone_edit = mutation(
        "talking_point", day.point, {"body": "Kafka, and their on-call"}, base_version=1
    )
    laptop_edit = mutation("talking_point", day.point, {"body": "Kafka migration"}, base_version=1)

    assert push(laptop, laptop_edit)["results"][0] == {
        "id": laptop_edit["id"],
        "status": "applied",
        "entity_id": day.point,
        "version": 2,
    }
    result = push(client, phone_edit)["results"][0]
    copy_id = sync.conflict_copy_id(day_user_id(app), phone_edit["id"])
    assert result == {
        "id": phone_edit["id"],
        "status": "conflict",
        "entity_id": day.point,
        "version": 2,
        "conflict_entity_id": copy_id,
    }

    for device in (client, laptop):
        points = {
            c["entity_id"]: c["data"]
            for c in pull_all(device)["changes"]
            if c["entity"] == "talking_point"
        }
        assert points[day.point]["body"] == "Kafka migration"
        assert points[copy_id]["body"] == "Kafka, and their on-call"
        assert points[copy_id]["conflict_of"] == day.point
        assert points[copy_id]["contact_id"] == day.contact
        assert points[copy_id]["interview_id"] == day.interview

    replay = push(client, phone_edit)["results"][0]
    assert replay["status"] == "duplicate"
    assert replay["conflict_entity_id"] == copy_id
    assert count(app, TalkingPoint, TalkingPoint.conflict_of == day.point) == 1


def day_user_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.email == "ana@example.com"))


def test_unknown_base_version_never_overwrites(app, client, day):
    result = push(client, mutation("talking_point", day.point, {"body": "blind write"}))
    assert result["results"][0]["status"] == "conflict"
    assert point_body(app, day.point) == "Kafka"


def test_stale_write_that_changes_nothing_makes_no_copy(app, client, day):
    push(client, mutation("talking_point", day.point, {"kind": "promise"}, base_version=1))
    result = push(client, mutation("talking_point", day.point, {"body": "Kafka"}, base_version=1))
    assert result["results"][0]["status"] == "applied"
    assert result["results"][0]["version"] == 2
    assert count(app, TalkingPoint) == 1


def test_contact_conflict_copy_keeps_its_interviews(app, client, day):
    push(client, mutation("contact", day.contact, {"title": "EM"}, base_version=1))
    result = push(client, mutation("contact", day.contact, {"title": "Director"}, base_version=1))
    copy_id = result["results"][0]["conflict_entity_id"]
    with app.app_context():
        copy = db.session.get(Contact, copy_id)
        assert (copy.title, copy.name, copy.conflict_of) == ("Director", "Dana Rivera", day.contact)
        assert [i.id for i in copy.interviews] == [day.interview]
        assert db.session.get(Contact, day.contact).title == "EM"


# --- Edit versus delete --------------------------------------------------------------------


def test_edit_after_delete_on_another_device_revives_the_point(app, client, day):
    deleted = push(client, mutation("talking_point", day.point, op="delete", base_version=1))
    assert deleted["results"][0]["status"] == "applied"
    edit = mutation("talking_point", day.point, {"body": "Kafka, in detail"}, base_version=1)
    result = push(client, edit)["results"][0]
    assert result["status"] == "applied"
    change = next(c for c in pull_all(client)["changes"] if c["entity_id"] == day.point)
    assert change["deleted"] is False
    assert change["data"]["body"] == "Kafka, in detail"
    assert change["version"] == result["version"] == 3


def test_delete_of_an_edited_point_keeps_the_edit(app, client, day):
    push(client, mutation("talking_point", day.point, {"body": "Kafka, edited"}, base_version=1))
    result = push(client, mutation("talking_point", day.point, op="delete", base_version=1))
    assert result["results"][0]["status"] == "conflict"
    assert result["results"][0]["version"] == 2
    assert "conflict_entity_id" not in result["results"][0]
    with app.app_context():
        point = db.session.get(TalkingPoint, day.point)
        assert (point.body, point.deleted_at) == ("Kafka, edited", None)


def test_delete_without_base_version_deletes_nothing(app, client, day):
    result = push(client, mutation("talking_point", day.point, op="delete"))
    assert result["results"][0]["status"] == "conflict"
    assert count(app, TalkingPoint, TalkingPoint.deleted_at.is_(None)) == 1


def test_deleting_a_contact_tombstones_its_points_and_a_late_point_revives_it(app, client, day):
    push(client, mutation("contact", day.contact, op="delete", base_version=1))
    tombstones = {c["entity_id"]: c["deleted"] for c in pull_all(client, since=4)["changes"]}
    assert tombstones == {day.contact: True, day.point: True}

    late = new_id()
    result = push(
        client, mutation("talking_point", late, {"contact_id": day.contact, "body": "PTO"})
    )
    assert result["results"][0]["status"] == "applied"
    with app.app_context():
        assert db.session.get(Contact, day.contact).deleted_at is None
        assert db.session.get(TalkingPoint, late).deleted_at is None
        # Only what was written comes back; the deleted point stays deleted.
        assert db.session.get(TalkingPoint, day.point).deleted_at is not None


def test_stale_write_that_changes_nothing_does_not_undo_a_delete(app, client, day):
    push(client, mutation("talking_point", day.point, op="delete", base_version=1))
    result = push(client, mutation("talking_point", day.point, {"body": "Kafka"}, base_version=1))
    assert result["results"][0]["status"] == "conflict"
    assert count(app, TalkingPoint, TalkingPoint.deleted_at.is_(None)) == 0


def test_deleting_an_application_tombstones_everything_under_it(app, client, day):
    push(client, mutation("application", day.application, op="delete", base_version=1))
    changes = pull_all(client, since=4)["changes"]
    assert {c["entity_id"] for c in changes if c["deleted"]} == {
        day.application,
        day.interview,
        day.contact,
        day.point,
    }


def test_delete_of_something_the_server_never_saw_is_a_no_op(app, client, user):
    result = push(client, mutation("talking_point", new_id(), op="delete", base_version=1))
    assert result["results"][0]["status"] == "applied"
    assert result["results"][0]["version"] is None


# --- Fields --------------------------------------------------------------------------------


def test_upsert_changes_only_the_fields_given(app, client, day):
    push(client, mutation("talking_point", day.point, {"kind": "promise"}, base_version=1))
    with app.app_context():
        point = db.session.get(TalkingPoint, day.point)
        assert (point.kind, point.body, point.interview_id) == ("promise", "Kafka", day.interview)
        assert point.version == 2


def test_times_with_offsets_are_stored_as_utc(app, client, day):
    data = {"starts_at": "2025-03-04T10:00:00+02:00", "ends_at": "2025-03-04T09:00:00Z"}
    push(client, mutation("interview", day.interview, data, base_version=1))
    change = next(c for c in pull_all(client)["changes"] if c["entity_id"] == day.interview)
    assert change["data"]["starts_at"] == "2025-03-04T08:00:00Z"
    assert change["data"]["ends_at"] == "2025-03-04T09:00:00Z"


def test_interview_ids_set_the_people_of_each_interview(app, client, day):
    second = new_id()
    push(
        client,
        mutation("interview", second, {"application_id": day.application, "title": "Panel"}),
        mutation("contact", day.contact, {"interview_ids": [second]}, base_version=1),
    )
    with app.app_context():
        assert [i.id for i in db.session.get(Contact, day.contact).interviews] == [second]
    change = next(c for c in pull_all(client)["changes"] if c["entity_id"] == day.contact)
    assert change["data"]["interview_ids"] == [second]


BAD = [
    ({"entity": "draft"}, "entity must be one of"),
    ({"op": "merge"}, "op must be upsert or delete"),
    ({"entity_id": "point-1"}, "entity_id must be a UUID"),
    ({"base_version": "1"}, "base_version must be"),
    ({"data": {"body": 42}}, "body must be a string"),
    ({"data": {"body": "x" * 2001}}, "body is longer than 2,000 characters"),
    ({"data": {"body": "   "}}, "body must not be empty"),
    ({"data": {"body": "a\x00b"}}, "not text"),
    ({"data": {"kind": "gossip"}}, "kind must be one of topic"),
    ({"data": {"bdy": "typo"}}, "has no field 'bdy'"),
    ({"data": {"interview_id": "nope"}}, "interview_id must be a UUID"),
    ({"data": {"contact_id": None}}, "contact_id must be a UUID"),
]


@pytest.mark.parametrize(("change", "error"), BAD)
def test_bad_point_is_rejected_and_the_rest_applied(app, client, day, change, error):
    bad = mutation("talking_point", new_id(), {"contact_id": day.contact, "body": "ok"})
    bad.update(change)
    good = mutation("talking_point", new_id(), {"contact_id": day.contact, "body": "fine"})
    results = push(client, bad, good)["results"]
    assert results[0]["status"] == "rejected"
    assert error in results[0]["error"]
    assert results[0]["version"] is None
    assert results[1]["status"] == "applied"
    assert count(app, TalkingPoint) == 2


@pytest.mark.parametrize(
    ("entity", "data", "error"),
    [
        ("application", {"company": "", "role": "Dev"}, "company must not be empty"),
        ("application", {"company": "Acme"}, "needs role"),
        (
            "application",
            {"company": "A", "role": "R", "posting_url": "javascript:x"},
            "web address",
        ),
        ("contact", {"name": "", "application_id": "APP"}, "name must not be empty"),
        ("contact", {"name": "Bo", "application_id": "APP", "role": "boss"}, "role must be one of"),
        ("contact", {"name": "Bo", "application_id": "APP", "got_card": "yes"}, "true or false"),
        ("contact", {"name": "Bo", "application_id": "APP", "email": "bo"}, "email address"),
        (
            "contact",
            {"name": "Bo", "application_id": "APP", "email": 'a,b"c@x.co'},
            "email address",
        ),
        ("contact", {"name": "Bo", "application_id": new_id()}, "is not one of your records"),
        ("interview", {"application_id": "APP", "starts_at": "tuesday"}, "not an ISO 8601"),
        (
            "interview",
            {"application_id": "APP", "starts_at": "2025-01-02T10:00Z", "ends_at": "2025-01-02"},
            "ends_at is before starts_at",
        ),
    ],
)
def test_bad_fields_are_rejected_by_name(app, client, day, entity, data, error):
    data = {k: day.application if v == "APP" else v for k, v in data.items()}
    result = push(client, mutation(entity, new_id(), data))["results"][0]
    assert result["status"] == "rejected"
    assert error in result["error"]


def test_rejected_mutation_leaves_nothing_half_written(app, client, day):
    other = new_id()
    push(client, mutation("application", other, {"company": "Other", "role": "Dev"}))
    elsewhere = new_id()
    push(client, mutation("interview", elsewhere, {"application_id": other}))
    with app.app_context():
        links_before = db.session.scalar(select(func.count()).select_from(interview_contacts))
        counter_before = db.session.scalar(select(User.change_counter))
    person = mutation(
        "contact",
        new_id(),
        {
            "application_id": day.application,
            "name": "Sam",
            "interview_ids": [day.interview, elsewhere],
        },
    )
    moved = mutation("contact", day.contact, {"application_id": other}, base_version=1)
    results = push(client, person, moved)["results"]
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert "another application" in results[0]["error"]
    assert "cannot change" in results[1]["error"]
    with app.app_context():
        assert db.session.get(Contact, person["entity_id"]) is None
        assert (
            db.session.scalar(select(func.count()).select_from(interview_contacts)) == links_before
        )
        assert db.session.get(Contact, day.contact).application_id == day.application
        # Nothing took a change number, and nothing went into the ledger.
        assert db.session.scalar(select(User.change_counter)) == counter_before
        ledger = select(AppliedMutation).where(AppliedMutation.id == person["id"])
        assert db.session.scalar(ledger) is None


def test_rejected_mutation_is_not_recorded_and_can_be_sent_again(app, client, user):
    day = Day()
    early_point = day.mutations[3]
    assert push(client, early_point)["results"][0]["status"] == "rejected"
    results = push(client, *day.mutations)["results"]
    assert [r["status"] for r in results] == ["applied"] * 4


# --- Pull ----------------------------------------------------------------------------------


def test_pull_pages_through_every_change_with_tombstones(app, client, day):
    extra = [new_id() for _ in range(5)]
    push(
        client,
        *(
            mutation("talking_point", p, {"contact_id": day.contact, "body": f"p{n}"})
            for n, p in enumerate(extra)
        ),
    )
    push(client, mutation("talking_point", extra[0], op="delete", base_version=1))
    push(client, mutation("talking_point", extra[1], {"body": "p1 edited"}, base_version=1))

    seen, cursor, pages = {}, 0, []
    while True:
        page = client.get(f"/api/sync/pull?since={cursor}&limit=3").get_json()
        pages.append(page)
        numbers = [c["change_seq"] for c in page["changes"]]
        assert numbers == sorted(numbers) and all(n > cursor for n in numbers)
        seen.update({c["entity_id"]: c for c in page["changes"]})
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert [len(p["changes"]) for p in pages] == [3, 3, 3]
    assert [p["has_more"] for p in pages] == [True, True, False]
    assert cursor == 11
    assert set(seen) == {day.application, day.interview, day.contact, day.point, *extra}
    assert seen[extra[0]]["deleted"] is True
    assert seen[extra[1]]["data"]["body"] == "p1 edited"
    assert seen[extra[1]]["version"] == 2

    empty = client.get(f"/api/sync/pull?since={cursor}").get_json()
    assert empty == {"changes": [], "cursor": cursor, "has_more": False}


def test_pull_cursor_never_stops_short_of_rewritten_numbers(app, client, day):
    """Numbers 1-4 were rewritten as 5-8: a pull since 0 with limit 4 reads them all at once."""
    for entity, entity_id in (
        ("application", day.application),
        ("interview", day.interview),
        ("contact", day.contact),
        ("talking_point", day.point),
    ):
        push(client, mutation(entity, entity_id, {}, base_version=1) | {"data": _touch(entity)})
    page = client.get("/api/sync/pull?since=0&limit=4").get_json()
    assert [c["change_seq"] for c in page["changes"]] == [5, 6, 7, 8]
    assert (page["cursor"], page["has_more"]) == (8, False)


def _touch(entity: str) -> dict:
    return {
        "application": {"role": "Senior Engineer"},
        "interview": {"title": "Onsite"},
        "contact": {"title": "EM"},
        "talking_point": {"body": "Kafka!"},
    }[entity]


def test_push_cursor_is_the_counter_after_the_push(app, client, day):
    result = push(client, mutation("talking_point", day.point, {"body": "v2"}, base_version=1))
    assert result["cursor"] == 5
    assert pull_all(client, since=4)["cursor"] == 5


def test_the_largest_cursor_pulls_nothing(client, user):
    response = client.get(f"/api/sync/pull?since={sync.MAX_CURSOR}")
    assert response.status_code == 200 and response.get_json()["changes"] == []


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("since=-1", "bad_cursor"),
        ("since=abc", "bad_cursor"),
        ("limit=0", "bad_limit"),
        (f"since={2**63}", "bad_cursor"),
        (f"since={2**31}", "bad_cursor"),
        (f"since={10**30}", "bad_cursor"),
        ("since=" + "9" * 5000, "bad_cursor"),
        ("limit=" + "0" * 30, "bad_limit"),
    ],
)
def test_bad_pull_arguments_are_400_json(client, user, query, code):
    response = client.get(f"/api/sync/pull?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == code


def test_pull_limit_is_capped(app, user):
    assert sync.parse_window("7", "5000") == (7, sync.MAX_LIMIT)
    assert sync.parse_window("7", "9" * 5000) == (7, sync.MAX_LIMIT)
    assert sync.parse_window(None, None) == (0, sync.DEFAULT_LIMIT)


# --- Ownership -----------------------------------------------------------------------------


def test_another_users_ids_are_rejected_and_never_pulled(app, client, day):
    auth = AuthActions(client)
    auth.logout()
    auth.register(email="ben@example.com", name="Ben")
    mine = new_id()
    attempts = [
        mutation("talking_point", day.point, {"body": "pwned"}, base_version=1),
        mutation("talking_point", day.point, op="delete", base_version=1),
        mutation("talking_point", new_id(), {"contact_id": day.contact, "body": "pwned"}),
        mutation("contact", new_id(), {"application_id": day.application, "name": "Mallory"}),
        mutation("application", mine, {"company": "Ben's", "role": "Dev"}),
        mutation(
            "interview",
            new_id(),
            {"application_id": mine},
            # Ana's mutation ids mean nothing in Ben's ledger.
            mutation_id=day.mutations[1]["id"],
        ),
        mutation(
            "contact",
            new_id(),
            {"application_id": mine, "name": "Bo", "interview_ids": [day.interview]},
        ),
    ]
    results = push(client, *attempts)["results"]
    assert [r["status"] for r in results] == [
        "rejected",
        "rejected",
        "rejected",
        "rejected",
        "applied",
        "applied",
        "rejected",
    ]
    assert "Kafka" not in json.dumps(results)
    assert point_body(app, day.point) == "Kafka"
    assert count(app, TalkingPoint, TalkingPoint.deleted_at.is_(None)) == 1

    changes = pull_all(client)["changes"]
    assert {c["entity"] for c in changes} == {"application", "interview"}
    ana_ids = {day.application, day.interview, day.contact, day.point}
    assert not ana_ids & {c["entity_id"] for c in changes}


# --- HTTP: sign-in, body, CSRF -------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url"),
    [("GET", "/api/session"), ("POST", "/api/sync/push"), ("GET", "/api/sync/pull?since=0")],
)
def test_api_without_session_is_401_json(client, method, url):
    response = client.open(url, method=method, json={"mutations": []})
    assert response.status_code == 401
    assert response.is_json
    assert response.get_json()["error"]["code"] == "not_signed_in"
    assert "Location" not in response.headers


def test_session_names_the_account(client, user):
    response = client.get("/api/session")
    body = response.get_json()
    assert (body["user_id"], body["email"]) == (user.id, "ana@example.com")
    assert body["csrf_token"]
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b'{"mutations": [', "malformed_json"),
        (b"\xff\xfe", "malformed_json"),
        (b"[" * 100_000, "malformed_json"),
        (b"[]", "bad_batch"),
        (b'{"mutations": {}}', "bad_batch"),
        (b"", "malformed_json"),
    ],
)
def test_malformed_push_body_is_400_json(client, user, body, code):
    response = client.post("/api/sync/push", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == code
    assert response.get_json()["error"]["message"]


def test_more_than_500_mutations_is_413(app, client, day):
    batch = [
        mutation("talking_point", new_id(), {"contact_id": day.contact, "body": "x"})
        for _ in range(501)
    ]
    response = client.post("/api/sync/push", json={"mutations": batch})
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "too_many"
    assert count(app, TalkingPoint) == 1


def test_body_over_one_mebibyte_is_413(app, client, day):
    batch = [
        mutation("talking_point", new_id(), {"contact_id": day.contact, "body": "x" * 2000})
        for _ in range(500)
    ]
    body = json.dumps({"mutations": batch, "padding": "x" * 100_000}).encode()
    assert len(body) > sync.MAX_BODY_BYTES
    response = client.post("/api/sync/push", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "too_large"
    assert count(app, TalkingPoint) == 1


@pytest.fixture
def csrf_app(app_config):
    """The app as deployed: CSRF checked, tokens valid for one second."""
    from app import create_app

    csrf_app = create_app(dict(app_config, WTF_CSRF_ENABLED=True, WTF_CSRF_TIME_LIMIT=1))
    yield csrf_app
    with csrf_app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def phone(app, csrf_app):
    """A client of the CSRF-checking app, signed in as Ana."""
    phone = csrf_app.test_client()
    token = csrf_from(phone.get("/register").get_data(as_text=True))
    phone.post(
        "/register",
        data={
            "email": "ana@example.com",
            "password": PASSWORD,
            "name": "Ana",
            "timezone": "UTC",
            "csrf_token": token,
        },
    )
    assert phone.get("/api/session").status_code == 200
    return phone


def fresh_token(client) -> str:
    return client.get("/api/session").get_json()["csrf_token"]


def test_push_without_csrf_token_is_400_json(app, phone):
    response = phone.post("/api/sync/push", json={"mutations": Day().mutations})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "csrf" and "missing" in error["message"]
    assert count(app, Application) == 0


def test_token_from_api_session_works(app, phone):
    headers = {"X-CSRFToken": fresh_token(phone)}
    results = push(phone, *Day().mutations, headers=headers)["results"]
    assert {r["status"] for r in results} == {"applied"}


def test_expired_csrf_token_does_not_lose_a_sync(app, phone, monkeypatch):
    day = Day()
    old_token = fresh_token(phone)  # fetched before the phone went offline
    real = TimestampSigner.get_timestamp
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: real(self) + 60)

    stale = phone.post(
        "/api/sync/push", json={"mutations": day.mutations}, headers={"X-CSRFToken": old_token}
    )
    assert stale.status_code == 400
    assert stale.get_json()["error"]["code"] == "csrf"
    assert "expired" in stale.get_json()["error"]["message"]
    assert count(app, TalkingPoint) == 0

    # The client's next sync run starts by fetching a fresh token, then sends the same outbox.
    headers = {"X-CSRFToken": fresh_token(phone)}
    assert {r["status"] for r in push(phone, *day.mutations, headers=headers)["results"]} == {
        "applied"
    }
    again = push(phone, *day.mutations, headers=headers)["results"]
    assert {r["status"] for r in again} == {"duplicate"}
    assert count(app, TalkingPoint) == 1


def test_signed_out_queue_syncs_after_sign_in(app, phone):
    day = Day()
    headers = {"X-CSRFToken": fresh_token(phone)}
    phone.post("/logout", data={"csrf_token": headers["X-CSRFToken"]})
    assert phone.get("/api/session").status_code == 401
    response = phone.post("/api/sync/push", json={"mutations": day.mutations}, headers=headers)
    assert response.status_code in (400, 401)
    assert response.is_json

    token = csrf_from(phone.get("/login").get_data(as_text=True))
    phone.post(
        "/login", data={"email": "ana@example.com", "password": PASSWORD, "csrf_token": token}
    )
    headers = {"X-CSRFToken": fresh_token(phone)}
    assert {r["status"] for r in push(phone, *day.mutations, headers=headers)["results"]} == {
        "applied"
    }
    assert count(app, TalkingPoint) == 1
