"""The user's data: export, import, vCard, account deletion and retention.

Round trip: an export imported into an empty account and exported again equals the original
except for (1) every id and every reference to one (`id`, `conflict_of`, `interview_id`,
`interview_ids`), which are new, (2) `exported_at`, and (3) `profile.email`, which an import
never changes. Created and updated times, draft versions and sent marks are carried over.
"""

import copy
import json
import logging
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from extensions import db
from models import (
    Application,
    AppliedMutation,
    Contact,
    Draft,
    DraftVersion,
    Interview,
    TalkingPoint,
    User,
    interview_contacts,
    new_id,
    utcnow,
)
from services import capture, drafts, portability
from services.schedule import ParsedPerson
from tests import factories
from tests.conftest import PASSWORD

# --- helpers ---------------------------------------------------------------------------------


def rows_of(user_id: int) -> dict[str, int]:
    """How many rows of each table belong to the user (every table of the schema)."""
    session = db.session

    def count(query) -> int:
        return session.scalar(select(func.count()).select_from(query.subquery()))

    counts = {
        "users": count(select(User.id).where(User.id == user_id)),
        "applications": count(select(Application.id).where(Application.user_id == user_id)),
        "interviews": count(select(Interview.id).where(Interview.user_id == user_id)),
        "contacts": count(select(Contact.id).where(Contact.user_id == user_id)),
        "interview_contacts": count(
            select(interview_contacts.c.contact_id)
            .join(Contact, Contact.id == interview_contacts.c.contact_id)
            .where(Contact.user_id == user_id)
        ),
        "talking_points": count(select(TalkingPoint.id).where(TalkingPoint.user_id == user_id)),
        "drafts": count(select(Draft.id).where(Draft.user_id == user_id)),
        "draft_versions": count(
            select(DraftVersion.id).join(Draft).where(Draft.user_id == user_id)
        ),
        "applied_mutations": count(
            select(AppliedMutation.id).where(AppliedMutation.user_id == user_id)
        ),
    }
    # Attempt counters belong to no account: hashed names that expire within the hour.
    assert set(counts) | NO_OWNER == {t.name for t in db.metadata.sorted_tables}, "new table?"
    return counts


NO_OWNER = {"throttles"}


def all_rows() -> dict[str, int]:
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
        if table.name not in NO_OWNER
    }


def user_id(email: str) -> int:
    return db.session.scalar(select(User.id).where(User.email == email))


def export(client) -> dict:
    response = client.get("/account/export.json")
    assert response.status_code == 200
    return json.loads(response.data)


