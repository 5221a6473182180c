"""Polish with the operator's own model: a fake OpenAI-compatible server on 127.0.0.1 answers
well, invents facts, runs long, greets the wrong person, stalls, fails, refuses or sends garbage,
and each answer is accepted or refused through the routes a user touches. No test reaches any
other network."""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from extensions import db, limiter
from models import Contact, Draft
from services import polish
from services.checker import content_sentences

# --- the fake model ----------------------------------------------------------------------------

NOTE_MARK = "The note to polish:\n"


def _good(note: str) -> str:
    """A light rewrite that adds no fact: one short sentence before the sign-off."""
    lines = note.split("\n")
    valediction = max(i for i, line in enumerate(lines) if line.strip().endswith(","))
    return "\n".join([*lines[:valediction], "It was a real pleasure.", "", *lines[valediction:]])


def _before_signoff(note: str, sentence: str) -> str:
    lines = note.split("\n")
    valediction = max(i for i, line in enumerate(lines) if line.strip().endswith(","))
    return "\n".join([*lines[: valediction - 1], sentence, "", *lines[valediction - 1 :]])


def _greeting(note: str, line: str) -> str:
    return "\n".join([line, *note.split("\n")[1:]])


ANSWERS = {
    "good": _good,
    "hallucinating": lambda note: _before_signoff(
        note,
        "I also enjoyed meeting Maria Lopez, who said Globex grew 42% last year: "
        "https://globex.example/jobs",
    ),
    "over_long": lambda note: _before_signoff(
        note, " ".join(["Thank you again for your time and your thoughtful questions."] * 20)
    ),
    "wrong_name": lambda note: _greeting(note, "Hi Sam,"),
    "wrong_signoff": lambda note: "\n".join([*note.split("\n")[:-2], "Cheers,", "Ana"]),
    "refusal": lambda note: "I can't help with that.",
    "fenced_good": lambda note: "```\n" + _good(note) + "\n```",
}


class FakeModel:
    """A threaded OpenAI-compatible server: `mode` picks its answer, `requests` keeps what came."""

    def __init__(self):
        self.reset()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                payload = json.loads(self.rfile.read(length))
                fake.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "json": payload}
                )
                note = payload["messages"][-1]["content"].split(NOTE_MARK, 1)[1]
                if fake.mode == "slow":
                    fake.release.wait(30)
                    return self._send(200, {"choices": [{"message": {"content": note}}]})
                if fake.mode == "http_error":
                    return self._send(500, {"error": {"message": "model crashed"}})
                if fake.mode == "unauthorized":
                    return self._send(401, {"error": {"message": "bad key"}})
                if fake.mode == "malformed":
                    return self._raw(200, b'{"choices": [{"message": ')
                answer = fake.custom(note) if fake.custom else ANSWERS[fake.mode](note)
                return self._send(
                    200, {"choices": [{"message": {"role": "assistant", "content": answer}}]}
                )

            def _send(self, status, data):
                self._raw(status, json.dumps(data).encode())

            def _raw(self, status, body):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the slow answer)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def reset(self):
        """Back to good answers with nothing received; a stalled answer is let go."""
        if getattr(self, "release", None):
            self.release.set()
        self.mode = "good"
        self.custom = None  # a function of the note, for one-off answers
        self.requests: list[dict] = []
        self.release = threading.Event()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture(scope="module")
def fake_server():
    """One fake per module: its address stays the same, so every test shares one app."""
    with FakeModel() as fake:
        yield fake


@pytest.fixture
def fake_model(fake_server):
    fake_server.reset()
    yield fake_server
    fake_server.reset()


@pytest.fixture
def app_config(app_config, fake_model):
    """Polishing on, pointed at the fake model (the slow test shortens the timeout)."""
    return dict(
        app_config,
        LLM_BASE_URL=fake_model.url + "/",
        LLM_API_KEY="sk-test-key",
        LLM_MODEL="tiny-test",
        LLM_TIMEOUT_SECONDS=10,
    )


# --- helpers -----------------------------------------------------------------------------------


def _draft(app, name: str, channel: str = "email") -> tuple[str, str, int]:
    """(draft id, current body, current version number) of a person's note."""
    with app.app_context():
        draft = db.session.scalar(
            db.select(Draft).join(Contact).where(Contact.name == name, Draft.channel == channel)
        )
        return draft.id, draft.current.body, draft.current.number


