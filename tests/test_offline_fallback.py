"""The full site's capture form with no signal: the point is kept on the phone and synced."""

import time

import pytest

from extensions import db
from models import TalkingPoint
from tests.test_capture_browser import new_application_with_day, sign_up

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, live_server):
    # Playwright's offline switch does not reach a service worker's own fetches, so this
    # test of the page's fallback runs without one (real offline cuts both).
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, service_workers="block"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_a_point_saved_with_no_signal_is_kept_and_synced(page, live_server):
    sign_up(page)
    new_application_with_day(page, "09:00 Dana Rivera, Engineering Manager")
    page.locator("a.person", has_text="Dana Rivera").click()

    # The signal goes once the page has loaded, as it does in a lobby.
    page.wait_for_load_state("networkidle")
    page.context.set_offline(True)
    page.get_by_text("Their work", exact=True).click()
    page.get_by_label("Talking point").fill("leads the payments ledger rewrite")
    page.get_by_role("button", name="Save point").click()
    page.get_by_text("No signal: saved on this phone.").wait_for()
    assert page.get_by_label("Talking point").input_value() == ""
    assert page.locator(".point", has_text="leads the payments ledger rewrite").is_visible()

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    deadline = time.monotonic() + 10
    with live_server.app.app_context():
        while time.monotonic() < deadline:
            points = db.session.scalars(db.select(TalkingPoint)).all()
            if points:
                break
            db.session.remove()
            time.sleep(0.2)
        assert [(p.body, p.kind) for p in points] == [
            ("leads the payments ledger rewrite", "their_work")
        ]
    page.reload()
    assert page.get_by_role("heading", name="Points (1)").is_visible()
