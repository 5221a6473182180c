"""Drafts through the web client, and the services that track and send them."""

import email
from datetime import datetime, timedelta
from email import policy
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from icalendar import Calendar

from extensions import db
from models import Application, Draft, DraftVersion, User, utcnow
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
        ("Dana Rivera", "linkedin"),
        ("Priya Nair", "card"),
        ("Priya Nair", "followup"),
        ("Priya Nair", "linkedin"),
        ("Priya Nair", "wrapup"),
        ("Sam Lee", "card"),
        ("Sam Lee", "email"),
        ("Sam Lee", "linkedin"),
    ]
    dana = next(d for d in items if d["contact_name"] == "Dana Rivera" and d["channel"] == "email")
    assert dana["body"].startswith("Hi Dana,")
    assert "kafka migration" in dana["body"].lower()
    assert "https://example.com/talk?id=7&x=1" in dana["body"]
    assert dana["due_at"] == "2026-11-22T11:00:00Z"
    assert dana["status"] == "to send"
    sam = next(d for d in items if d["contact_name"] == "Sam Lee" and d["channel"] == "email")
    assert "no_detail" in {w["code"] for w in sam["warnings"]}
    wrapup = next(d for d in items if d["channel"] == "wrapup")
    assert "Dana" in wrapup["body"] and "Sam" in wrapup["body"]


def _version_count(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(DraftVersion.id)))


def test_drafts_exist_before_the_page_is_opened_and_reading_composes_nothing(
    app, client, panel, monkeypatch
):
    application_id, _ = panel
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Draft.id))) == 10
        assert not db.session.scalar(db.select(db.func.count()).where(Draft.outdated))
    before = _version_count(app)

    def refuse(*_args):
        raise AssertionError("a read composed the panel")

    monkeypatch.setattr(drafts.composer, "compose_panel", refuse)
    _drafts(client, application_id)
    assert client.get(f"/applications/{application_id}/drafts").status_code == 200
    assert _version_count(app) == before


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
        assert [v.source for v in versions][-3:] == ["generated", "edited", "generated"]
        assert versions[-2].body == edited + "!"
        mine = versions[-2].number
    page = client.get(f"/drafts/{draft_id}/versions?compare={mine}").get_data(as_text=True)
    assert "My own words about Kafka." in page
    assert client.post(f"/drafts/{draft_id}/versions/{mine}/restore").status_code == 303
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
    # Sam's email, 3 cards, Priya's wrap-up and the follow-up; LinkedIn notes wait for a
    # profile address (nobody here has one), and Dana's email is sent.
    assert len(events) == 6
    assert not any(s.startswith("LinkedIn note") for s in summaries)
    assert "Email to Dana Rivera due" not in summaries
    assert "Follow-up email to Priya Nair due" in summaries
    assert "Handwritten card to Dana Rivera due" in summaries
    assert all(e.walk("VALARM") for e in events)


def test_drafts_page_and_fragments(app, client, panel):
    application_id, contacts = panel
    page = client.get(f"/applications/{application_id}/drafts").get_data(as_text=True)
    # One person at a time (the first still to thank), beside everyone's state.
    assert page.count('<article class="draft') == 3  # email, card and LinkedIn note
    assert '<h2 id="person-name" tabindex="-1">Dana Rivera</h2>' in page
    assert "kafka migration for the payments ledger" in page  # her notes, beside her drafts
    assert 'class="point" id="point-' in page  # the point rows of the person page
    assert "Delete point" not in page  # whose Edit and Delete work only there
    assert "Open in mail app" in page and "Download .eml" in page and "Copy text" in page
    assert "Mark as sent" in page and "Mark as written" in page
    assert page.count('class="person-state') == 3
    draft_id = _draft_id(app, contacts["Sam Lee"], "email")
    fragment = client.post(f"/drafts/{draft_id}/mark/sent", data={"done": "1"}, headers=HX)
    html = fragment.get_data(as_text=True)
    assert html.lstrip().startswith(f'<article class="draft done" id="draft-{draft_id}"')
    assert "Sent " in html and "undo" in html
    # The people list comes along out of band, so its states and counts are right at once.
    assert 'id="people" aria-labelledby="people-heading" hx-swap-oob="true"' in html


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