def _open_review(client, panel, name="Dana Rivera"):
    application_id, contacts = panel
    page = client.get(f"/applications/{application_id}/drafts/{contacts[name]}")
    assert page.status_code == 200
    return page.get_data(as_text=True)


def _polish(client, draft_id, **form):
    return client.post(f"/drafts/{draft_id}/polish", data=form, headers={"HX-Request": "true"})


def _reasons(html: str) -> list[str]:
    """The codes of the reasons a polish was refused, as the page lists them."""
    refused = re.search(r'<div class="polish-refused.*?</div>', html, re.DOTALL)
    return re.findall(r'data-code="([a-z_]+)"', refused.group(0)) if refused else []


def _refused(client, app, panel, fake, mode) -> tuple[str, list[str]]:
    """Polish Dana's email with the fake in `mode`: the answer must be refused, nothing changed."""
    _open_review(client, panel)
    draft_id, body, number = _draft(app, "Dana Rivera")
    fake.mode = mode
    response = _polish(client, draft_id)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Kept your draft as it was." in html
    assert _draft(app, "Dana Rivera") == (draft_id, body, number)
    assert body.split("\n")[1] in html  # the text box still shows the draft as it was
    return html, _reasons(html)


# --- outcomes through the routes ---------------------------------------------------------------


def test_good_answer_becomes_a_new_version_with_diff_and_one_tap_restore(
    app, client, panel, fake_model
):
    page = _open_review(client, panel)
    assert page.count(">Polish</button>") == 2  # Dana's email and card
    assert "127.0.0.1:" in page  # says where the note goes
    draft_id, body, number = _draft(app, "Dana Rivera")

    response = _polish(client, draft_id)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    _, new_body, new_number = _draft(app, "Dana Rivera")
    assert new_number == number + 1
    assert new_body == _good(body)
    assert "<ins>It was a real pleasure.\n\n</ins>" in html or "<ins>It was" in html
    assert f"version {new_number} is your model" in html
    assert "polished by your model" in html  # in the list of versions
    assert f"Undo polish: restore version {number}" in html

    restored = client.post(
        f"/drafts/{draft_id}/versions/{number}/restore", headers={"HX-Request": "true"}
    )
    assert restored.status_code == 200
    assert _draft(app, "Dana Rivera")[1] == body
    # The polished version stays in the history.
    with app.app_context():
        sources = [v.source for v in db.session.get(Draft, draft_id).versions]
    assert sources[-2:] == ["polished", "restored"]


def test_only_that_persons_draft_readings_and_role_are_sent(app, client, panel, fake_model):
    _open_review(client, panel)
    draft_id, body, _ = _draft(app, "Dana Rivera")
    _polish(client, draft_id)
    [sent] = fake_model.requests
    assert sent["path"] == "/v1/chat/completions"
    assert sent["headers"]["Authorization"] == "Bearer sk-test-key"
    assert sent["json"]["model"] == "tiny-test"
    system, user = sent["json"]["messages"]
    assert "Add no fact" in system["content"] and "greeting" in system["content"]
    assert body.strip() in user["content"]
    assert "Staff Engineer" in user["content"]  # the role
    with app.app_context():
        readings = [
            p.reading
            for p in db.session.scalar(
                db.select(Contact).where(Contact.name == "Dana Rivera")
            ).points
        ]
    assert readings and all(r in user["content"] for r in readings)
    everything = json.dumps(sent["json"])
    # Nothing of anyone else on the panel, nor the user's account.
    for other in ("Sam Lee", "Priya", "Sam", "ana@example.com", "dana@acme.example"):
        assert other not in everything


def test_unsaved_text_in_the_box_is_saved_then_polished(app, client, panel, fake_model):
    _open_review(client, panel)
    draft_id, body, _ = _draft(app, "Dana Rivera")
    typed = body.replace("Hi Dana,", "Hi Dana,\n\nI hope your week is going well.", 1)
    response = _polish(client, draft_id, body=typed, subject="Thank you, Dana")
    assert response.status_code == 200
    with app.app_context():
        versions = db.session.get(Draft, draft_id).versions
        assert [v.source for v in versions[-2:]] == ["edited", "polished"]
        assert versions[-2].body == typed and versions[-1].body == _good(typed)
        assert versions[-1].subject == "Thank you, Dana"


