"""The capture flow in a real phone-sized Chromium, by visible labels, as a person would."""

from datetime import datetime, timedelta

import pytest

from extensions import db
from models import TalkingPoint

pytestmark = pytest.mark.browser


def sign_up(page, email="ana@example.com"):
    page.goto("/register")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill("correct horse battery")
    page.get_by_role("button", name="Show").click()
    assert page.get_by_label("Password", exact=True).get_attribute("type") == "text"
    page.get_by_label("Your name (optional)").fill("Ana Ortiz")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/applications/new")


def new_application_with_day(page, schedule: str, *, interviews: int = 1, day: str = ""):
    """Create the Acme Robotics application and save a pasted schedule, as a person would."""
    page.get_by_label("Company").fill("Acme Robotics")
    page.get_by_label("Role").fill("Staff Engineer")
    page.get_by_role("button", name="Save").click()
    if day:
        page.get_by_label("Interview day").fill(day)
    page.get_by_label("Schedule, as you received it").fill(schedule)
    page.get_by_role("button", name="Check the schedule").click()
    label = f"Save {interviews} interview" + ("" if interviews == 1 else "s")
    page.get_by_role("button", name=label).click()


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def small_tap_targets(page) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll(
                  'main a, main button, main input, main select, main textarea, header a, '
                  + 'header button, .chip label')]
          .filter(el => el.offsetParent !== null && !(el.type === 'radio' || el.type === 'hidden'))
          .filter(el => { const r = el.getBoundingClientRect();
                          return r.height < 44 || (r.width < 44 && el.tagName !== 'A'); })
          .filter(el => !(el.tagName === 'A' && el.closest('p')))
          .map(el => el.outerHTML.slice(0, 80))"""
    )


def test_capture_flow_on_a_phone(page, live_server):
    sign_up(page)
    page.get_by_label("Company").fill("Acme Robotics")
    page.get_by_label("Role").fill("Staff Engineer")
    page.get_by_label("Why I fit (one point a line, to restate in your notes)").fill(
        "led a Kafka migration"
    )
    page.get_by_role("button", name="Save").click()

    # Set up the interview day in one go; the slots start a few minutes ago so "today" finds them.
    now = datetime.now()
    start = max(now - timedelta(minutes=5), now.replace(hour=0, minute=0, second=0))
    other = start + timedelta(minutes=10)
    if other.date() != start.date():
        other = start - timedelta(minutes=50)
    schedule = (
        f"{start:%H:%M} Dana Rivera, Engineering Manager\n"
        "lunch ???\n"
        f"{other:%H:%M}-{other + timedelta(minutes=45):%H:%M} "
        "Sam Lee (Staff Engineer), Priya Nair - Recruiter"
    )
    page.get_by_label("Interview day").fill(start.date().isoformat())
    page.get_by_label("Schedule, as you received it").fill(schedule)
    page.get_by_role("button", name="Check the schedule").click()
    assert page.get_by_text("Check what we understood").is_visible()
    assert page.locator("code", has_text="lunch ???").is_visible()
    assert no_horizontal_scroll(page)
    page.get_by_role("button", name="Save 2 interviews").click()
    assert page.get_by_role("heading", name="Everyone you met (3)").is_visible()

    # One tap to today's interview, then a person.
    page.get_by_role("link", name="Today").click()
    assert page.get_by_role("heading", name="Who was there").is_visible()
    assert small_tap_targets(page) == []
    page.get_by_role("link", name="Dana Rivera").click()
    # Until htmx has loaded, "Save point" posts the form natively (a reload, which this test
    # reads as a failure); a person waits for the page to appear.
    page.wait_for_function("() => document.readyState === 'complete' && !!window.htmx")

    page.get_by_text("Common ground", exact=True).click()
    page.get_by_label("Talking point").fill("both ran the Berlin marathon 🏃")
    marker = page.evaluate("window.__noReload = 1")
    page.get_by_role("button", name="Save point").click()
    point = page.locator(".point", has_text="both ran the Berlin marathon")
    point.wait_for()
    assert page.evaluate("window.__noReload") == 1, "saving reloaded the page"
    assert marker is None or marker == 1
    assert page.get_by_label("Talking point").input_value() == ""
    assert page.get_by_role("heading", name="Points (1)").is_visible()
    assert no_horizontal_scroll(page)
    assert small_tap_targets(page) == []

    # The next point starts as a topic again.
    assert page.get_by_role("radio", name="Topic we discussed").is_checked()

    # An empty point is refused beside the field, keeping the chosen kind; a long one is
    # counted (tests/test_note_limit_browser.py), never cut.
    page.get_by_text("Their work", exact=True).click()
    page.get_by_role("button", name="Save point").click()
    page.get_by_text("Type the point before saving.").wait_for()
    assert page.get_by_label("Talking point").get_attribute("maxlength") is None  # Counted.
    assert page.get_by_role("radio", name="Their work").is_checked()

    # Edit in place, then delete and undo.
    point.get_by_role("link", name="Edit").click()
    editing = page.locator(".point.editing")
    editing.get_by_label("Talking point").fill("we both ran the Berlin marathon in 2024")
    editing.get_by_role("button", name="Save", exact=True).click()
    page.locator(".point", has_text="in 2024").wait_for()
    page.get_by_role("button", name="Delete point").click()
    page.get_by_text("Point deleted.").wait_for()
    assert page.get_by_role("heading", name="Points (0)").is_visible()
    page.get_by_role("button", name="Undo").click()
    page.locator(".point", has_text="in 2024").wait_for()

    # Someone who was not on the schedule, added inline.
    page.get_by_role("link", name="← ").first.click()
    page.get_by_label("Add someone who was not on the schedule").fill("Ana Ortiz, Designer")
    page.get_by_role("button", name="Add person").click()
    page.get_by_role("link", name="Ana Ortiz").wait_for()
    assert page.locator(".person", has_text="Dana Rivera").get_by_text("1 point").is_visible()

    with live_server.app.app_context():
        assert db.session.scalar(db.select(db.func.count(TalkingPoint.id))) == 1


def test_dark_mode_and_labels(browser, live_server):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, color_scheme="dark"
    )
    page = context.new_page()
    sign_up(page, email="dark@example.com")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(16, 22, 29)"
    unlabeled = page.evaluate(
        """[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
             .filter(el => !el.labels || el.labels.length === 0).map(el => el.name)"""
    )
    assert unlabeled == []
    context.close()