def _counting_compositions(monkeypatch) -> list:
    calls = []
    real = drafts.composer.compose_panel

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(drafts.composer, "compose_panel", counted)
    return calls


def _current(app, contact_id, channel):
    with app.app_context():
        draft = db.session.scalar(
            db.select(Draft).where(Draft.contact_id == contact_id, Draft.channel == channel)
        )
        return draft.current.body, draft.outdated


def test_a_sync_push_of_many_points_composes_the_panel_once(app, client, panel, monkeypatch):
    from models import new_id

    _application_id, contacts = panel
    calls = _counting_compositions(monkeypatch)
    mutations = [
        {"id": new_id(), "entity": "talking_point", "op": "upsert", "entity_id": new_id(),
         "base_version": None,
         "data": {"contact_id": contacts["Sam Lee"], "kind": "topic", "body": body}}
        for body in ("rust at the edge", "the on-call rotation", "grafana dashboards")
    ]  # fmt: skip
    response = client.post("/api/sync/push", json={"mutations": mutations})
    assert response.status_code == 200
    assert [r["status"] for r in response.get_json()["results"]] == ["applied"] * 3
    assert len(calls) == 1
    body, outdated = _current(app, contacts["Sam Lee"], "email")
    assert "rust at the edge" in body and not outdated


def test_a_profile_change_recomposes_untouched_drafts(app, client, panel):
    _application_id, contacts = panel
    before, _ = _current(app, contacts["Sam Lee"], "email")
    response = client.post("/account/profile", data={
        "name": "Ana Ortiz", "signature": "Ana M. Ortiz", "tone": "formal",
        "greeting_style": "honorific", "paper": "a4", "timezone": "UTC",
    })  # fmt: skip
    assert response.status_code in (200, 303)
    after, outdated = _current(app, contacts["Sam Lee"], "email")
    assert after != before and "Ana M. Ortiz" in after and not outdated


def test_autosave_and_marks_compose_nothing(app, client, panel, monkeypatch):
    _application_id, contacts = panel
    calls = _counting_compositions(monkeypatch)
    draft_id = _draft_id(app, contacts["Dana Rivera"], "email")
    response = client.post(
        f"/drafts/{draft_id}/save", data={"subject": "Thanks", "body": "Hi Dana,\n\nMine."},
        headers=HX,
    )  # fmt: skip
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="draft-' in html and "(edited)" in html
    # The people list and its counts come along (the browser test watches them change).
    assert 'hx-swap-oob="true"' in html and 'id="people-counts"' in html
    assert "Versions (" in html
    client.post(f"/drafts/{draft_id}/mark/sent", data={"done": "1"}, headers=HX)
    assert calls == []


def test_a_failed_composition_keeps_the_note_and_the_next_read_composes(
    app, client, panel, monkeypatch
):
    application_id, contacts = panel

    def broken(*_args):
        raise RuntimeError("composer bug")

    monkeypatch.setattr(drafts.composer, "compose_panel", broken)
    response = client.post(
        f"/contacts/{contacts['Sam Lee']}", data={"kind": "topic", "body": "rust at the edge"}
    )
    assert response.status_code in (200, 303)
    body, outdated = _current(app, contacts["Sam Lee"], "email")
    assert "rust" not in body and outdated
    monkeypatch.undo()
    items = {(d["contact_name"], d["channel"]): d for d in _drafts(client, application_id)}
    assert "rust at the edge" in items[("Sam Lee", "email")]["body"]
    assert not _current(app, contacts["Sam Lee"], "email")[1]


