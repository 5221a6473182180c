"""The Polish button in Chromium, on a phone: a polished note shows what changed and goes back in
one tap; a refused answer leaves the text box as it was and says why."""

import pytest

from tests.test_accessibility import serious_violations
from tests.test_drafts_browser import _email, _panel_with_notes, _settled, _shot
from tests.test_polish import FakeModel

pytestmark = pytest.mark.browser


@pytest.fixture
def fake_model():
    with FakeModel() as fake:
        yield fake


@pytest.fixture
def app_config(app_config, fake_model):
    return dict(app_config, LLM_BASE_URL=fake_model.url, LLM_TIMEOUT_SECONDS=10)


@pytest.fixture
def page(browser, live_server):
    """A phone; CSP bypassed only so that axe-core can be added to the page."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        base_url=live_server.url,
        has_touch=True,
        bypass_csp=True,
    )
    page = context.new_page()
    # A polish waits on a model (here a fake one) on top of the page: more room than elsewhere.
    page.set_default_timeout(20_000)
    yield page
    context.close()


def test_polish_then_undo_then_a_refusal(page, live_server, fake_model):
    _panel_with_notes(page)
    page.get_by_role("heading", name="Dana Rivera", level=2).wait_for()
    email = _email(page)
    box = email.get_by_label("Email to Dana Rivera")
    original = box.input_value()
    assert "It was a real pleasure." not in original

    _settled(page)  # a tap before htmx is ready posts natively: a flash, not the diff
    email.get_by_role("button", name="Polish", exact=True).click()
    # Either outcome ends the wait; a refusal here fails with its reasons, not a timeout.
    _email(page).locator(".polish-result, .polish-refused").first.wait_for()
    result = _email(page).locator(".polish-result")
    assert result.count() == 1, _email(page).locator(".polish-refused").inner_text()
    assert "Polished:" in result.inner_text()
    assert result.locator("ins", has_text="It was a real pleasure.").is_visible()
    box = _email(page).get_by_label("Email to Dana Rivera")
    assert "It was a real pleasure." in box.input_value()
    _shot(page, "polish-accepted-360.png")
    assert serious_violations(page) == []

    result.get_by_role("button", name="Undo polish").click()
    _email(page).get_by_text("Restored version").wait_for()
    assert _email(page).get_by_label("Email to Dana Rivera").input_value() == original

    fake_model.mode = "hallucinating"
    _settled(page)
    _email(page).get_by_role("button", name="Polish", exact=True).click()
    refused = _email(page).locator(".polish-refused")
    refused.wait_for()
    assert "Kept your draft as it was." in refused.inner_text()
    assert "“Globex”" in refused.inner_text()
    assert _email(page).get_by_label("Email to Dana Rivera").input_value() == original
    _shot(page, "polish-refused-360.png")
    assert serious_violations(page) == []
    assert len(fake_model.requests) == 2