def test_fenced_answer_is_unwrapped(app, client, panel, fake_model):
    _open_review(client, panel)
    draft_id, body, _ = _draft(app, "Dana Rivera")
    fake_model.mode = "fenced_good"
    assert _polish(client, draft_id).status_code == 200
    assert _draft(app, "Dana Rivera")[1] == _good(body)


def test_hallucinating_answer_is_refused_naming_what_it_made_up(app, client, panel, fake_model):
    html, codes = _refused(client, app, panel, fake_model, "hallucinating")
    assert codes[0] == "invented_facts"
    for made_up in ("Maria", "Lopez", "Globex", "42", "https://globex.example/jobs"):
        assert f"“{made_up}”" in html


def test_over_long_answer_is_refused(app, client, panel, fake_model):
    html, codes = _refused(client, app, panel, fake_model, "over_long")
    assert codes == ["too_long"]
    assert re.search(r"The polished note has \d+ words, over this note&#39;s limit of 150", html)


def test_wrong_name_greeting_is_refused(app, client, panel, fake_model):
    html, codes = _refused(client, app, panel, fake_model, "wrong_name")
    assert "wrong_greeting" in codes
    assert "The polished note greets Sam instead of Dana (it opens “Hi Sam,”)." in html


def test_someone_elses_sign_off_is_refused(app, client, panel, fake_model):
    html, codes = _refused(client, app, panel, fake_model, "wrong_signoff")
    assert "wrong_signoff" in codes
    assert "does not end with your own sign-off" in html


def test_slow_answer_times_out_and_changes_nothing(app, client, panel, fake_model):
    app.config["LLM_TIMEOUT_SECONDS"] = 0.5
    html, codes = _refused(client, app, panel, fake_model, "slow")
    assert codes == ["timeout"]
    assert "Your model took longer than 0.5 seconds to answer, so nothing changed." in html


def test_http_error_changes_nothing(app, client, panel, fake_model):
    html, codes = _refused(client, app, panel, fake_model, "http_error")
    assert codes == ["http_error"]
    assert "answered with an error (HTTP 500)" in html


def test_a_refused_key_is_named(app, client, panel, fake_model):
    html, codes = _refused(client, app, panel, fake_model, "unauthorized")
    assert codes == ["http_error"]
    assert "refused the key it was given (HTTP 401)" in html


def test_refusal_changes_nothing(app, client, panel, fake_model):
    html, codes = _refused(client, app, panel, fake_model, "refusal")
    assert codes == ["refused"]
    assert "Your model declined to polish this note (“I can&#39;t help with that.”)" in html


def test_malformed_json_changes_nothing(app, client, panel, fake_model):
    html, codes = _refused(client, app, panel, fake_model, "malformed")
    assert codes == ["malformed"]
    assert "could not be read" in html


def test_dropped_detail_is_refused(app, client, panel, fake_model):
    fake_model.custom = lambda note: (
        "Hi Dana,\n\nThank you for your time on the Staff Engineer role.\n\nBest,\nAna Ortiz"
    )
    html, codes = _refused(client, app, panel, fake_model, "custom")
    assert "no_detail" in codes
    assert "dropped every detail from your conversation with Dana" in html


def test_a_sentence_from_another_persons_note_is_refused(app, client, panel, fake_model):
    _, sam_body, _ = _draft(app, "Sam Lee")
    borrowed = next(
        s for s in content_sentences(sam_body) if len(s.split()) >= 5 and "Sam" not in s
    )
    fake_model.custom = lambda note: _before_signoff(note, borrowed)
    html, codes = _refused(client, app, panel, fake_model, "custom")
    assert "shared_sentence" in codes
    assert "repeats a sentence from a note to someone else" in html


def test_unreachable_model_changes_nothing(app, client, panel, fake_model):
    app.config["LLM_BASE_URL"] = "http://127.0.0.1:9"  # nothing listens on the discard port
    html, codes = _refused(client, app, panel, fake_model, "good")
    assert codes == ["unreachable"]
    assert "Could not reach your model at 127.0.0.1:9" in html


