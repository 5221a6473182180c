"""LinkedIn notes and the follow-up after silence in Chromium, on a phone, as a person would."""

import re
from datetime import date, timedelta

import pytest

from tests.test_capture_browser import new_application_with_day, no_horizontal_scroll, sign_up
from tests.test_drafts_browser import _shot

pytestmark = pytest.mark.browser

PANEL = (
    "10:00 Dana Rivera, Engineering Manager, dana@acme.example\n"
    "11:30-12:15 Sam Lee (Staff Engineer), Priya Nair - Recruiter"
)


def _linkedin(page):
    return page.locator("article.draft", has=page.get_by_role("heading", name="LinkedIn note"))


def test_linkedin_note_counts_copies_and_is_marked_connected(page, live_server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_up(page)
    new_application_with_day(page, PANEL, interviews=2, day=date.today().isoformat())
    page.get_by_role("link", name="Thank-you notes").click()
    page.get_by_role("heading", name="Dana Rivera", level=2).wait_for()
    note = _linkedin(page)
    box = note.get_by_label("LinkedIn note to Dana Rivera")
    count = note.locator("p.counter")
    count.wait_for()
    text = box.input_value()
    assert text.startswith("Hi Dana,") and len(text) <= 300
    assert count.inner_text() == f"{len(text)} / 300 characters"
    assert no_horizontal_scroll(page)
    _shot(page, "linkedin-360.png")

    # Typing past the limit says so at once; the note is not cut.
    box.fill(text + " " + "x" * 300)
    note.locator("p.counter.over").wait_for()
    assert "over the limit" in count.inner_text()
    assert "Shorten it before sending" in count.inner_text()
    box.fill(text)
    note.locator("p.counter:not(.over)").wait_for()

    # Copy puts the note on the clipboard.
    note.get_by_role("button", name="Copy text").click()
    note.get_by_role("button", name=re.compile("^(Copied|Selected: copy it now)$")).wait_for()
    if note.get_by_role("button", name="Copied").count():
        assert page.evaluate("navigator.clipboard.readText()") == box.input_value()

    # Connected: the note shows it, and Dana's row in the list says so.
    note.get_by_role("button", name="Mark as connected").click()
    _linkedin(page).get_by_role("button", name=re.compile(r"^Connected .* undo$")).wait_for()
    row = page.locator("#people a.person-state", has_text="Dana Rivera")
    assert "LinkedIn: connected" in row.inner_text()
    # The counter is back on the swapped-in note.
    _linkedin(page).locator("p.counter").wait_for()


def test_marking_they_replied_cancels_the_follow_up(page, live_server):
    sign_up(page)
    day = (date.today() - timedelta(days=10)).isoformat()
    new_application_with_day(page, PANEL, interviews=2, day=day)
    page.get_by_role("heading", name="Follow-up after silence").wait_for()
    section = page.locator("#followup")
    # Priya, the recruiter, has no address here: the follow-up email goes to Dana, who has one.
    assert "Follow up with Dana Rivera" in section.inner_text()
    assert "overdue" in section.inner_text()
    _shot(page, "followup-360.png")
    page.goto("/")
    due = page.locator(".due-list")
    due.get_by_text("Follow-up to Dana Rivera").wait_for()

    page.go_back()
    page.locator("#followup").get_by_role("button", name="They replied").click()
    page.locator("#followup").get_by_text(re.compile("^They replied on")).wait_for()
    page.get_by_text("Marked as replied: the follow-up is cancelled.").wait_for()
    page.goto("/")
    page.get_by_role("heading", name="Due now and coming up").wait_for()
    assert page.get_by_text("Follow-up to Dana Rivera").count() == 0

    # Undo brings it back.
    page.go_back()
    page.get_by_role("button", name="Undo: they have not replied").click()
    page.locator("#followup").get_by_text("Follow up with Dana Rivera").wait_for()
