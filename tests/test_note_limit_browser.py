"""A talking point pasted over the limit on the full site is counted and refused with the
limit, never cut short (the offline page does the same)."""

import pytest

from extensions import db
from models import POINT_MAX, TalkingPoint
from tests.test_capture_browser import new_application_with_day, sign_up
from tests.test_offline import new_phone, open_capture, point, seed_day, server
from tests.test_offline import sign_up as sign_up_on_phone

pytestmark = pytest.mark.browser
__all__ = ["server"]  # the live server fixture, shared with the offline tests


def test_a_long_pasted_point_is_counted_refused_and_kept_whole(page, live_server):
    sign_up(page)
    new_application_with_day(page, "10:00 Dana Rivera, Engineering Manager")
    page.get_by_role("link", name="Dana Rivera").first.click()
    box = page.get_by_label("Talking point")
    counter = page.locator(".counter")
    assert counter.text_content() == "0 / 2,000 characters"

    pasted = ("we talked about the payments ledger migration and its rollout " * 40)[:2099] + "."
    box.fill(pasted)
    assert counter.text_content().startswith("2,100 / 2,000 characters: 100 over the limit")
    page.get_by_role("button", name="Save point").click()
    page.get_by_text("Keep a point under 2,000 characters (now 2,100)").wait_for()
    assert page.get_by_label("Talking point").input_value() == pasted  # Nothing cut.
    with live_server.app.app_context():
        assert db.session.scalar(db.select(db.func.count(TalkingPoint.id))) == 0

    page.get_by_label("Talking point").fill(pasted[:1999] + ".")
    assert page.locator(".counter").text_content() == "2,000 / 2,000 characters"
    page.get_by_role("button", name="Save point").click()
    page.get_by_role("heading", name="Points (1)").wait_for()
    with live_server.app.app_context():
        assert len(db.session.scalar(db.select(TalkingPoint.body))) == 2000


def test_the_offline_page_refuses_a_point_over_the_servers_limit_and_keeps_it(browser, server):
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up_on_phone(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    open_capture(page, f"/capture#/c/{ids['contact']}/{ids['interview']}")
    # The limit comes from the server with the page: the same number as models.POINT_MAX.
    assert page.get_by_label("Talking point").get_attribute("data-limit") == str(POINT_MAX)
    pasted = "x" * (POINT_MAX + 1)
    page.get_by_label("Talking point").fill(pasted)
    page.get_by_role("button", name="Save point").click()
    page.get_by_text(
        f"Keep a point under {POINT_MAX:,} characters (now {POINT_MAX + 1:,})"
    ).wait_for()
    assert page.get_by_label("Talking point").input_value() == pasted
    assert point(page, "xxx").count() == 0
    phone.close()
