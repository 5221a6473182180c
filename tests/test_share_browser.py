"""The share target in a real Chromium: text and a calendar invite shared by POST (multipart),
kept on the phone by the service worker, never put in a URL."""

import re
from pathlib import Path

import pytest

from tests.test_offline import (
    PHONE,
    new_phone,
    open_capture,
    seed_day,
    server,
    sign_up,
    wait_synced,
)

pytestmark = pytest.mark.browser
__all__ = ["server"]  # the live server fixture, shared with the offline tests

INVITE = (Path(__file__).parent / "invites" / "google_onsite.ics").read_text()

# What the phone's share sheet does: a multipart POST of the manifest's share_target params.
SHARE = """async ([text, invite]) => {
  const form = document.createElement("form");
  form.method = "post";
  form.action = "/share";
  form.enctype = "multipart/form-data";
  const add = (name, value) => {
    const input = Object.assign(document.createElement("input"), { type: "hidden", name, value });
    form.append(input);
  };
  add("title", "");
  add("text", text);
  add("url", "");
  if (invite) {
    const files = new DataTransfer();
    files.items.add(new File([invite], "invite.ics", { type: "text/calendar" }));
    const input = Object.assign(document.createElement("input"), { type: "file", name: "invite" });
    input.files = files.files;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}"""


def share(page, text, invite=None):
    page.evaluate(SHARE, [text, invite])
    page.wait_for_url(re.compile(r"/share"))
    page.get_by_label("Talking point").wait_for()


@pytest.mark.parametrize("with_worker", [True, False], ids=["service-worker", "server"])
def test_shared_text_and_invite_arrive_by_post_and_the_invite_opens_the_review(
    browser, server, with_worker
):
    if with_worker:
        phone = new_phone(browser, server)
    else:  # a first visit: the share sheet posts to the server itself
        phone = browser.new_context(base_url=server.url, service_workers="block", **PHONE)
        phone.set_default_timeout(10_000)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    seed_day(server, "ana@example.com")
    if with_worker:
        open_capture(page)
    else:
        page.goto("/capture")
        wait_synced(page)  # the applications are on the phone
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    share(page, "Dana's talk on flash wear levelling", INVITE)

    assert page.get_by_label("Talking point").input_value() == "Dana's talk on flash wear levelling"
    assert not [url for url in requests if "flash" in url or "text=" in url]
    assert page.get_by_role("heading", name="Calendar invite: invite.ics").is_visible()
    page.get_by_role("button", name="Read the invite").click()
    page.wait_for_url(re.compile(r"/applications/.+/schedule"))
    assert page.get_by_label("What it is").first.input_value() == "Onsite: Intro & experience"
    names = page.locator("input[name$='-name']").evaluate_all("els => els.map(e => e.value)")
    assert {"Dana Rivera", "Sam Lee", "Priya Nair"} <= set(names)
    phone.close()


def test_a_share_with_no_signal_is_kept_on_the_phone(browser, server):
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    seed_day(server, "ana@example.com")
    open_capture(page)
    phone.set_offline(True)

    share(page, "promised: the wear-levelling paper", INVITE)
    page.get_by_role("button", name="Read the invite").click()

    assert page.get_by_text("No signal now. The invite stays on this phone").is_visible()
    page.reload()
    assert page.get_by_label("Talking point").input_value() == "promised: the wear-levelling paper"
    assert page.get_by_role("heading", name="Calendar invite: invite.ics").is_visible()
    phone.close()