def test_without_htmx_a_refusal_is_a_flash_on_the_persons_page(app, client, panel, fake_model):
    _open_review(client, panel)
    draft_id, body, number = _draft(app, "Dana Rivera")
    fake_model.mode = "refusal"
    response = client.post(f"/drafts/{draft_id}/polish", follow_redirects=True)
    assert response.status_code == 200
    assert "Kept your draft as it was. Your model declined" in response.get_data(as_text=True)
    assert _draft(app, "Dana Rivera") == (draft_id, body, number)


def test_polish_is_rate_limited_per_user(app, client, panel, fake_model):
    _open_review(client, panel)
    draft_id, _, _ = _draft(app, "Dana Rivera")
    fake_model.mode = "refusal"
    codes = []
    for _ in range(7):
        codes += _reasons(_polish(client, draft_id).get_data(as_text=True))
    assert codes[:6] == ["refused"] * 6
    assert codes[6] == "rate_limited"
    assert len(fake_model.requests) == 6
    limiter.reset()


def test_another_users_draft_is_a_404(app, client, auth, panel, fake_model):
    draft_id, _, _ = _draft(app, "Dana Rivera")
    auth.logout()
    auth.register(email="eve@example.com", name="Eve")
    assert _polish(client, draft_id).status_code == 404
    assert fake_model.requests == []


def test_off_by_default_no_button_no_route_nothing_sent(app, client, panel, fake_model):
    app.config["LLM_BASE_URL"] = ""
    page = _open_review(client, panel)
    assert ">Polish</button>" not in page and "/polish" not in page
    draft_id, body, number = _draft(app, "Dana Rivera")
    assert _polish(client, draft_id).status_code == 404
    assert client.post(f"/drafts/{draft_id}/polish").status_code == 404
    assert fake_model.requests == []
    assert _draft(app, "Dana Rivera") == (draft_id, body, number)
    profile = client.get("/account/profile").get_data(as_text=True)
    assert "Polishing with a model is off on this server" in profile


def test_profile_says_where_drafts_go_when_on(client, user, fake_model):
    html = client.get("/account/profile").get_data(as_text=True)
    host = fake_model.url.removeprefix("http://")
    assert f"<strong>{host}</strong>" in html and "(model tiny-test)" in html


def test_polished_versions_survive_export_and_import(app, client, auth, panel, fake_model):
    from tests.test_portability import upload

    _open_review(client, panel)
    draft_id, _, _ = _draft(app, "Dana Rivera")
    _polish(client, draft_id)
    exported = client.get("/account/export.json").get_data()
    auth.logout()
    auth.register(email="eve@example.com", name="Eve")
    assert upload(client, exported).status_code == 303
    with app.app_context():
        versions = db.session.scalars(
            db.select(Draft).where(Draft.id != draft_id, Draft.channel == "email")
        ).all()
        assert "polished" in [v.source for d in versions for v in d.versions]


# --- the service on its own --------------------------------------------------------------------


def test_settings_are_off_without_a_base_url_and_refuse_other_schemes():
    assert polish.settings_from({}) is None
    assert polish.settings_from({"LLM_BASE_URL": "  "}) is None
    assert polish.settings_from({"LLM_BASE_URL": "file:///etc/passwd"}) is None
    on = polish.settings_from({"LLM_BASE_URL": "http://gpu.lan:11434/", "LLM_MODEL": "llama3"})
    assert on.endpoint == "http://gpu.lan:11434/v1/chat/completions"
    assert on.host == "gpu.lan:11434" and on.timeout == 20


NOTE = (
    "Hi Dana,\n\nThank you for meeting with me about the Staff Engineer role at Acme. "
    "I enjoyed our talk about the Kafka migration for the payments ledger.\n\n"
    "Best,\nAna Ortiz"
)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (NOTE.replace("I enjoyed", "I really enjoyed"), []),
        (NOTE.replace("Acme.", "Acme in Berlin."), ["Berlin"]),
        (NOTE.replace("Acme.", "Acme, a team of 12."), ["12"]),
        (NOTE.replace("Acme.", "Acme, a team of twelve."), ["twelve"]),
        (NOTE.replace("I enjoyed", "Jordan and I enjoyed"), ["Jordan"]),
        (NOTE.replace("I enjoyed", "I enjoyed (and AWS)"), ["AWS"]),
        (NOTE.replace("ledger.", "ledger: www.acme.example/x."), ["www.acme.example/x"]),
        (NOTE.replace("I enjoyed", "Also, I enjoyed"), []),  # a common opener, not a name
        (NOTE.replace("I enjoyed", "Kafka was fun. I enjoyed"), []),  # in the input
    ],
)
def test_invented_facts(answer, expected):
    assert polish.invented_facts(answer, NOTE) == expected


