"""The factories build what the pages build: the `panel` fixture's account, made once through
the pages (the end-to-end flow of capture) and once through tests/factories.py, exports the same."""

from extensions import db
from models import Application, Contact, User, utcnow
from services import portability
from tests import factories
from tests.conftest import AuthActions

TIMES = {"created_at", "updated_at", "exported_at", "sent_at", "written_at", "posted_at"}


def comparable(document: dict) -> dict:
    """The export with ids numbered in order of appearance, and without times or the email."""
    labels: dict[str, str] = {}

    def label(value: str) -> str:
        return labels.setdefault(value, f"#{len(labels)}")

    def walk(node):
        if isinstance(node, list):
            return [walk(value) for value in node]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            if key in TIMES or (key == "email" and "signature" in node):
                continue
            if key in ("id", "conflict_of", "interview_id") and isinstance(value, str):
                out[key] = label(value)
            elif key == "interview_ids":
                out[key] = [label(v) for v in value]
            else:
                out[key] = walk(value)
        return out

    return walk(document)


def build_panel_through_the_pages(app, client) -> None:
    """Sign up, add the application, paste the day, jot Dana's points, add everyone's address."""
    AuthActions(client).register()
    client.post(
        "/applications/new",
        data={
            "company": "Acme",
            "role": "Staff Engineer",
            "fit_points": "ten years of payments infrastructure",
        },
    )
    with app.app_context():
        application_id = db.session.scalar(db.select(Application.id))
    saved = client.post(
        f"/applications/{application_id}/schedule",
        data={
            "day": "2026-11-21",
            "confirm": "1",
            "text": "10:00 Dana Rivera, Engineering Manager\n"
            "11:30-12:15 Sam Lee (Staff Engineer), Priya Nair - Recruiter",
        },
    )
    assert saved.status_code == 303
    with app.app_context():
        contacts = {c.name: c.id for c in db.session.scalars(db.select(Contact))}
    # Priya's and Sam's addresses first: the follow-up goes to Priya from the start.
    for name, role, email in (
        ("Priya Nair", "recruiter", "priya@acme.example"),
        ("Sam Lee", "interviewer", "sam@acme.example"),
    ):
        edited = client.post(
            f"/contacts/{contacts[name]}/edit", data={"name": name, "role": role, "email": email}
        )
        assert edited.status_code == 303
    dana = f"/contacts/{contacts['Dana Rivera']}"
    client.post(dana, data={"kind": "topic", "body": "kafka migration for the payments ledger"})
    client.post(
        dana,
        data={
            "kind": "promise",
            "body": "send the link to my talk https://example.com/talk?id=7&x=1",
        },
    )
    edited = client.post(
        f"{dana}/edit",
        data={"name": "Dana Rivera", "role": "interviewer", "email": "dana@acme.example"},
    )
    assert edited.status_code == 303


def test_the_panel_built_through_the_pages_equals_the_factory_panel(app, client):
    build_panel_through_the_pages(app, client)
    with app.app_context():
        ben = factories.make_user("ben@example.com")
        factories.make_panel(ben)
        ana = db.session.scalar(db.select(User).where(User.email == "ana@example.com"))
        by_pages = portability.export_account(db.session, ana, utcnow())
        by_factory = portability.export_account(db.session, db.session.get(User, ben.id), utcnow())
    # The state the fixture's tests rely on is there, not just equal.
    dana = by_pages["applications"][0]["contacts"][0]
    assert dana["email"] == "dana@acme.example" and len(dana["talking_points"]) == 2
    assert [d["channel"] for d in dana["drafts"]] == ["email", "card", "linkedin"]
    assert comparable(by_factory) == comparable(by_pages)


def test_a_user_signed_in_by_the_factory_is_signed_in_until_sign_out(app, client):
    with app.app_context():
        ana = factories.make_user(tone="formal")
    factories.sign_in(client, ana)
    page = client.get("/account/profile")
    assert page.status_code == 200 and "ana@example.com" in page.get_data(as_text=True)
    client.post("/logout")
    assert client.get("/account/profile").status_code == 302
    # The factory's password is the one the sign-in page checks.
    assert AuthActions(client).login().status_code == 302
    assert client.get("/account/profile").status_code == 200
