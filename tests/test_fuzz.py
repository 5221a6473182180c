"""Hypothesis throws arbitrary input at every form: never a 500, every refusal says why, and a
refused form writes nothing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extensions import db, limiter
from models import Application, Contact, Interview, TalkingPoint, User
from services import capture
from services.schedule import ParsedPerson

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
# Text as people (and attackers) type it: any character, NULs and controls included, short and long.
anything = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=3000),
    st.sampled_from(["", " ", "\x00", "<script>alert(1)</script>", "2026-02-30", "25:99",
                     "x" * 5000, "'; DROP TABLE users; --", "https://", "mailto:x", "🎉" * 300]),
)  # fmt: skip
ERROR_WORDS = ("error", "Enter", "Choose", "Type", "Keep", "Use", "could not", "must",
               "Not a valid", "Pick", "already", "expired", "Paste")  # fmt: skip


def _counts(app) -> tuple[int, ...]:
    with app.app_context():
        return tuple(
            db.session.scalar(db.select(db.func.count()).select_from(model))
            for model in (User, Application, Interview, Contact, TalkingPoint)
        )


@pytest.fixture
def world(app, client, user):
    with app.app_context():
        ana = db.session.scalar(db.select(User))
        application = capture.create_application(db.session, ana.id, company="Acme", role="Dev")
        interview = capture.add_interview(
            db.session, application, starts_at=capture.utcnow(), ends_at=None,
            people=[ParsedPerson(name="Dana Rivera")],
        )  # fmt: skip
        contact = interview.contacts[0]
        point = capture.add_point(db.session, contact, kind="topic", body="x", interview_id=None)
        return {"application": application.id, "interview": interview.id,
                "contact": contact.id, "point": point.id}  # fmt: skip


FORMS = {
    "/applications/new": ("company", "role", "posting_url", "fit_points"),
    "/applications/{application}/edit": ("company", "role", "posting_url", "fit_points"),
    "/applications/{application}/schedule": ("day", "text", "confirm"),
    "/applications/{application}/interviews/new": (
        "title", "day", "start", "end", "format", "location", "round", "people"),
    "/interviews/{interview}": ("person",),
    "/interviews/{interview}/edit": ("title", "day", "start", "end", "format", "people"),
    "/contacts/{contact}": ("kind", "body", "interview_id"),
    "/contacts/{contact}/edit": (
        "name", "title", "role", "email", "phone", "linkedin_url", "postal_address", "got_card"),
    "/points/{point}/edit": ("edit-kind", "edit-body"),
    "/account/profile": ("name", "signature", "phone", "portfolio_url", "linkedin_url",
                         "postal_address", "tone", "greeting_style", "paper", "timezone"),
}  # fmt: skip


@pytest.mark.parametrize("path", FORMS)
def test_forms_never_fail_and_explain_refusals(app, client, world, path):
    fields = FORMS[path]
    url = path.format(**world)

    @FUZZ
    @given(st.fixed_dictionaries({name: anything for name in fields}), st.booleans())
    def post(data, as_htmx):
        before = _counts(app)
        headers = {"HX-Request": "true"} if as_htmx else {}
        response = client.post(url, data=data, headers=headers)
        assert response.status_code in (200, 302, 303, 422), response.status_code
        if response.status_code == 422:
            html = response.get_data(as_text=True)
            # A form shown again after a POST is a refusal: it says why, and wrote nothing.
            assert any(word in html for word in ERROR_WORDS), html[:500]
            assert _counts(app) == before

    post()


@FUZZ
@given(st.fixed_dictionaries({"email": anything, "password": anything, "name": anything}))
def test_register_and_login_never_fail(app, client, data):
    assert client.post("/register", data=data).status_code < 500
    client.post("/logout")
    assert client.post("/login", data=data).status_code in (302, 422, 429)


@FUZZ
@given(st.fixed_dictionaries({"subject": anything, "body": anything}), st.booleans())
def test_draft_autosave_never_fails(app, client, panel, data, as_htmx):
    application_id, _ = panel
    limiter.reset()  # The drafts list is rate-limited per user; each example starts afresh.
    drafts = client.get(f"/api/applications/{application_id}/drafts").json["drafts"]
    with app.app_context():
        from models import Draft

        draft_id = db.session.scalar(db.select(Draft.id).limit(1))
    headers = {"HX-Request": "true"} if as_htmx else {}
    response = client.post(f"/drafts/{draft_id}/save", data=data, headers=headers)
    assert response.status_code in (200, 303, 400, 422)
    assert drafts


ENTITIES = ["application", "interview", "contact", "talking_point", "gossip", 7, None]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | anything,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8,
)  # fmt: skip
FIELD_NAMES = [
    "company", "role", "name", "body", "kind", "contact_id", "application_id", "interview_id",
    "interview_ids", "starts_at", "ends_at", "email", "title",
]  # fmt: skip


def mutation(world_ids: list[str]):
    ids = st.sampled_from([*world_ids, "not-a-uuid"]) | st.uuids().map(str)
    return st.fixed_dictionaries(
        {"id": st.uuids().map(str) | anything, "entity": st.sampled_from(ENTITIES),
         "op": st.sampled_from(["upsert", "delete", "merge", None]), "entity_id": ids,
         "base_version": st.none() | st.integers(-2, 5) | anything,
         "data": st.dictionaries(st.sampled_from(FIELD_NAMES), json_values | ids, max_size=6)},
    )  # fmt: skip


def test_sync_push_never_fails_and_explains_rejections(app, client, world):
    from models import AppliedMutation

    ids = list(world.values())

    @FUZZ
    @given(st.lists(mutation(ids), max_size=6))
    def push(mutations):
        before = _counts(app)
        response = client.post("/api/sync/push", json={"mutations": mutations})
        assert response.status_code in (200, 400), response.get_data(as_text=True)[:300]
        if response.status_code == 400:
            assert response.json["error"]["message"]
            assert _counts(app) == before
            return
        results = response.json["results"]
        assert len(results) == len(mutations)
        for result in results:
            assert result["status"] in ("applied", "duplicate", "conflict", "rejected")
            if result["status"] == "rejected":
                assert result["error"]
        if all(r["status"] == "rejected" for r in results):
            # Nothing half-written: a batch refused item by item leaves the data as it was.
            assert _counts(app) == before
            with app.app_context():
                recorded = db.session.scalars(db.select(AppliedMutation.id)).all()
            assert not {str(m.get("id")) for m in mutations} & set(recorded)

    push()


@FUZZ
@given(st.text(max_size=12), st.text(max_size=12))
def test_sync_pull_never_fails(app, client, user, since, limit):
    response = client.get("/api/sync/pull", query_string={"since": since, "limit": limit})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json["error"]["message"]
