"""The share target's server side: a POST the phone's share sheet sends before the service
worker is installed (tests/test_share_browser.py drives both paths in Chromium)."""

import json
import re
from io import BytesIO

from app import create_app
from tests.test_review import multipart


def shared_data(html: str) -> dict:
    match = re.search(
        r'<script type="application/json" id="shared-data">(.*?)</script>', html, re.S
    )
    assert match, "no shared data in the page"
    return json.loads(match.group(1))


def test_a_share_is_taken_by_post_without_a_csrf_token_and_never_cached(app_config):
    client = create_app(dict(app_config, WTF_CSRF_ENABLED=True)).test_client()

    response = client.post(
        "/share",
        data={
            "title": "Talk",
            "text": "</script><script>alert(1)</script> wear levelling",
            "url": "https://example.com/talk",
            "invite": (BytesIO(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), "invite.ics"),
        },
        content_type="multipart/form-data",
    )

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "<script>alert(1)" not in html  # the JSON block escapes "<"
    assert shared_data(html) == {
        "title": "Talk",
        "text": "</script><script>alert(1)</script> wear levelling",
        "url": "https://example.com/talk",
        "invite": {"name": "invite.ics", "text": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"},
    }


def test_a_shared_file_over_1_mib_is_refused_with_a_message(client):
    response = multipart(client, "/share", {"invite": (b"x" * (1024 * 1024 + 1), "big.ics")})

    assert shared_data(response.get_data(as_text=True))["invite"] == {
        "name": "big.ics",
        "error": "That file is 1.0 MiB; an invite is at most 1 MiB.",
    }


def test_the_share_page_itself_holds_nothing_shared(client):
    html = client.get("/share").get_data(as_text=True)

    assert "shared-data" not in html