def test_the_page_names_each_person_state(app, client, panel):
    application_id, contacts = panel
    email = _draft_id(app, contacts["Sam Lee"], "email")
    card = _draft_id(app, contacts["Sam Lee"], "card")
    client.post(f"/drafts/{email}/mark/sent", data={"done": "1"})
    client.post(f"/drafts/{card}/mark/posted", data={"done": "1"})
    linkedin = _draft_id(app, contacts["Sam Lee"], "linkedin")
    client.post(f"/drafts/{linkedin}/mark/connected", data={"done": "1"})
    page = client.get(f"/applications/{application_id}/drafts/{contacts['Sam Lee']}").get_data(
        as_text=True
    )
    assert '<h2 id="person-name" tabindex="-1">Sam Lee</h2>' in page
    assert 'class="person-state state-sent"' in page
    assert page.count('class="person-state state-overdue"') == 2  # the panel was on 21 Nov
    assert "1 sent" in page and "2 overdue" in page
    other = client.get(f"/applications/{application_id}/drafts/not-a-person")
    assert other.status_code == 404


def test_an_import_composes_each_imported_panel_once(app, client, panel, monkeypatch):
    from models import Application
    from tests.test_portability import _choose, upload

    application_id, _contacts = panel
    exported = client.get("/account/export.json").data
    calls = _counting_compositions(monkeypatch)
    # The file holds this very panel: the import asks first, and "as copies" adds a second one.
    response = _choose(client, upload(client, exported).data, "copy")
    assert response.status_code == 303
    with app.app_context():
        copy = db.session.scalar(db.select(Application).where(Application.id != application_id))
        copy_id = copy.id
        assert not db.session.scalar(db.select(db.func.count()).where(Draft.outdated))
    assert len(calls) == 1  # the imported copy; the original panel did not change
    monkeypatch.setattr(drafts.composer, "compose_panel", None)  # reading must not compose
    assert client.get(f"/applications/{copy_id}/drafts").status_code == 200


def test_drafts_composed_as_notes_came_in_share_no_sentence(app, client, panel):
    import re

    application_id, _contacts = panel
    items = _drafts(client, application_id)
    for channel in ("email", "card"):
        seen: dict[str, str] = {}
        for item in items:
            if item["channel"] != channel and not (
                channel == "email" and item["channel"] == "wrapup"
            ):
                continue
            for sentence in re.split(r"(?<=[.!?])\s+", item["body"]):
                words = sentence.split()
                if len(words) < 6:  # greetings and sign-offs are alike by nature
                    continue
                assert seen.setdefault(sentence, item["contact_name"]) == item["contact_name"]


def test_a_saved_point_is_answered_before_its_panel_is_composed(app, client, panel, monkeypatch):
    import threading

    from services import drafts_pending

    _application_id, contacts = panel
    pending = drafts_pending.of(app)
    monkeypatch.setattr(pending, "mode", "background")
    release, started = threading.Event(), threading.Event()
    real = drafts.composer.compose_panel

    def held(*args):
        started.set()
        assert release.wait(30)
        return real(*args)

    monkeypatch.setattr(drafts.composer, "compose_panel", held)
    response = client.post(
        f"/contacts/{contacts['Sam Lee']}", data={"kind": "topic", "body": "rust at the edge"}
    )
    # The answer came while the composition was still held back: it waits for no composing.
    assert response.status_code in (200, 303)
    assert started.wait(30)
    body, outdated = _current(app, contacts["Sam Lee"], "email")
    assert "rust" not in body and outdated
    release.set()
    assert pending.wait()
    body, outdated = _current(app, contacts["Sam Lee"], "email")
    assert "rust at the edge" in body and not outdated


def test_a_note_saved_while_its_panel_is_composed_is_not_lost(app, client, panel, monkeypatch):
    from models import Application, Contact, User
    from services import capture

    application_id, contacts = panel
    calls = []
    real = drafts.composer.compose_panel

    def racing(*args):
        calls.append(args)
        if len(calls) == 1:
            # Another request saves a point after this composition read the notes.
            with app.app_context():
                sam = db.session.get(Contact, contacts["Sam Lee"])
                capture.add_point(db.session, sam, kind="topic", body="grafana dashboards",
                                  interview_id=None)  # fmt: skip
        return real(*args)

    monkeypatch.setattr(drafts.composer, "compose_panel", racing)
    with app.app_context():
        application = db.session.get(Application, application_id)
        db.session.execute(db.update(Draft).values(outdated=True))
        db.session.commit()
        assert drafts.recompose(db.session, application, db.session.get(User, application.user_id))
    # The first composition saw the notes change under it and composed again with them.
    assert len(calls) == 2
    body, outdated = _current(app, contacts["Sam Lee"], "email")
    assert "grafana dashboards" in body and not outdated


