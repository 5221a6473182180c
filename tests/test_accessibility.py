"""axe-core on every main page, at phone and desktop width: no serious or critical violation."""

import pytest

from extensions import db
from models import Application, Contact, Draft, Interview, TalkingPoint
from tests.conftest import ROOT
from tests.test_capture_browser import sign_up

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"phone": (360, 740), "desktop": (1280, 800)}


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    return result


def _pages(app) -> list[str]:
    with app.app_context():
        application = db.session.scalar(db.select(Application))
        interview = db.session.scalar(db.select(Interview))
        contact = db.session.scalar(db.select(Contact))
        point = db.session.scalar(db.select(TalkingPoint))
        draft = db.session.scalar(db.select(Draft))
    return [
        "/",
        "/applications/new",
        f"/applications/{application.id}",
        f"/applications/{application.id}/edit",
        f"/applications/{application.id}/schedule",
        f"/applications/{application.id}/interviews/new",
        f"/interviews/{interview.id}",
        f"/interviews/{interview.id}/edit",
        f"/contacts/{contact.id}",
        f"/contacts/{contact.id}/edit",
        f"/points/{point.id}/edit",
        f"/applications/{application.id}/drafts",
        f"/drafts/{draft.id}/versions",
        f"/contacts/{contact.id}/print",
        "/account/profile",
        "/account/import",
        "/account/delete",
        "/account/password",
        f"/account/applications/{application.id}/retention",
        "/capture",
        "/share?title=Dana&url=https%3A%2F%2Fexample.com%2Fdana",
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_serious_violations(browser, live_server, width):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make test` (npm ci) first")
    w, h = WIDTHS[width]
    context = browser.new_context(
        viewport={"width": w, "height": h}, base_url=live_server.url, bypass_csp=True
    )
    page = context.new_page()
    found = {}
    for url in ("/", "/register", "/login", "/forgot-password"):
        page.goto(url)
        found[url] = serious_violations(page)
    sign_up(page)
    page.get_by_label("Company").fill("Acme Robotics")
    page.get_by_label("Role").fill("Staff Engineer")
    page.get_by_role("button", name="Save").click()
    page.get_by_label("Schedule, as you received it").fill("10:00 Dana Rivera, Engineering Manager")
    page.get_by_role("button", name="Check the schedule").click()
    found["schedule preview"] = serious_violations(page)
    page.get_by_role("button", name="Save 1 interview").click()
    page.locator("a.person", has_text="Dana Rivera").click()
    page.get_by_label("Talking point").fill("kafka migration")
    page.get_by_role("button", name="Save point").click()
    page.get_by_role("heading", name="Points (1)").wait_for()
    page.get_by_role("button", name="Delete point").click()
    page.get_by_text("Point deleted.").first.wait_for()  # the flash and the undo bar
    found["undo banner"] = serious_violations(page)
    page.get_by_role("button", name="Undo").click()
    page.get_by_role("heading", name="Points (1)").wait_for()
    # An "other" note is kept out, with wording offered and a button to put it in.
    page.get_by_text("Other", exact=True).click()
    page.get_by_label("Talking point").fill("canteen on site, lunch is subsidised")
    page.get_by_role("button", name="Save point").click()
    page.get_by_role("button", name="Use this wording").wait_for()
    found["offered wording"] = serious_violations(page)
    page.goto("/")
    page.locator(".card-link", has_text="Acme Robotics").click()
    page.get_by_role("link", name="Thank-you notes").click()
    for url in _pages(live_server.app):
        page.goto(url)
        found[url] = serious_violations(page)
    context.close()
    assert {url: v for url, v in found.items() if v} == {}


def test_the_check_can_fail(browser):
    """An unlabelled field and faint text are reported, so a pass means something."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make test` (npm ci) first")
    page = browser.new_page(bypass_csp=True)
    page.set_content(
        '<html lang="en"><body><main><input type="text">'
        '<p style="color:#eee;background:#fff">faint</p></main></body></html>'
    )
    found = " ".join(serious_violations(page))
    assert "label" in found and "color-contrast" in found
    page.close()
