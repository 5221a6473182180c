"""Business cards read on the phone: twelve card photos (tests/cards.py) fed to the real "Scan a
business card" button in Chromium, read by tesseract.js and jsQR from /static/vendor. Reports
per field how many were read exactly, and the time from photo to filled form."""

import re
import statistics
from dataclasses import replace

import pytest

from extensions import db
from models import Contact
from tests.cards import CARDS, draw, write_all
from tests.test_offline import new_phone, open_capture, seed_day, server, sign_up

pytestmark = pytest.mark.browser
__all__ = ["server"]  # the live server fixture, shared with the offline tests

FIELDS = ("name", "title", "email", "phone", "linkedin")


@pytest.fixture(scope="module")
def cards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cards")
    photos = write_all(folder)
    qr = next(card for card in CARDS if card.qr_vcard)
    variants = []
    for slug, changes in [("qr-flat", {"skew": 0, "noise": 0}), ("qr-grain", {"skew": 0})]:
        variant = replace(qr, slug=slug, **changes)
        path = folder / f"{slug}.jpg"
        draw(variant).save(path, quality=88)
        variants.append((variant, path))
    return photos, variants


def expected(card) -> dict[str, str]:
    return {
        "name": card.name,
        "title": card.title,
        "email": card.email,
        "phone": card.phone,
        "linkedin": f"https://www.{card.linkedin}" if card.linkedin else "",
    }


def scan(page, path) -> tuple[dict[str, str], int, str]:
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Scan a business card", exact=True).click()
    chooser.value.set_files(str(path))
    form = page.locator(".card-form:not([hidden])")
    form.wait_for(timeout=120_000)
    read = {field: page.locator(f"#card-{field}").input_value() for field in FIELDS}
    return read, int(form.get_attribute("data-read-ms")), form.get_attribute("data-source")


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_twelve_cards_are_read_on_the_phone_and_one_is_saved(browser, server, cards, capsys):
    photos, qr_variants = cards
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    seed_day(server, "ana@example.com")
    open_capture(page)
    elsewhere = []  # nothing may come from a CDN, and the photo goes nowhere
    phone.on("request", lambda r: r.url.startswith(server.url) or elsewhere.append(r.url))
    uploads = []  # any request carrying a JPEG
    phone.on(
        "request",
        lambda r: b"\xff\xd8\xff" in (r.post_data_buffer or b"") and uploads.append(r.url),
    )
    page.get_by_role("link", name=re.compile("Onsite loop")).click()
    # The island draws the interview's screen after the tap: wait for it, then read it.
    page.get_by_text("The photo is never uploaded").wait_for()
    assert page.get_by_text("The photo is never uploaded").is_visible()

    rows, times = [], []
    for card, path in photos:
        read, ms, source = scan(page, path)
        rows.append((card, read, ms, source))
        times.append(ms)
        page.get_by_role("button", name="Discard").click()
    exact = {f: sum(read[f] == expected(c)[f] for c, read, _, _ in rows) for f in FIELDS}
    phone_digits = sum(digits(read["phone"]) == digits(c.phone) for c, read, _, _ in rows)
    qr_reads = [(c, read, source) for c, read, _, source in rows if c.qr_vcard]
    for card, path in qr_variants:
        read, _, source = scan(page, path)
        qr_reads.append((card, read, source))
        page.get_by_role("button", name="Discard").click()

    with capsys.disabled():
        print("\ncard                 ms  source   " + "  ".join(f"{f:>8}" for f in FIELDS))
        for card, read, ms, source in rows:
            marks = "  ".join(
                f"{'exact' if read[f] == expected(card)[f] else 'MISS':>8}" for f in FIELDS
            )
            print(f"{card.slug:18} {ms:6}  {source:7} {marks}")
        print(f"exact of {len(rows)}: " + ", ".join(f"{f} {n}" for f, n in exact.items()))
        print(f"phone digits right: {phone_digits}/{len(rows)}")
        print(f"QR vCards exact: {sum(r == expected(c) for c, r, _ in qr_reads)}/{len(qr_reads)}")
        print(
            f"photo to form: first scan {times[0]} ms (loads the reader), then median "
            f"{statistics.median(times[1:]):.0f} ms, max {max(times[1:])} ms"
        )

    assert exact["name"] >= 10 and exact["email"] >= 10
    assert [u for u in elsewhere if not u.startswith(("blob:", "data:"))] == []
    assert uploads == []
    for card, read, source in qr_reads:
        assert source == "qr" and read == expected(card), card.slug

    # Save one through the outbox: it reaches the server with what the card said.
    card, path = photos[0]
    scan(page, path)
    page.get_by_role("button", name="Save person").click()
    page.get_by_text(f"Saved {card.name}. The photo is gone").wait_for()
    assert page.locator("canvas.card-photo").is_hidden()
    assert page.locator(".card-form").is_hidden()
    assert page.locator("a.person", has_text=card.name).is_visible()
    assert page.locator("#card-photo").input_value() == ""
    saved = None
    for _ in range(100):
        with server.app.app_context():
            saved = db.session.scalar(db.select(Contact).where(Contact.email == card.email))
        if saved:
            break
        page.wait_for_timeout(100)
    assert saved is not None
    assert (saved.name, saved.phone, saved.got_card) == (
        card.name, card.phone, True
    )  # fmt: skip
    assert saved.linkedin_url == f"https://www.{card.linkedin}"
    phone.close()


def test_after_the_first_scan_cards_are_read_with_no_signal(browser, server, cards):
    photos, _ = cards
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    seed_day(server, "ana@example.com")
    open_capture(page)
    page.get_by_role("link", name=re.compile("Onsite loop")).click()
    scan(page, photos[0][1])
    page.get_by_role("button", name="Discard").click()

    phone.set_offline(True)
    page.reload()  # a new page: the reader comes from the service worker's cache
    read, _, _ = scan(page, photos[4][1])

    assert read["name"] == photos[4][0].name and read["email"] == photos[4][0].email
    phone.close()