@pytest.fixture
def postcard():
    """A channel the app has never heard of, registered for one test: an entry and a planner."""
    from services.composer import channels, planner
    from services.composer.model import ComposedDraft

    def plan_postcard(ctx: planner.Context, channel: channels.Channel) -> ComposedDraft:
        detail = next((r.text for r in ctx.readings if r.detail), "")
        hello = planner.greeting(ctx.person, ctx.profile, ctx.book)
        body = f"{hello} Greetings from home. {detail}"
        return ComposedDraft(ctx.person.id, channel.code, "", body.strip(), generic=not detail)

    channel = channels.register(
        channels.Channel(
            "postcard", "Picture postcard", "Postcard", 60, timedelta(hours=72), ("posted",),
            False, False, "everyone", "postcard", printed_as="card",
        )
    )  # fmt: skip
    planner.PLANNERS["postcard"] = plan_postcard
    try:
        yield channel
    finally:
        channels.unregister("postcard")
        planner.PLANNERS.pop("postcard", None)


def test_a_registered_channel_shows_on_the_review_page_the_due_list_and_the_exports(
    app, client, panel, postcard
):
    from models import Application, User
    from services import printing

    application_id, contacts = panel
    page = client.get(f"/applications/{application_id}/drafts/{contacts['Dana Rivera']}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    # Its own heading and body label, its one mark, no subject and no mail buttons of its own.
    assert html.count(">Picture postcard <span") == 1
    assert "Picture postcard to Dana Rivera</label>" in html
    assert html.count("Mark as posted") == 2  # the card's and the postcard's
    assert html.count('name="subject"') == 1  # the email's only
    assert html.count("Download .eml") == 1
    assert "Postcard: <span" in html  # in the people list
    postcard_id = _draft_id(app, contacts["Dana Rivera"], "postcard")
    items = {(d["contact_name"], d["channel"]): d for d in _drafts(client, application_id)}
    dana = items[("Dana Rivera", "postcard")]
    assert dana["body"].startswith("Hi Dana, Greetings from home.") and dana["status"] == "to post"
    assert "kafka" in dana["body"].lower()
    # Due three days after the interview, in the list of what is due.
    assert dana["due_at"] == "2026-11-24T11:00:00Z"
    home = client.get("/").get_data(as_text=True)
    assert "Postcard to Dana Rivera" in home and "Postcard to Priya Nair" in home
    # Ticking its mark works like any other, and its text prints with the cards.
    response = client.post(f"/drafts/{postcard_id}/mark/posted", data={"done": "1"}, headers=HX)
    assert response.status_code == 200 and "Done: posted" in response.get_data(as_text=True)
    assert client.post(f"/drafts/{postcard_id}/mark/sent", data={"done": "1"}).status_code == 404
    assert client.get(f"/drafts/{postcard_id}/message.eml").status_code == 404
    with app.app_context():
        application = db.session.get(Application, application_id)
        user = db.session.get(User, application.user_id)
        notes = printing.batch_notes(db.session, application, user, "a6", None)
        letters = printing.batch_notes(db.session, application, user, "letter", None)
    assert len(notes) == 6 and sum("Greetings from home" in n.body for n in notes) == 3
    assert len(letters) == 3 and not any("Greetings from home" in n.body for n in letters)


def test_a_printed_letter_of_a_composed_email_carries_the_signature_once(app, client, panel):
    import io

    from pypdf import PdfReader

    application_id, contacts = panel
    response = client.post("/account/profile", data={
        "name": "Ana Ortiz", "signature": "Ana M. Ortiz", "tone": "warm",
        "greeting_style": "first_name", "paper": "letter", "timezone": "UTC",
        "phone": "+1 415 555 0100", "portfolio_url": "https://anaortiz.dev",
    })  # fmt: skip
    assert response.status_code in (200, 303)
    email = _drafts(client, application_id)
    dana = next(d for d in email if d["contact_name"] == "Dana Rivera" and d["channel"] == "email")
    assert "Ana M. Ortiz" in dana["body"]  # the email signs with it, the letter prints it once
    for url in (
        f"/contacts/{contacts['Dana Rivera']}/letter.pdf?paper=letter",
        f"/applications/{application_id}/notes.pdf?format=letter",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages]
        # Dana's letter (one page, each with the letterhead), from her greeting on.
        letter = next(text for text in pages if "Hi Dana," in text).split("Hi Dana,", 1)[1]
        assert letter.count("Ana M. Ortiz") == 1, (url, letter)
        assert "555 0100" not in letter and "anaortiz.dev" not in letter


def test_someone_without_an_address_gets_a_card_and_the_recruiter_passes_thanks_on(
    app, client, panel
):
    application_id, contacts = panel
    client.post(
        f"/contacts/{contacts['Sam Lee']}/edit",
        data={"name": "Sam Lee", "role": "interviewer", "email": ""},
    )
    items = _drafts(client, application_id)
    sams = sorted(d["channel"] for d in items if d["contact_name"] == "Sam Lee")
    assert sams == ["card", "linkedin"]  # no email to nobody
    wrapup = next(d for d in items if d["channel"] == "wrapup")
    assert "Sam" in wrapup["body"] and "thank" in wrapup["body"].lower()
    # His address found later (a business card at home): his email is drafted again.
    client.post(
        f"/contacts/{contacts['Sam Lee']}/edit",
        data={"name": "Sam Lee", "role": "interviewer", "email": "sam@acme.example"},
    )
    items = _drafts(client, application_id)
    assert ("Sam Lee", "email") in {(d["contact_name"], d["channel"]) for d in items}


def test_a_linkedin_note_is_optional_and_due_once_their_profile_is_known(app, client, panel):
    application_id, contacts = panel
    dana = contacts["Dana Rivera"]
    for channel in ("email", "card"):
        client.post(f"/drafts/{_draft_id(app, dana, channel)}/mark/sent", data={"done": "1"})
    client.post(f"/drafts/{_draft_id(app, dana, 'card')}/mark/posted", data={"done": "1"})
    # Done with everything but the LinkedIn note: nothing makes her overdue or due.
    with app.app_context():
        user = db.session.scalar(db.select(User))
        application = db.session.get(Application, application_id)
        review = drafts.review_person(db.session, application, user, utcnow(), dana)
        assert review.person.state == "sent"
        due = drafts.due_items_of(db.session, application, utcnow())
        assert ("Dana Rivera", "linkedin") not in {(i.contact.name, i.channel) for i in due}
    client.post(
        f"/contacts/{dana}/edit",
        data={
            "name": "Dana Rivera",
            "role": "interviewer",
            "email": "dana@acme.example",
            "linkedin_url": "https://www.linkedin.com/in/dana-rivera",
        },
    )
    with app.app_context():
        application = db.session.get(Application, application_id)
        due = drafts.due_items_of(db.session, application, utcnow())
        assert ("Dana Rivera", "linkedin") in {(i.contact.name, i.channel) for i in due}


def test_a_warning_about_the_person_is_said_once_not_under_every_note(app, client, panel):
    application_id, contacts = panel
    dana = contacts["Dana Rivera"]
    client.post(
        f"/contacts/{dana}/edit",
        data={"name": "Dana? Rivera", "role": "interviewer", "email": "dana@acme.example"},
    )
    with app.app_context():
        user = db.session.scalar(db.select(User))
        application = db.session.get(Application, application_id)
        review = drafts.review_person(db.session, application, user, utcnow(), dana)
        unsure = [
            v.draft.channel for v in review.views for w in v.warnings if w.code == "name_unsure"
        ]
        assert len(review.views) >= 2 and unsure == [review.views[0].draft.channel], unsure
        assert all(not v.body.startswith("Hi Dana?") for v in review.views)
