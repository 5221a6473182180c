"""From a panel of three people with notes to three sent emails, in Chromium, as a person would."""

import pytest

from extensions import db
from models import Draft
from tests.test_capture_browser import new_application_with_day, no_horizontal_scroll, sign_up

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


def test_three_people_three_sent_emails(page, live_server):
    sign_up(page)
    new_application_with_day(page, PANEL, interviews=2, day="2026-11-20")

    for name, (kind, text) in NOTES.items():
        page.locator("a.person", has_text=name).click()
        page.get_by_text(kind, exact=True).click()
        page.get_by_label("Talking point").fill(text)
        page.get_by_role("button", name="Save point").click()
        page.get_by_role("heading", name="Points (1)").wait_for()
        page.get_by_role("link", name="← Acme Robotics").click()

    page.get_by_role("link", name="Thank-you notes").click()
    assert no_horizontal_scroll(page)
    emails = page.locator("article.draft", has=page.get_by_text("Email", exact=True))
    assert emails.count() == 3
    for name in NOTES:
        article = page.locator("article.draft", has=page.get_by_role("heading", name=name)).filter(
            has=page.get_by_text("Email", exact=True)
        )
        body = article.get_by_label(f"Email to {name}")
        assert name.split()[0] in body.input_value().splitlines()[0]
        link = article.get_by_role("link", name="Open in mail app")
        assert link.get_attribute("href").startswith("mailto:")

    # An edit autosaves: the status line says it is now the user's version.
    dana = page.locator(
        "article.draft", has=page.get_by_role("heading", name="Dana Rivera")
    ).filter(has=page.get_by_text("Email", exact=True))
    field = dana.get_by_label("Email to Dana Rivera")
    field.fill(field.input_value().replace("Hi Dana,", "Hi Dana,\n\nA quick note from the train."))
    dana.get_by_text("(edited)").wait_for()

    for name in NOTES:
        article = page.locator("article.draft", has=page.get_by_role("heading", name=name)).filter(
            has=page.get_by_text("Email", exact=True)
        )
        article.get_by_role("button", name="Mark as sent").click()
        article_after = page.locator(
            "article.draft.done", has=page.get_by_role("heading", name=name)
        )
        article_after.get_by_role("button", name="undo").wait_for()

    with live_server.app.app_context():
        sent = db.session.scalars(db.select(Draft).where(Draft.sent_at.is_not(None))).all()
        assert len(sent) == 3
        assert {d.channel for d in sent} == {"email"}
        dana_draft = next(d for d in sent if d.contact.name == "Dana Rivera")
        assert "A quick note from the train." in dana_draft.current.body

    page.get_by_role("link", name="Afterword").click()
    assert page.locator(".due-item.done").count() == 3


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
        box = page.locator(".card-preview__face").bounding_box()
        assert box["width"] > 250
        assert abs(box["height"] / box["width"] - ratio) < 0.02
        assert page.locator(".card-preview__face").get_by_text("Hi Dana,").is_visible()
