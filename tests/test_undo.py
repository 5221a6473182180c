"""Deleting an application, an interview or a person takes one tap, so it can be undone: the
next page says what went with it and offers "Undo", which brings everything back."""

from datetime import timedelta

from extensions import db
from models import Application, Contact, Interview, TalkingPoint


def _live(app, model) -> int:
    with app.app_context():
        return db.session.scalar(
            db.select(db.func.count()).select_from(model).where(model.deleted_at.is_(None))
        )


def _undo_form(html: str) -> str:
    import re

    match = re.search(r'<form method="post" action="([^"]+)" class="undo"', html)
    assert match, "no Undo on the page"
    return match.group(1)


def test_deleting_an_application_names_what_goes_and_undo_brings_it_all_back(app, client, panel):
    application_id, _ = panel
    edit = client.get(f"/applications/{application_id}/edit").get_data(as_text=True)
    assert "Delete this application with 2 interviews, 3 people and 2 talking points" in edit
    response = client.post(f"/applications/{application_id}/delete")
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Deleted Acme with 2 interviews, 3 people and 2 talking points." in page
    assert _live(app, Application) == 0 and _live(app, TalkingPoint) == 0
    restore = _undo_form(page)
    assert "Undo" not in client.get("/").get_data(as_text=True)  # Offered once.

    back = client.post(restore)
    assert back.status_code == 303
    assert "Acme is back." in client.get(back.headers["Location"]).get_data(as_text=True)
    assert _live(app, Application) == 1 and _live(app, Interview) == 2
    assert _live(app, Contact) == 3 and _live(app, TalkingPoint) == 2


def test_undo_keeps_what_was_deleted_on_its_own_before(app, client, panel):
    application_id, contacts = panel
    client.post(f"/contacts/{contacts['Sam Lee']}/delete")
    client.post(f"/applications/{application_id}/delete")
    page = client.get("/").get_data(as_text=True)
    client.post(_undo_form(page))
    assert _live(app, Contact) == 2
    with app.app_context():
        assert db.session.get(Contact, contacts["Sam Lee"]).deleted_at is not None


def test_removing_a_person_can_be_undone_with_their_points(app, client, panel):
    _, contacts = panel
    response = client.post(f"/contacts/{contacts['Dana Rivera']}/delete")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Removed Dana Rivera with 2 talking points." in page
    assert _live(app, TalkingPoint) == 0
    client.post(_undo_form(page))
    assert _live(app, Contact) == 3 and _live(app, TalkingPoint) == 2


def test_deleting_an_interview_can_be_undone(app, client, panel):
    with app.app_context():
        interview_id = db.session.scalar(db.select(Interview.id).limit(1))
    response = client.post(f"/interviews/{interview_id}/delete")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Its people and their points are still in the application." in page
    assert _live(app, Interview) == 1
    back = client.post(_undo_form(page))
    assert back.headers["Location"] == f"/interviews/{interview_id}"
    assert _live(app, Interview) == 2


def test_undo_works_for_an_hour_only(app, client, panel):
    application_id, _ = panel
    client.post(f"/applications/{application_id}/delete")
    with app.app_context():
        application = db.session.get(Application, application_id)
        application.deleted_at -= timedelta(hours=1, minutes=1)
        db.session.commit()
    assert client.post(f"/applications/{application_id}/restore").status_code == 404
    assert _live(app, Application) == 0


def test_a_live_record_cannot_be_restored(client, panel):
    application_id, _ = panel
    assert client.post(f"/applications/{application_id}/restore").status_code == 404
