"""Phrase books are data checked on load; a channel or a language is data plus a small planner."""

import json
import shutil

import pytest

from services import composer
from services.composer import channels, phrases, planner
from services.composer.model import ComposedDraft, Job, Person, Point, Profile


def copy_books(tmp_path, language="en"):
    for tone in phrases.TONES:
        shutil.copy(phrases.PHRASES_DIR / f"en-{tone}.json", tmp_path / f"{language}-{tone}.json")
        if language != "en":
            path = tmp_path / f"{language}-{tone}.json"
            data = json.loads(path.read_text())
            data["language"] = language
            path.write_text(json.dumps(data))
    return tmp_path


def edit(tmp_path, tone, change):
    path = tmp_path / f"en-{tone}.json"
    data = json.loads(path.read_text())
    change(data["phrases"])
    path.write_text(json.dumps(data))


def test_the_shipped_books_load_and_every_tone_has_every_key():
    books = phrases.load_language("en")
    assert set(books) == set(phrases.TONES)
    for book in books.values():
        assert set(book.phrases) == set(phrases.KEYS)
    assert phrases.languages() == ("en",)


@pytest.mark.parametrize(
    ("tone", "change", "message"),
    [
        ("formal", lambda p: p.pop("closing"), "en-formal.json: missing keys closing"),
        ("warm", lambda p: p["thanks"].append("Thanks for {company} and {x}."), "uses {x}"),
        ("formal", lambda p: p["read_topic_np"].pop(), "has 5 variants, but en-warm.json has 6"),
        ("brief", lambda p: p.update(bogus=["Hi."]), "unknown key 'bogus'"),
        ("warm", lambda p: p["closing"].pop(), "'closing' needs 8 variants"),
        ("warm", lambda p: p["met"].__setitem__(1, p["met"][0]), "'met' repeats a variant"),
    ],
)
def test_a_broken_book_is_refused_with_a_clear_error(tmp_path, tone, change, message):
    copy_books(tmp_path)
    edit(tmp_path, tone, change)
    with pytest.raises(
        phrases.PhraseBookError, match=message.replace("{", r"\{").replace("}", r"\}")
    ):
        phrases.load_language("en", tmp_path)


def test_a_tone_is_a_parameter_of_one_book_not_a_copy_keyed_by_the_warm_text(tmp_path):
    # Rewording a warm sentence leaves its formal twin in place: the twin is found by key and slot.
    copy_books(tmp_path)
    edit(tmp_path, "warm", lambda p: p["thanks"].__setitem__(0, "Thank you for {role_at}!"))
    books = phrases.load_language("en", tmp_path)
    assert books["warm"].pick("thanks", 0) == "Thank you for {role_at}!"
    assert books["formal"].pick("thanks", 0) == phrases.book("en", "formal").pick("thanks", 0)


def test_adding_a_language_is_a_data_change(tmp_path, monkeypatch):
    copy_books(tmp_path, "xx")
    edit_path = tmp_path / "xx-warm.json"
    data = json.loads(edit_path.read_text())
    data["phrases"]["greeting"] = ["Hej {first},"]
    data["phrases"]["valediction"] = ["Med vänliga hälsningar,"]
    edit_path.write_text(json.dumps(data))
    monkeypatch.setattr(phrases, "PHRASES_DIR", tmp_path)
    phrases.book.cache_clear()
    try:
        person = Person("a", "Maya Chen", "interviewer", email="m@x.example",
                        points=(Point("topic", "kafka migration"),))  # fmt: skip
        email = composer.compose_panel(Job("Acme", "Engineer"), [person],
                                       Profile("Sam", language="xx"))[0]  # fmt: skip
        assert email.body.startswith("Hej Maya,\n")
        assert "Med vänliga hälsningar,\nSam" in email.body
    finally:
        phrases.book.cache_clear()


def test_adding_a_channel_is_one_registry_entry_and_a_small_planner():
    def plan_sms(ctx: planner.Context, channel: channels.Channel) -> ComposedDraft:
        detail = next((r.text for r in ctx.readings if r.detail), "")
        body = f"{planner.greeting(ctx.person, ctx.profile, ctx.book)} {detail}".strip()
        return ComposedDraft(ctx.person.id, channel.code, "", body, generic=not detail)

    sms = channels.Channel(
        "sms", "Text message", "Text", 60, channels.EMAIL.due_within, ("sent",),
        False, False, "interviewer", "sms",
    )  # fmt: skip
    channels.register(sms)
    planner.PLANNERS["sms"] = plan_sms
    try:
        person = Person("a", "Maya Chen", "interviewer", email="maya@x.example",
                        points=(Point("topic", "kafka migration"),))  # fmt: skip
        drafts = composer.compose_panel(Job("Acme", "Engineer"), [person], Profile("Sam"))
        # Her notes in registry order, then the panel's one follow-up (she is its recipient).
        assert [d.channel for d in drafts] == ["email", "card", "linkedin", "sms", "followup"]
        text = next(d for d in drafts if d.channel == "sms")
        assert text.body.startswith("Hi Maya, ") and "Kafka migration" in text.body
        assert channels.for_role("recruiter") == ("wrapup", "card", "linkedin")
    finally:
        channels.unregister("sms")
        planner.PLANNERS.pop("sms")


def test_the_registry_holds_what_each_channel_needs():
    assert channels.for_role("interviewer") == ("email", "card", "linkedin")
    assert channels.for_role("hr") == ("wrapup", "card", "linkedin")
    assert channels.get("card").done_marks == ("written", "posted")
    assert channels.get("email").needs_subject and channels.get("wrapup").needs_email
    assert not channels.get("card").needs_email
    assert channels.get("card").due_within.total_seconds() == 48 * 3600
    assert composer.EMAIL_MAX_WORDS == 150 and composer.CARD_MAX_WORDS == 80


def test_no_fixed_sentence_is_shared_by_two_pools_a_panel_sees_side_by_side():
    from services.composer import phrases

    for tone in phrases.TONES:
        book = phrases.book("en", tone)
        shared = set(book.phrases["wrap_thanks"]) & set(book.phrases["card_wrap_thanks"])
        shared |= set(book.phrases["thanks"]) & set(book.phrases["card_thanks"])
        assert not shared, (tone, shared)
