"""The review step on a 360 px phone: rows a thumb can untick, rename, re-role and move."""

from pathlib import Path

import pytest

from extensions import db
from models import Contact, Interview
from tests.test_capture_browser import no_horizontal_scroll, sign_up

pytestmark = pytest.mark.browser

EMAIL = (Path(__file__).parent / "itineraries" / "01_greenhouse_onsite.txt").read_text()

# A checkbox is tapped through its whole label row; everything else by itself.
SMALL_TARGETS = """() => [...document.querySelectorAll('.review :is(input, select, button)')]
  .filter(el => el.offsetParent !== null && el.type !== 'hidden')
  .map(el => el.type === 'checkbox' ? el.closest('label') : el)
  .filter(el => { const r = el.getBoundingClientRect(); return r.height < 44 || r.width < 44; })
  .map(el => el.outerHTML.slice(0, 80))"""


def test_review_an_itinerary_email_on_a_phone_then_save_it_once(page, live_server, tmp_path):
    sign_up(page)
    page.get_by_label("Company").fill("Northwind")
    page.get_by_label("Role").fill("Firmware Engineer")
    page.get_by_role("button", name="Save").click()
    page.get_by_label("Schedule, as you received it").fill(EMAIL)
    page.get_by_role("button", name="Check the schedule").click()

    assert page.get_by_role("heading", name="Check what we understood").is_visible()
    assert no_horizontal_scroll(page)
    assert page.evaluate(SMALL_TARGETS) == []
    page.screenshot(path=tmp_path / "review-360.png", full_page=True)
    page.get_by_label("Keep Alex Kim").uncheck()
    page.get_by_label("Name").nth(1).fill("Samuel Lee")
    page.get_by_label("Role").nth(1).select_option("other")
    page.get_by_label("In", exact=True).nth(1).select_option(label="1. 10:00 Intro & experience")
    page.get_by_label("Add as a person").last.check()  # "Jordan", the sign-off
    assert page.get_by_label("Name").last.input_value() == "Jordan"
    page.get_by_label("Name").last.fill("Jordan Blake")
    page.get_by_role("button", name="Save 4 interviews").click()
    assert page.get_by_text("Added 4 interviews, 4 new people.").is_visible()

    # Back to the same email, read it again and save: nothing new. (A no-store page cannot be
    # shown again by Back in headless Chromium; the server tests post the same rows twice.)
    page.goto(page.url + "/schedule")
    page.get_by_label("Schedule, as you received it").fill(EMAIL)
    page.get_by_role("button", name="Check the schedule").click()
    page.get_by_text("Saved already").first.wait_for()
    assert page.get_by_text("Saved already").count() == 4
    page.get_by_role("button", name="Save 4 interviews").click()
    page.get_by_text("Nothing new: these interviews were saved already.").wait_for()
    with live_server.app.app_context():
        assert db.session.scalar(db.select(db.func.count(Interview.id))) == 4
        people = {c.name: c for c in db.session.scalars(db.select(Contact))}
        assert set(people) == {"Dana Rivera", "Samuel Lee", "Jo Park", "Jordan Blake"}
        assert people["Samuel Lee"].role == "other"
        assert [i.title for i in people["Samuel Lee"].interviews] == ["Intro & experience"]
