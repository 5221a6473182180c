"""The review of drafts at home, in Chromium, as a person would: on a laptop, one person at a time
beside the list of everyone; on a phone, the same in one column."""

import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from extensions import db
from models import Draft
from tests.test_capture_browser import (
    new_application_with_day,
    no_horizontal_scroll,
    sign_up,
    small_tap_targets,
)

pytestmark = pytest.mark.browser

PANEL = (
    "09:00 Dana Rivera, Engineering Manager, dana@acme.example\n"
    "10:00-11:00 Sam Lee (Staff Engineer) sam@acme.example & Alex Kim (Principal Engineer) "
    "alex@acme.example"
)
NOTES = {
    "Dana Rivera": ("Topic we discussed", "kafka migration for the ledger"),
    "Sam Lee": ("Common ground", "we both love rust and climbing"),
    "Alex Kim": ("I promised to send", "link to my talk https://example.com/talk"),
}
# AFTERWORD_SHOTS=<folder> keeps screenshots of the review to look at.
SHOTS = os.environ.get("AFTERWORD_SHOTS")


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / name), full_page=True)


def _panel_with_notes(page, day="2026-11-20"):
    sign_up(page)
    new_application_with_day(page, PANEL, interviews=2, day=day)
    for name, (kind, text) in NOTES.items():
        page.locator("a.person", has_text=name).click()
        page.get_by_text(kind, exact=True).click()
        page.get_by_label("Talking point").fill(text)
        page.get_by_role("button", name="Save point").click()
        page.get_by_role("heading", name="Points (1)").wait_for()
        page.get_by_role("link", name="← Acme Robotics").click()
    page.get_by_role("link", name="Thank-you notes").click()


def _row(page, name):
    return page.locator("#people a.person-state", has_text=name)


def _email(page):
    # "Email to Dana Rivera", not "Follow-up email to ..." or "Wrap-up email to ...".
    heading = page.get_by_role("heading", name=re.compile(r"^Email to "))
    return page.locator("article.draft", has=heading)


