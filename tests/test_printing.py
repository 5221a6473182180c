"""PDF downloads through the web client."""

import io

import pytest
from pypdf import PdfReader

from extensions import db
from models import Contact, Interview
from services import capture


@pytest.fixture
def ids(app, panel):
    """The panel, Dana with a postal address (saved as her edit page saves it)."""
    application_id, contacts = panel
    with app.app_context():
        dana = db.session.get(Contact, contacts["Dana Rivera"])
        capture.update_fields(
            db.session,
            dana,
            postal_address="Acme Robotics\n1 Market St\nSan Francisco, CA 94105",
        )
    return application_id, contacts


def _pdf(response):
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    return PdfReader(io.BytesIO(response.data))


@pytest.mark.parametrize(
    ("path", "size"),
    [
        ("card.pdf?size=a6", (297.6, 419.5)),
        ("card.pdf?size=4x6", (288, 432)),
        ("letter.pdf?paper=letter", (612, 792)),
        ("letter.pdf?paper=a4", (595.3, 841.9)),
        ("envelope.pdf?size=10", (684, 297)),
        ("copy-sheet.pdf", None),
    ],
)
def test_contact_pdfs(client, ids, path, size):
    _, contacts = ids
    reader = _pdf(client.get(f"/contacts/{contacts['Dana Rivera']}/{path}"))
    if size:
        box = reader.pages[0].trimbox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == pytest.approx(
            size, abs=0.6
        )
    assert "Dana" in reader.pages[0].extract_text()
    assert reader.metadata.title and reader.metadata.author == "Ana Ortiz"


def test_card_pdf_carries_the_card_draft(client, ids):
    application_id, contacts = ids
    drafts = client.get(f"/api/applications/{application_id}/drafts").json["drafts"]
    card = next(d for d in drafts if d["contact_name"] == "Dana Rivera" and d["channel"] == "card")
    reader = _pdf(client.get(f"/contacts/{contacts['Dana Rivera']}/card.pdf?size=a6"))
    assert len(reader.pages) == 1
    assert " ".join(reader.pages[0].extract_text().split()) == " ".join(card["body"].split())


def test_envelope_without_address_explains(client, ids):
    _, contacts = ids
    response = client.get(f"/contacts/{contacts['Sam Lee']}/envelope.pdf?size=a2")
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "address" in page


def test_batch_has_one_page_per_note(app, client, ids):
    application_id, _ = ids
    reader = _pdf(client.get(f"/applications/{application_id}/notes.pdf?format=a6"))
    assert len(reader.pages) == 3
    letters = _pdf(client.get(f"/applications/{application_id}/notes.pdf?format=letter"))
    assert len(letters.pages) >= 3
    with app.app_context():
        first = db.session.scalars(db.select(Interview).order_by(Interview.starts_at)).first()
    one = _pdf(
        client.get(f"/applications/{application_id}/notes.pdf?format=4x6&interview={first.id}")
    )
    assert len(one.pages) == 1


def test_unknown_format_is_404(client, ids):
    application_id, contacts = ids
    assert client.get(f"/applications/{application_id}/notes.pdf?format=tabloid").status_code == 404
    assert client.get(f"/contacts/{contacts['Dana Rivera']}/card.pdf?size=a3").status_code == 404


def test_too_long_card_is_flagged_before_export_and_refused(app, client, ids):
    application_id, contacts = ids
    from models import Draft

    with app.app_context():
        contact = db.session.get(Contact, contacts["Sam Lee"])
        assert contact is not None
    client.get(f"/api/applications/{application_id}/drafts")
    with app.app_context():
        draft_id = db.session.scalar(
            db.select(Draft.id).where(
                Draft.contact_id == contacts["Sam Lee"], Draft.channel == "card"
            )
        )
    long_text = "Hi Sam,\n\n" + "Thank you for the wonderful conversation today. " * 40 + "\n\nAna"
    client.post(f"/drafts/{draft_id}/save", data={"body": long_text})
    sam = f"/applications/{application_id}/drafts/{contacts['Sam Lee']}"
    page = client.get(sam).get_data(as_text=True)
    assert "Too long for" in page
    response = client.get(f"/contacts/{contacts['Sam Lee']}/card.pdf?size=a6")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(sam), "back to Sam's notes, not the first person"
    notes = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "too long" in notes.lower()


def test_preview_page_shows_the_card_at_its_proportions(client, ids):
    _, contacts = ids
    html = client.get(f"/contacts/{contacts['Dana Rivera']}/print?size=folded").get_data(
        as_text=True
    )
    assert "Card for Dana Rivera" in html and "folded" in html
    assert "pdf/preview.css" in html
    assert " style=" not in html


def test_pdf_export_is_rate_limited_per_user(client, ids):
    _, contacts = ids
    url = f"/contacts/{contacts['Dana Rivera']}/copy-sheet.pdf"
    codes = [client.get(url).status_code for _ in range(31)]
    assert codes[:30] == [200] * 30 and codes[30] == 429


def test_the_pdf_limit_survives_signing_in_again(client, ids):
    _, contacts = ids
    url = f"/contacts/{contacts['Dana Rivera']}/copy-sheet.pdf"
    for _ in range(30):
        client.get(url)
    client.post("/logout")
    client.post("/login", data={"email": "ana@example.com", "password": "correct horse battery"})
    assert client.get(url).status_code == 429


def test_the_batch_and_the_drafts_page_are_rate_limited(client, ids):
    application_id, _ = ids
    batch = f"/applications/{application_id}/notes.pdf?format=letter"
    codes = [client.get(batch).status_code for _ in range(7)]
    assert codes[:6] == [200] * 6 and codes[6] == 429
    drafts = f"/applications/{application_id}/drafts"
    codes = [client.get(drafts).status_code for _ in range(31)]
    assert codes[:30] == [200] * 30 and codes[30] == 429


def test_a_batch_over_the_layout_cap_is_refused_with_a_reason(app, client, ids, monkeypatch):
    from services import pdf

    application_id, _ = ids
    monkeypatch.setattr(pdf, "MAX_LAYOUT_COST", 100)
    response = client.get(f"/applications/{application_id}/notes.pdf?format=letter")
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "more than one PDF may hold" in page
    assert "one interview" in page