def upload(client, payload: bytes, name: str = "afterword-export.json"):
    # Encoded here: the test client would spool a large body to a file it never closes.
    boundary = "afterword-test-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/json\r\n\r\n"
    )
    return client.post(
        "/account/import",
        data=head.encode() + payload + f"\r\n--{boundary}--\r\n".encode(),
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def without_ids(document: dict) -> dict:
    """The document with every id (and reference to one) replaced by its order of appearance."""
    document = copy.deepcopy(document)
    labels: dict[str, str] = {}

    def collect(node):
        if isinstance(node, dict):
            if "id" in node:
                labels.setdefault(node["id"], f"#{len(labels)}")
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    def relabel(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("id", "conflict_of", "interview_id") and value is not None:
                    node[key] = labels[value]
                elif key == "interview_ids":
                    node[key] = [labels[v] for v in value]
                else:
                    relabel(value)
        elif isinstance(node, list):
            for value in node:
                relabel(value)

    collect(document)
    relabel(document)
    return document


@pytest.fixture
def full(app, panel):
    """Ana's panel, plus drafts with versions and marks, an interview-linked point, a conflict
    copy, a deleted point and a closed application with retention (built through the services;
    tests/test_factories.py builds the panel through the pages, test_drafts.py edits and marks
    drafts through them)."""
    application_id, contacts = panel
    with app.app_context():
        dana = db.session.get(Contact, contacts["Dana Rivera"])
        ana = db.session.get(User, dana.user_id)
        email = db.session.scalar(
            select(Draft).where(Draft.contact_id == dana.id, Draft.channel == "email")
        )
        card = db.session.scalar(
            select(Draft).where(Draft.contact_id == dana.id, Draft.channel == "card")
        )
        interview = dana.interviews[0]
        linked = capture.add_point(
            db.session, dana, kind="question", body="team size?", interview_id=interview.id
        )
        copy_point = TalkingPoint(
            user_id=dana.user_id,
            contact_id=dana.id,
            kind="topic",
            body="kafka migration (edited offline)",
            conflict_of=linked.id,
        )
        gone = TalkingPoint(user_id=dana.user_id, contact_id=dana.id, body="deleted secret")
        db.session.add_all([copy_point, gone])
        db.session.commit()
        capture.soft_delete(db.session, gone)
        application = db.session.get(Application, application_id)
        portability.set_retention(
            db.session, application, closed=True, retention_days=30, now=utcnow()
        )
        factories.make_application(ana, company="Globex", role="SRE")
        drafts.save_edit(db.session, email, "Thanks, Dana", "Hi Dana")
        drafts.mark(db.session, email, "sent", True, utcnow())
        drafts.mark(db.session, card, "written", True, utcnow())
        capture.update_fields(
            db.session,
            ana,
            name="Ana Ortiz",
            signature="Ana",
            phone="+1 555 0100",
            portfolio_url="https://ana.example",
            linkedin_url="",
            postal_address="1 Main St\nSpringfield",
            tone="formal",
            greeting_style="honorific",
            paper="a4",
            timezone="Europe/Berlin",
        )
    return application_id, contacts


def minimal(**application) -> dict:
    """A small valid document, with the application's fields overridden."""
    interview = {"id": new_id(), "title": "Onsite", "starts_at": "2026-11-21T10:00:00Z"}
    contact = {
        "id": new_id(),
        "name": "Dana Rivera",
        "email": "dana@acme.example",
        "interview_ids": [interview["id"]],
        "talking_points": [{"id": new_id(), "kind": "topic", "body": "kafka"}],
    }
    item = {
        "id": new_id(),
        "company": "Acme",
        "role": "Dev",
        "interviews": [interview],
        "contacts": [contact],
    }
    item.update(application)
    return {"format": "afterword-export", "version": 1, "applications": [item]}


# --- export ------------------------------------------------------------------------------------


def test_export_holds_everything_live_nested_under_its_application(app, client, full):
    response = client.get("/account/export.json")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="afterword')
    document = json.loads(response.data)
    assert (document["format"], document["version"]) == ("afterword-export", 1)
    assert document["exported_at"].endswith("Z")
    assert document["profile"]["email"] == "ana@example.com"
    assert document["profile"]["timezone"] == "Europe/Berlin"
    assert "password_hash" not in document["profile"]
    acme, globex = document["applications"]
    assert (acme["company"], globex["company"]) == ("Acme", "Globex")
    assert acme["retention_days"] == 30 and acme["closed_at"].endswith("Z")
    assert [c["name"] for c in acme["contacts"]] == ["Dana Rivera", "Sam Lee", "Priya Nair"]
    dana = acme["contacts"][0]
    assert dana["interview_ids"] == [acme["interviews"][0]["id"]]
    bodies = [p["body"] for p in dana["talking_points"]]
    assert "deleted secret" not in bodies
    copy_point = next(p for p in dana["talking_points"] if "edited offline" in p["body"])
    linked = next(p for p in dana["talking_points"] if p["body"] == "team size?")
    assert copy_point["conflict_of"] == linked["id"]
    assert linked["interview_id"] == acme["interviews"][0]["id"]
    email, card, linkedin = dana["drafts"]
    assert (email["channel"], card["channel"]) == ("email", "card")
    assert linkedin["channel"] == "linkedin" and linkedin["connected_at"] is None
    assert [v["source"] for v in email["versions"]] == ["generated", "edited"]
    assert email["versions"][1]["body"] == "Hi Dana"
    assert email["sent_at"].endswith("Z") and card["written_at"] and card["posted_at"] is None


def test_round_trip_into_an_empty_account(app, client, auth, full):
    first = export(client)
    auth.logout()
    auth.register(email="cleo@example.com", name="Cleo")
    assert upload(client, json.dumps(first).encode()).status_code == 303
    second = export(client)

    assert second["profile"]["email"] == "cleo@example.com"
    for document in (first, second):
        del document["exported_at"]
        del document["profile"]["email"]
    assert without_ids(second) == without_ids(first)
    first_ids = {p["id"] for c in first["applications"][0]["contacts"] for p in c["talking_points"]}
    second_ids = {
        p["id"] for c in second["applications"][0]["contacts"] for p in c["talking_points"]
    }
    assert first_ids and not first_ids & second_ids


def _choose(client, page: bytes, existing: str):
    """Answer the "already here" page: the hidden file as it came, and the choice."""
    import html as html_module
    import re

    document = re.search(rb'name="document" type="hidden" value="([^"]*)"', page)
    assert document, "no choice page"
    return client.post(
        "/account/import/choice",
        data={"document": html_module.unescape(document.group(1).decode()), "existing": existing},
    )


def test_importing_your_own_export_says_so_before_anything_happens(app, client, full):
    document = export(client)
    with app.app_context():
        before = rows_of(user_id("ana@example.com"))
    response = upload(client, json.dumps(document).encode())
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "The file holds 2 applications. 2 are already in your account" in page
    assert "Acme · Staff Engineer" in page and "Globex · SRE" in page
    assert "the same record" in page and "Nothing has been imported yet." in page
    for choice in ("Skip them", "Replace them with the file&#39;s version", "as copies"):
        assert choice in page
    with app.app_context():
        assert rows_of(user_id("ana@example.com")) == before


def test_skipping_what_is_already_here_imports_nothing_twice(app, client, full):
    document = export(client)
    with app.app_context():
        before = rows_of(user_id("ana@example.com"))
    page = upload(client, json.dumps(document).encode()).data
    assert _choose(client, page, "skip").status_code == 303
    with app.app_context():
        assert rows_of(user_id("ana@example.com")) == before


def test_replacing_keeps_one_live_copy_and_tombstones_the_old(app, client, full):
    document = export(client)
    page = upload(client, json.dumps(document).encode()).data
    assert _choose(client, page, "replace").status_code == 303
    with app.app_context():
        live = db.session.scalars(select(Application).where(Application.is_live)).all()
        assert sorted(a.company for a in live) == ["Acme", "Globex"]
        for application in document["applications"]:
            assert application["id"] not in {a.id for a in live}
            assert db.session.get(Application, application["id"]).deleted_at is not None
    assert without_ids(export(client)["applications"]) == without_ids(document["applications"])


def test_the_same_job_under_other_ids_is_found_too(app, client, full):
    document = export(client)
    acme = next(a for a in document["applications"] if a["company"] == "Acme")
    acme["id"] = "0b6f3c1e-2f7a-4c43-9d51-3a1f0c2b9e11"
    acme["company"] = "  acme "
    page = upload(client, json.dumps(document).encode()).get_data(as_text=True)
    assert 'Acme · Staff Engineer <span class="meta">(same company and role)' in page
    assert 'Globex · SRE <span class="meta">(the same record)' in page


def test_importing_twice_as_copies_adds_a_second_copy_without_collisions(app, client, full):
    document = export(client)
    with app.app_context():
        before = rows_of(user_id("ana@example.com"))
    assert (
        _choose(client, upload(client, json.dumps(document).encode()).data, "copy").status_code
        == 303
    )
    assert (
        _choose(client, upload(client, json.dumps(document).encode()).data, "copy").status_code
        == 303
    )
    with app.app_context():
        after = rows_of(user_id("ana@example.com"))
    # The deleted point is not exported, so it is not doubled.
    assert after["talking_points"] == before["talking_points"] + 2 * (before["talking_points"] - 1)
    for table in ("applications", "contacts", "interview_contacts", "draft_versions"):
        assert after[table] == 3 * before[table], table


def test_a_tampered_file_on_the_choice_step_is_checked_again(app, client, full):
    document = export(client)
    page = upload(client, json.dumps(document).encode()).data
    response = client.post(
        "/account/import/choice", data={"document": '{"format": "x"}', "existing": "copy"}
    )
    assert response.status_code == 303
    assert "Nothing was imported" in client.get("/account/import").get_data(as_text=True)
    assert b"Skip them" in page


def test_imported_markup_is_stored_as_literal_text(app, client, user):
    body = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    document = minimal()
    document["applications"][0]["contacts"][0]["talking_points"][0]["body"] = body
    assert upload(client, json.dumps(document).encode()).status_code == 303
    with app.app_context():
        point = db.session.scalar(select(TalkingPoint))
        contact_id = point.contact_id
        assert point.body == body
    page = client.get(f"/contacts/{contact_id}").get_data(as_text=True)
    assert "&lt;script&gt;alert(" in page
    assert "<script>alert" not in page and "<img src=x" not in page


# --- hostile files -----------------------------------------------------------------------------


def _app(**fields):
    return minimal(**fields)


def _contact(**fields):
    document = minimal()
    document["applications"][0]["contacts"][0].update(fields)
    return document


def _point(**fields):
    document = minimal()
    document["applications"][0]["contacts"][0]["talking_points"][0].update(fields)
    return document


HOSTILE = {
    "not json": (b"this is not json", "not valid JSON"),
    "binary": (b"\xff\xfe\x00garbage", "not text"),
    "a list": (b"[1, 2, 3]", "not a JSON object"),
    "deeply nested": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "nested inside": (
        json.dumps(
            {"format": "afterword-export", "version": 1, "applications": [[[[[[[]]]]]]]}
        ).encode(),
        "applications[0] must be an object",
    ),
    "wrong format": (json.dumps({"format": "vcard", "version": 1}).encode(), "not an Afterword"),
    "wrong version": (
        json.dumps({"format": "afterword-export", "version": 2, "applications": []}).encode(),
        "version 2",
    ),
    "version as text": (
        json.dumps({"format": "afterword-export", "version": "1", "applications": []}).encode(),
        "this Afterword reads version 1",
    ),
    "NaN": (b'{"format": "afterword-export", "version": NaN}', "not valid JSON"),
    "unknown field": (json.dumps(_app(is_admin=True)).encode(), '"is_admin"'),
    "company as number": (
        json.dumps(_app(company=5)).encode(),
        "applications[0].company must be text",
    ),
    "empty company": (json.dumps(_app(company=" ")).encode(), "company must not be empty"),
    "missing role": (
        json.dumps({**minimal(), "applications": [{"id": new_id(), "company": "A"}]}).encode(),
        "applications[0].role is missing",
    ),
    "flag as text": (
        json.dumps(_contact(got_card="yes")).encode(),
        "applications[0].contacts[0].got_card must be true or false",
    ),
    "bad email": (
        json.dumps(_contact(email="not an email")).encode(),
        "applications[0].contacts[0].email is not an email address",
    ),
    "javascript link": (
        json.dumps(_contact(linkedin_url="javascript:alert(1)")).encode(),
        "linkedin_url is not a web address",
    ),
    "unknown role": (json.dumps(_contact(role="ceo")).encode(), "role must be one of"),
    "over-long point": (
        json.dumps(_point(body="x" * 2001)).encode(),
        "talking_points[0].body is longer than 2,000 characters",
    ),
    "unknown kind": (json.dumps(_point(kind="gossip")).encode(), "kind must be one of"),
    "NUL in text": (json.dumps(_point(body="a\x00b")).encode(), "not text"),
    "lone surrogate": (
        b'{"format": "afterword-export", "version": 1, "applications": '
        b'[{"id": "0b6f3c1e-2f7a-4c43-9d51-3a1f0c2b9e11", "company": "\\ud800",'
        b' "role": "x"}]}',
        "characters that are not text",
    ),
    "bad date": (json.dumps(_app(closed_at="yesterday")).encode(), "closed_at is not a date"),
    "date out of range": (
        json.dumps(_app(closed_at="0001-01-01T00:00:00+01:00")).encode(),
        "closed_at is not a date",
    ),
    "negative retention": (
        json.dumps(_app(retention_days=-1)).encode(),
        "retention_days must be a whole number",
    ),
    "unknown interview": (
        json.dumps(_contact(interview_ids=[new_id()])).encode(),
        "contacts[0].interview_ids[0] is not an interview of this application in the file",
    ),
    "unknown point interview": (
        json.dumps(_point(interview_id=new_id())).encode(),
        "talking_points[0].interview_id is not an interview",
    ),
    "unknown conflict original": (
        json.dumps(_point(conflict_of=new_id())).encode(),
        "conflict_of is not the id of another talking point in the file",
    ),
    "id not a uuid": (json.dumps(_app(id="1; DROP TABLE users")).encode(), "must be an id"),
    "duplicate ids": (
        json.dumps({**minimal(), "applications": [minimal()["applications"][0]] * 2}).encode(),
        "applications[1].id appears twice",
    ),
    "too many applications": (
        json.dumps(
            {
                "format": "afterword-export",
                "version": 1,
                "applications": [{"id": new_id(), "company": "A", "role": "B"}] * 201,
            }
        ).encode(),
        "more than 200 applications",
    ),
    "two email drafts": (
        json.dumps(
            _contact(drafts=[{"channel": "email", "versions": []}, {"channel": "email"}])
        ).encode(),
        "is a second email draft",
    ),
    "repeated version number": (
        json.dumps(
            _contact(
                drafts=[
                    {
                        "channel": "card",
                        "versions": [
                            {"number": 1, "source": "generated", "body": "a"},
                            {"number": 1, "source": "edited", "body": "b"},
                        ],
                    }
                ]
            )
        ).encode(),
        "number 1 appears twice",
    ),
    "bad profile time zone": (
        json.dumps({**minimal(), "profile": {"timezone": "Mars/Olympus"}}).encode(),
        "profile.timezone is not a time zone",
    ),
    "10 MB": (b" " * (10 * 1024 * 1024), "larger than 2 MB"),
}


@pytest.mark.parametrize("payload, message", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_files_are_refused_and_change_nothing(app, full, payload, message):
    with app.app_context():
        ana = db.session.get(User, user_id("ana@example.com"))
        before, profile = all_rows(), (ana.name, ana.tone, ana.timezone)
        with pytest.raises(portability.ImportRefused) as refused:
            portability.import_account(db.session, ana, portability.read_document(payload))
        assert message in refused.value.message
        db.session.expire_all()
        assert all_rows() == before
        assert (ana.name, ana.tone, ana.timezone) == profile


def test_a_bad_item_late_in_the_file_refuses_the_good_ones_before_it(app, user):
    document = minimal()
    document["applications"].append(
        {"id": new_id(), "company": "Globex", "role": "SRE", "posting_url": "ftp://x"}
    )
    document["profile"] = {"name": "Changed"}
    with app.app_context():
        ana = db.session.get(User, user.id)
        before = all_rows()
        with pytest.raises(portability.ImportRefused, match=r"applications\[1\]\.posting_url"):
            portability.import_account(db.session, ana, document)
        assert all_rows() == before
        assert db.session.get(User, user.id).name == "Ana Ortiz"


def test_import_page_shows_why_a_file_was_refused(app, client, full):
    with app.app_context():
        before = all_rows()
    response = upload(client, b"{not json")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Nothing was imported. The file is not valid JSON" in page
    response = upload(client, json.dumps(_point(body="y" * 2001)).encode())
    assert response.status_code == 422
    assert "applications[0].contacts[0].talking_points[0].body is longer" in response.get_data(
        as_text=True
    )
    # Over the 2 MB import limit but under the app's request limit.
    assert "larger than 2 MB" in upload(client, b" " * (3 * 1024 * 1024)).get_data(as_text=True)
    # Over the app's request limit: refused before it is read, still on the import page.
    response = upload(client, b" " * (10 * 1024 * 1024))
    assert response.status_code == 413
    assert "larger than 2 MB" in response.get_data(as_text=True)
    assert 'type="file"' in response.get_data(as_text=True)
    response = client.post("/account/import", data={}, content_type="multipart/form-data")
    assert "Choose the .json file" in response.get_data(as_text=True)
    with app.app_context():
        assert all_rows() == before


# --- deletion ----------------------------------------------------------------------------------


@pytest.fixture
def two_users(app, full):
    """Ana (full panel, a sync ledger row) and Ben (an application of his own, drafts composed);
    Ana signed in."""
    with app.app_context():
        ana = user_id("ana@example.com")
        point = db.session.scalar(select(TalkingPoint.id).where(TalkingPoint.user_id == ana))
        db.session.add(
            AppliedMutation(
                user_id=ana, id=new_id(), entity="talking_point", entity_id=point, status="applied"
            )
        )
        db.session.commit()
        ben = factories.make_user("ben@example.com", name="Ben").id
        application = capture.create_application(db.session, ben, company="Initech", role="QA")
        interview = capture.add_interview(
            db.session,
            application,
            starts_at=utcnow(),
            ends_at=None,
            people=[ParsedPerson(name="Bill Lumbergh", title="VP")],
        )
        capture.add_point(
            db.session, interview.contacts[0], kind="topic", body="tps", interview_id=None
        )
        db.session.add(
            AppliedMutation(
                user_id=ben,
                id=new_id(),
                entity="application",
                entity_id=application.id,
                status="applied",
            )
        )
        db.session.commit()
        factories.compose_drafts(application)
    return ana, ben


def test_deleting_the_account_removes_every_row_of_that_user_only(app, client, two_users):
    ana, ben = two_users
    with app.app_context():
        ana_before, ben_before, total = rows_of(ana), rows_of(ben), all_rows()
    assert all(ana_before.values()), ana_before
    assert all(ben_before.values()), ben_before

    response = client.post(
        "/account/delete", data={"password": PASSWORD, "confirm": "Delete my account"}
    )
    assert response.status_code == 303 and response.location == "/"
    page = client.get("/").get_data(as_text=True)
    assert "Your account and everything in it are deleted." in page
    assert "Create an account" in page  # the welcome page: signed out

    with app.app_context():
        assert set(rows_of(ana).values()) == {0}
        assert rows_of(ben) == ben_before
        assert all_rows() == {name: total[name] - ana_before[name] for name in total}
    assert client.get("/account/profile").status_code == 302


@pytest.mark.parametrize(
    "password, confirm, message",
    [
        ("wrong password!", "delete my account", "That is not your password"),
        (PASSWORD, "delete account", "exactly"),
        (PASSWORD, "", "to confirm"),
        ("", "delete my account", "Enter your password"),
    ],
)
def test_deletion_needs_the_password_and_the_phrase(app, client, full, password, confirm, message):
    with app.app_context():
        before = all_rows()
    response = client.post("/account/delete", data={"password": password, "confirm": confirm})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert all_rows() == before
    assert client.get("/account/profile").status_code == 200


def test_delete_page_asks_for_both(client, user):
    page = client.get("/account/delete").get_data(as_text=True)
    assert 'type="password"' in page and "delete my account" in page
    assert 'autocomplete="current-password"' in page


# --- vCard -------------------------------------------------------------------------------------


def test_vcard_holds_the_people_escaped(app, client, panel):
    application_id, contacts = panel
    client.post(
        f"/contacts/{contacts['Dana Rivera']}/edit",
        data={
            "name": "Dana Rivera",
            "title": "Manager, Payments; EMEA",
            "role": "interviewer",
            "email": "dana@acme.example",
            "phone": "+1 555 0199",
            "linkedin_url": "https://www.linkedin.com/in/dana",
            "postal_address": "1 Infinite Loop\nCupertino, CA",
        },
    )
    response = client.get(f"/account/applications/{application_id}/contacts.vcf")
    assert response.status_code == 200
    assert response.mimetype == "text/vcard"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"] == 'attachment; filename="contacts-acme.vcf"'
    text = response.get_data(as_text=True)
    unfolded = text.replace("\r\n ", "")
    assert text.count("BEGIN:VCARD") == 3 and text.endswith("END:VCARD\r\n")
    assert "FN:Dana Rivera\r\nN:Rivera;Dana;;;\r\n" in unfolded
    assert "TITLE:Manager\\, Payments\\; EMEA\r\n" in unfolded
    assert "EMAIL;TYPE=INTERNET,WORK:dana@acme.example\r\n" in unfolded
    assert "TEL;TYPE=WORK,VOICE:+1 555 0199\r\n" in unfolded
    assert "URL;TYPE=LinkedIn:https://www.linkedin.com/in/dana\r\n" in unfolded
    assert "ADR;TYPE=WORK:;;1 Infinite Loop\\nCupertino\\, CA;;;;\r\n" in unfolded
    assert "NOTE:Recruiter\\, met for the Staff Engineer application at Acme." in unfolded
    assert "FN:Priya Nair" in unfolded and "ORG:Acme" in unfolded
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_vcard_folds_long_lines_without_splitting_characters(app, user):
    with app.app_context():
        application = capture.create_application(db.session, user.id, company="Acme", role="Dev")
        capture.add_contact(
            db.session, application, ParsedPerson(name="Zoë Ünal", title="Ä" * 60), None
        )
        text = portability.vcards(db.session.get(Application, application.id))
    lines = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "TITLE:" + "Ä" * 60 in text.replace("\r\n ", "")


def test_another_users_vcard_is_404(app, client, auth, panel):
    application_id, _ = panel
    auth.logout()
    auth.register(email="ben@example.com", name="Ben")
    assert client.get(f"/account/applications/{application_id}/contacts.vcf").status_code == 404


# --- retention ---------------------------------------------------------------------------------


def test_retention_erases_only_expired_applications_details(app, user):
    now = utcnow()
    with app.app_context():
        made = {}
        for name, closed_days_ago, keep in [
            ("expired", 40, 30),
            ("due today", 30, 30),
            ("not yet", 10, 30),
            ("closed, kept", 400, None),
            ("open", None, 1),
        ]:
            application = capture.create_application(db.session, user.id, company=name, role="x")
            application.closed_at = (
                now - timedelta(days=closed_days_ago) if closed_days_ago else None
            )
            application.retention_days = keep
            person = ParsedPerson(name="Dana Rivera", title="EM", email="dana@acme.example")
            contact = capture.add_contact(db.session, application, person, None)
            capture.update_fields(
                db.session,
                contact,
                phone="+1 555",
                postal_address="1 Main St",
                linkedin_url="https://linkedin.com/in/d",
            )
            capture.add_point(db.session, contact, kind="topic", body="kafka", interview_id=None)
            made[name] = contact.id
        deleted = db.session.get(Contact, made["expired"])
        version = deleted.version

        assert portability.erase_expired_contact_details(db.session, now) == 2
        assert portability.erase_expired_contact_details(db.session, now) == 0
        for name, contact_id in made.items():
            contact = db.session.get(Contact, contact_id)
            details = (contact.email, contact.phone, contact.linkedin_url, contact.postal_address)
            if name in ("expired", "due today"):
                assert details == ("", "", "", ""), name
            else:
                assert all(details), name
            assert contact.name == "Dana Rivera" and contact.title == "EM"
            assert contact.points[0].body == "kafka"
        # Devices pull the erasure: the change is versioned like any other edit.
        assert db.session.get(Contact, made["expired"]).version == version + 1


def test_erase_expired_command(app, runner, user):
    with app.app_context():
        application = capture.create_application(db.session, user.id, company="Acme", role="x")
        person = ParsedPerson(name="Dana Rivera", title="", email="dana@acme.example")
        contact_id = capture.add_contact(db.session, application, person, None).id
        portability.set_retention(
            db.session, application, closed=True, retention_days=0, now=utcnow()
        )
    result = runner.invoke(args=["erase-expired"])
    assert result.exit_code == 0, result.output
    assert "Erased the contact details of 1 people." in result.output
    with app.app_context():
        assert db.session.get(Contact, contact_id).email == ""


def test_closing_an_application_with_and_without_htmx(app, client, panel):
    application_id, _ = panel
    url = f"/account/applications/{application_id}/retention"
    page = client.get(url).get_data(as_text=True)
    assert 'name="retention_days"' in page and "contacts.vcf" in page
    response = client.post(url, data={"closed": "y", "retention_days": "90"})
    assert response.status_code == 303
    assert response.location == f"/applications/{application_id}"
    with app.app_context():
        application = db.session.get(Application, application_id)
        assert application.closed_at is not None and application.retention_days == 90
        closed_at = application.closed_at

    fragment = client.post(
        url, data={"closed": "y", "retention_days": "30"}, headers={"HX-Request": "true"}
    )
    assert fragment.status_code == 200
    html = fragment.get_data(as_text=True)
    assert html.lstrip().startswith("<form") and "<html" not in html
    assert "Saved." in html and "erased from" in html
    with app.app_context():
        application = db.session.get(Application, application_id)
        # Saving again keeps the day it was closed.
        assert (application.closed_at, application.retention_days) == (closed_at, 30)

    refused = client.post(
        url, data={"closed": "y", "retention_days": "-5"}, headers={"HX-Request": "true"}
    )
    assert refused.status_code == 422
    assert "Choose from 0 to 3,650 days" in refused.get_data(as_text=True)

    client.post(url, data={"retention_days": ""})
    with app.app_context():
        application = db.session.get(Application, application_id)
        assert (application.closed_at, application.retention_days) == (None, None)


# --- logging and pages -------------------------------------------------------------------------


def test_export_import_and_deletion_are_logged_without_personal_text(app, client, full, caplog):
    caplog.set_level(logging.INFO, logger="afterword.account")
    document = export(client)
    _choose(client, upload(client, json.dumps(document).encode()).data, "copy")
    upload(client, b"{}")
    upload(client, b"not json")
    client.post("/account/delete", data={"password": PASSWORD, "confirm": "delete my account"})
    with app.app_context():
        assert user_id("ana@example.com") is None
    messages = [r.getMessage() for r in caplog.records if r.name == "afterword.account"]
    assert any(m.startswith("export user=") and "points=" in m for m in messages)
    assert any(m.startswith("import user=") and "applications=2" in m for m in messages)
    assert sum(m.startswith("import refused user=") for m in messages) == 2
    assert any(m.startswith("account deleted user=") for m in messages)
    logged = "\n".join(messages)
    for secret in ("kafka", "team size", "dana@acme.example", "Dana", PASSWORD, "Hi Dana"):
        assert secret not in logged


def test_profile_page_offers_the_users_data(client, user):
    page = client.get("/account/profile").get_data(as_text=True)
    assert "Your data" in page
    assert 'href="/account/export.json"' in page
    assert 'href="/account/import"' in page
    assert 'href="/account/delete"' in page
    assert "<script>" not in page and "style=" not in page


def test_import_page_has_a_labelled_file_field(client, user):
    page = client.get("/account/import").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page
    assert '<label for="file">' in page and 'id="file"' in page


# --- one rule set: what a form accepts, an import accepts --------------------------------------


LINKS = [
    "https://www.linkedin.com/in/ana-ortiz",
    "https://www.linkedin.com/in/ana ortiz",
    "HTTPS://LINKEDIN.COM/in/x?trk=public_profile",
    "https://linkedin.com:443/in/x",
    "https://user@linkedin.com/in/x",
    "http://localhost/in/x",
    "ftp://linkedin.com/in/x",
    "javascript://linkedin.com/%0aalert(1)",
    "linkedin.com/in/x",
]


@pytest.mark.parametrize("link", LINKS)
def test_a_link_the_contact_form_accepts_imports_and_one_it_refuses_does_not(
    app, client, panel, link
):
    _, contacts = panel
    saved = client.post(
        f"/contacts/{contacts['Sam Lee']}/edit",
        data={"name": "Sam Lee", "role": "interviewer", "linkedin_url": link},
    )
    document = minimal()
    document["applications"][0]["contacts"][0]["linkedin_url"] = link
    imported = upload(client, json.dumps(document).encode())
    assert (saved.status_code == 303) == (imported.status_code == 303), (saved, imported)


def test_an_account_with_a_form_saved_link_and_email_reimports_its_own_export(
    app, client, auth, panel
):
    _, contacts = panel
    client.post(
        f"/contacts/{contacts['Sam Lee']}/edit",
        data={
            "name": "Sam Lee",
            "role": "interviewer",
            "linkedin_url": "https://www.linkedin.com/in/sam-lee-%F0%9F%9A%80/?locale=en_US",
            "email": "sam.lee+afterword@acme.example",
        },
    )
    document = export(client)
    auth.logout()
    auth.register(email="cleo@example.com", name="Cleo")
    assert upload(client, json.dumps(document).encode()).status_code == 303


@pytest.mark.parametrize("address", ['a,b"c@x.co', "a@x.co, b@x.co", "Dana <dana@x.co>"])
def test_an_address_that_would_make_two_recipients_is_refused_by_form_and_import(
    app, client, panel, address
):
    _, contacts = panel
    form = client.post(
        f"/contacts/{contacts['Sam Lee']}/edit",
        data={"name": "Sam Lee", "role": "interviewer", "email": address},
    )
    assert form.status_code == 422 and b"Enter an email address" in form.data
    document = minimal()
    document["applications"][0]["contacts"][0]["email"] = address
    refused = upload(client, json.dumps(document).encode())
    assert refused.status_code == 422 and b"is not an email address" in refused.data