def test_review_on_a_laptop_one_person_beside_everyone(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        # Interviews the day after tomorrow: nothing is overdue, so each state shows plainly.
        _panel_with_notes(page, day=(date.today() + timedelta(days=2)).isoformat())
        # Dana first: her note beside her two drafts, everyone listed at the side.
        page.get_by_role("heading", name="Dana Rivera", level=2).wait_for()
        # Email, card, LinkedIn note, and the follow-up after silence (no recruiter: Dana has
        # the first email address), waiting for its day.
        assert page.locator("article.draft").count() == 4
        jots = page.locator(".person-jots").bounding_box()
        drafts = page.locator(".person-drafts").bounding_box()
        people = page.locator("#people").bounding_box()
        assert people["x"] + people["width"] <= jots["x"] < drafts["x"]
        assert abs(jots["y"] - drafts["y"]) < 40  # side by side, not stacked
        jots_column = page.locator(".person-jots")
        assert jots_column.get_by_text("kafka migration for the ledger", exact=True).is_visible()
        # Beside each jot, how the drafts read it.
        assert jots_column.get_by_text("Drafts say:").first.is_visible()
        assert _row(page, "Dana Rivera").get_attribute("aria-current") == "page"
        assert page.locator("#people-counts").inner_text() == "3 to write"
        assert no_horizontal_scroll(page)
        _shot(page, "review-1280.png")

        # Moving to Sam swaps the review in place (no reload) and the address follows.
        page.evaluate("window.stillHere = true")
        _settled(page)
        _row(page, "Sam Lee").click()
        page.get_by_role("heading", name="Sam Lee", level=2).wait_for()
        assert page.evaluate("window.stillHere") is True
        assert "/drafts/" in page.url and page.url.rstrip("/").split("/")[-1] != "drafts"
        assert _row(page, "Sam Lee").get_attribute("aria-current") == "page"
        # htmx moves focus to the new heading (autofocus) as the swap settles, a moment after
        # the heading appears: wait for it, as a keyboard user's next key would.
        page.wait_for_function("() => document.activeElement?.id === 'person-name'", timeout=5_000)

        # An edit autosaves; the list and the version list follow without a reload.
        email = _email(page)
        generated = email.locator(".versions-inline li").count()  # her notes' compositions
        field = email.get_by_label("Email to Sam Lee")
        original = field.input_value()
        field.fill(original.replace("Hi Sam,", "Hi Sam,\n\nA quick note from the train."))
        email.get_by_text("(edited)").wait_for()
        assert "edited" in _row(page, "Sam Lee").inner_text()
        assert page.locator("#people-counts").inner_text() == "1 edited · 2 to write"
        email.locator("summary", has_text=f"Versions ({generated + 1})").click()
        assert email.locator(".versions-inline li").count() == generated + 1

        # Sent: the note, the person's row and the counts all say so at once.
        email.get_by_role("button", name="Mark as sent").click()
        page.locator("article.draft.done").get_by_role("button", name="undo").wait_for()
        assert "Email: sent" in _row(page, "Sam Lee").inner_text()
        assert page.evaluate("window.stillHere") is True

        # Restoring the generated version brings its text back, and the state with it.
        page.locator("article.draft.done").get_by_role("button", name="undo").click()
        email = _email(page)
        email.get_by_role("button", name="Mark as sent").wait_for()
        email.locator("summary", has_text=f"Versions ({generated + 1})").click()
        email.get_by_role("button", name=f"Restore version {generated}").click()
        email = _email(page)
        email.locator("summary", has_text=f"Versions ({generated + 2})").wait_for()
        assert email.get_by_label("Email to Sam Lee").input_value() == original
        assert "to write" in _row(page, "Sam Lee").inner_text()
        assert page.locator("#people-counts").inner_text() == "3 to write"
        _shot(page, "review-1280-after.png")

        # Back goes to Dana, as a whole page.
        page.go_back()
        page.get_by_role("heading", name="Dana Rivera", level=2).wait_for()
        assert page.locator("#people a.person-state").count() == 3
    finally:
        context.close()

    with live_server.app.app_context():
        sam = db.session.scalars(db.select(Draft).where(Draft.channel == "email")).all()
        sam = next(d for d in sam if d.contact.name == "Sam Lee")
        assert [v.source for v in sam.versions][-3:] == ["generated", "edited", "restored"]


def test_review_on_a_phone_is_one_column(page, live_server):
    _panel_with_notes(page)
    page.get_by_role("heading", name="Dana Rivera", level=2).wait_for()
    assert no_horizontal_scroll(page)
    jots = page.locator(".person-jots").bounding_box()
    drafts = page.locator(".person-drafts").bounding_box()
    people = page.locator("#people").bounding_box()
    # The person first, their notes above their drafts, everyone else after.
    assert jots["y"] < drafts["y"] < people["y"]
    assert jots["width"] > 300 and drafts["width"] > 300
    page.locator("summary", has_text="Versions").first.click()
    assert small_tap_targets(page) == []
    page.get_by_role("link", name="Next: Sam Lee").click()
    page.get_by_role("heading", name="Sam Lee", level=2).wait_for()
    assert no_horizontal_scroll(page)
    _shot(page, "review-360.png")


def test_card_preview_has_the_cards_proportions(page, live_server):
    sign_up(page, email="preview@example.com")
    new_application_with_day(page, "09:00 Dana Rivera, Engineering Manager")
    page.get_by_role("link", name="Thank-you notes").click()
    page.get_by_role("link", name="Preview and print").click()
    for size, ratio in (
        ("A6 card", 148 / 105),
        ("4\N{MULTIPLICATION SIGN}6 in card", 6 / 4),
        ("Folded note card", 5.5 / 4.25),
    ):
        page.get_by_role("link", name=size, exact=True).click()
        page.wait_for_load_state()
        box = page.locator(".card-preview__face").bounding_box()
        assert box["width"] > 200  # a card you can read on a 360 px phone
        assert abs(box["height"] / box["width"] - ratio) < 0.02
        assert page.locator(".card-preview__face").get_by_text("Hi Dana,").is_visible()


def _card(page):
    return page.locator("article.draft", has=page.get_by_role("heading", name="Handwritten card"))


def _settled(page):
    """Until htmx has loaded and settled the last swap, a tap follows the link or posts the
    form natively (a reload, which this test would read as a failure; a person waits for the
    page to appear)."""
    page.wait_for_function(
        "() => document.readyState === 'complete' && window.htmx"
        " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )


def test_overdue_counts_and_deadlines_follow_each_mark_without_a_reload(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        # Interviews long past: every note is overdue.
        _panel_with_notes(page, day="2026-11-02")
        page.get_by_role("heading", name="Dana Rivera", level=2).wait_for()
        assert page.locator("#people-counts").inner_text() == "3 overdue"
        page.evaluate("window.stillHere = true")
        _settled(page)
        _row(page, "Sam Lee").click()
        page.get_by_role("heading", name="Sam Lee", level=2).wait_for()
        _settled(page)

        # The email sent: its deadline gives way to "Done: sent", in the note and in the list;
        # Sam stays overdue while his card is not posted.
        _email(page).get_by_role("button", name="Mark as sent").click()
        _email(page).get_by_text("Done: sent").wait_for()
        assert "Email: sent" in _row(page, "Sam Lee").inner_text()
        assert "overdue" in _row(page, "Sam Lee").locator(".state").inner_text()
        assert page.locator("#people-counts").inner_text() == "3 overdue"

        # The card written, then posted: Sam is done, and the counts say so at once.
        _card(page).get_by_role("button", name="Mark as written").click()
        _card(page).get_by_role("button", name=re.compile(r"^Written .* undo$")).wait_for()
        assert "Card: overdue" in _row(page, "Sam Lee").inner_text()  # not posted yet
        _card(page).get_by_role("button", name="Mark as posted").click()
        _card(page).get_by_text("Done: posted").wait_for()
        assert "Card: posted" in _row(page, "Sam Lee").inner_text()
        # His LinkedIn note may wait: an optional note never keeps anyone overdue.
        assert _row(page, "Sam Lee").locator(".state").inner_text() == "sent"
        assert page.locator("#people-counts").inner_text() == "1 sent · 2 overdue"

        # Undoing the post brings the deadline and the counts back.
        _card(page).get_by_role("button", name=re.compile(r"^Posted .* undo$")).click()
        _card(page).get_by_role("button", name="Mark as posted").wait_for()
        assert page.locator("#people-counts").inner_text() == "3 overdue"
        assert "overdue" in _row(page, "Sam Lee").locator(".state").inner_text()
        assert page.evaluate("window.stillHere") is True
    finally:
        context.close()


def test_a_double_tap_on_mark_as_sent_marks_it_once_and_never_undoes_it(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        _panel_with_notes(page)
        page.get_by_role("heading", name="Dana Rivera", level=2).wait_for()
        _settled(page)
        _email(page).get_by_role("button", name="Mark as sent").dblclick()
        _email(page).get_by_text("Done: sent").wait_for()
        # A second tap that lands on the undo in the moment it appears is not an undo.
        undo = _email(page).get_by_role("button", name=re.compile(r"^Sent .* undo$"))
        undo.click(force=True)
        page.wait_for_timeout(1_500)
        assert _email(page).get_by_text("Done: sent").is_visible()
        assert "Email: sent" in _row(page, "Dana Rivera").inner_text()
        # A deliberate tap, once it has settled, still undoes.
        undo.click()
        _email(page).get_by_role("button", name="Mark as sent").wait_for()
    finally:
        context.close()