def test_refusals_are_recognised():
    refusals = ("I can't help with that.", "I\u2019m sorry, but I cannot", "As an AI, I", "Sorry.")
    for text in refusals:
        assert polish.is_refusal(text), text
    assert not polish.is_refusal(NOTE)


DANA = (
    "Hi Dana,\n\n"
    "Thank you for speaking with me about the Staff Engineer role at Acme. It was good to talk "
    "through the Kafka migration for the payments ledger.\n\n"
    "Following up as promised, here is my talk: https://example.com/talk?id=7&x=1\n\n"
    "I have ten years of payments infrastructure, and I would put that to use quickly at Acme. "
    "I look forward to your news.\n\n"
    "Warm regards,\nAna Ortiz"
)
SAM = (
    "Hi Sam,\n\nThanks for the time you spent with me on the Staff Engineer role at Acme.\n\n"
    "I have ten years of payments infrastructure, so I know the kind of work the role involves. "
    "Thanks again, and I hope our paths cross before long.\n\nWarm regards,\nAna Ortiz"
)
DANA_REQUEST = polish.Request(
    channel="email",
    subject="Great speaking with you, Dana",
    body=DANA,
    role="Staff Engineer",
    contact_name="Dana Rivera",
    readings=("I found it useful to hear your take on the Kafka migration for the ledger.",),
    contact_email="dana@acme.example",
    points=("kafka migration for the payments ledger",),
    other_bodies=(SAM,),
    other_names=("Sam Lee", "Priya Nair"),
)
# How a careful model rewrites it: new wording, the same facts, greeting and sign-off.
REWRITE = (
    "Hi Dana,\n\n"
    "Thank you for taking the time to speak with me about the Staff Engineer role at Acme. "
    "I really enjoyed talking through the Kafka migration for the payments ledger with you.\n\n"
    "As promised, here is the link to my talk: https://example.com/talk?id=7&x=1\n\n"
    "With ten years in payments infrastructure, I am confident I could contribute quickly at "
    "Acme. I look forward to hearing from you.\n\n"
    "Warm regards,\nAna Ortiz"
)


def test_a_careful_rewrite_passes_every_guardrail():
    assert polish.guard(DANA_REQUEST, REWRITE) == []
    outcome = polish.polish(
        polish.Settings("http://model"), DANA_REQUEST, lambda s, m: "Here is the note:\n" + REWRITE
    )
    assert outcome.accepted and outcome.body == REWRITE


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (REWRITE.replace("I look forward", "Please hire me, I need this job. I look forward"),
         "checker_pleading"),
        (REWRITE.replace("As promised,", "I have attached my slides. As promised,"),
         "checker_attach_reminder"),
        (REWRITE.replace("Hi Dana,", "Hello,"), "wrong_greeting"),
        (REWRITE.replace("Warm regards,", "Best,"), "wrong_signoff"),
        (REWRITE.replace("Kafka migration for the payments ledger", "platform"), "no_detail"),
        (REWRITE.replace("I look forward to hearing from you.",
                         "Thanks again, and I hope our paths cross before long."),
         "shared_sentence"),
    ],
)  # fmt: skip
def test_each_guardrail_names_its_reason(answer, code):
    assert code in [r.code for r in polish.guard(DANA_REQUEST, answer)]


def test_the_model_is_asked_with_the_channels_limit_and_nothing_else():
    system, user = polish.messages_for(DANA_REQUEST)
    assert "Stay under 150 words" in system["content"]
    assert DANA in user["content"] and DANA_REQUEST.readings[0] in user["content"]
    for never in ("dana@acme.example", "Sam", "Priya", "kafka migration for the payments"):
        assert never not in system["content"] + user["content"]
