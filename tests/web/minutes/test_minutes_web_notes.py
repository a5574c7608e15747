"""The note editor: plain forms, the JSON autosave (with CSRF), revisions and their diff."""

from __future__ import annotations

from datetime import timedelta

from web.minutes.minutes_web_helpers import csrf_token_of
from sqlalchemy import select

from cocon.minutes.models import MinutesNote, MinutesNoteRevision


def _note(app_db, item):
    app_db.expire_all()
    return app_db.scalar(select(MinutesNote).where(MinutesNote.agenda_item_id == item.id))


def test_the_plain_form_saves_a_note_without_javascript(client, login, met, app_db):
    login(met.facilitator)
    editor = client.get(met.url + "/notes")
    assert editor.status_code == 200
    assert f'id="note-{met.items[0].id}"' in editor.get_data(as_text=True)
    response = client.post(f"{met.url}/notes/{met.items[0].id}",
                           data={"body": "Débat **nourri**."})
    assert response.status_code == 302
    assert _note(app_db, met.items[0]).body == "Débat **nourri**."
    assert "Débat **nourri**." in client.get(met.url + "/notes").get_data(as_text=True)


def test_the_autosave_endpoint_answers_json(client, login, met, app_db):
    login(met.facilitator)
    url = f"{met.url}/notes/{met.items[1].id}/autosave"
    response = client.post(url, json={"body": "Premier jet"})
    data = response.get_json()
    assert response.status_code == 200 and data["saved"] is True
    assert data["time"] in data["message"] and data["revision"] == 1
    assert _note(app_db, met.items[1]).body == "Premier jet"
    again = client.post(url, json={"body": "Premier jet"}).get_json()
    assert again["saved"] is True and again["revision"] == 1
    assert client.post(url, json={"text": 3}).status_code == 400


def test_autosave_tells_a_signed_out_writer_and_refuses_others(client, login, met, app_db,
                                                              make_user):
    url = f"{met.url}/notes/{met.items[0].id}/autosave"
    expired = client.post(url, json={"body": "perdu ?"}, headers={"Accept": "application/json"})
    assert expired.status_code == 401 and expired.get_json()["saved"] is False
    login(met.member)
    refused = client.post(url, json={"body": "intrus"})
    assert refused.status_code == 403 and refused.get_json()["saved"] is False
    assert client.get(met.url + "/notes").status_code == 403
    assert _note(app_db, met.items[0]) is None


def test_autosave_needs_the_csrf_token_when_csrf_is_on(app, client, login, met, app_db):
    login(met.facilitator)
    app.config["WTF_CSRF_ENABLED"] = True
    url = f"{met.url}/notes/{met.items[0].id}/autosave"
    refused = client.post(url, json={"body": "sans jeton"}, headers={"Accept": "application/json"})
    assert refused.status_code == 400 and "error" in refused.get_json()
    token = csrf_token_of(client.get(met.url + "/notes").get_data(as_text=True))
    saved = client.post(url, json={"body": "avec jeton"},
                        headers={"X-CSRFToken": token, "Accept": "application/json"})
    assert saved.status_code == 200 and saved.get_json()["saved"] is True
    assert _note(app_db, met.items[0]).body == "avec jeton"


def test_revisions_are_listed_and_compared_with_escaping(client, login, met, app_db):
    login(met.facilitator)
    item = met.items[0]
    client.post(f"{met.url}/notes/{item.id}", data={"body": "ligne 1\n<b>ancienne</b>"})
    revision = app_db.scalar(select(MinutesNoteRevision))
    revision.created_at -= timedelta(hours=1)  # outside the autosave window: a new revision next
    app_db.commit()
    client.post(f"{met.url}/notes/{item.id}", data={"body": "ligne 1\n<i>nouvelle</i>"})
    listing = client.get(f"{met.url}/notes/{item.id}/revisions")
    html = listing.get_data(as_text=True)
    assert listing.status_code == 200 and 'name="a"' in html
    diff = client.get(f"{met.url}/notes/{item.id}/revisions?a=1&b=2").get_data(as_text=True)
    assert "<del>-&lt;b&gt;ancienne&lt;/b&gt;</del>" in diff
    assert "<ins>+&lt;i&gt;nouvelle&lt;/i&gt;</ins>" in diff
    assert "<b>ancienne" not in diff and "<i>nouvelle" not in diff
