"""Facilitators record the actions decided and the next session's date; both reach the minutes."""

from __future__ import annotations

import re

from sqlalchemy import select

from cocon.minutes.models import Minutes, MinutesAction
from web.minutes.minutes_web_helpers import advance


def _actions(app_db):
    app_db.expire_all()
    return app_db.scalars(select(MinutesAction).order_by(MinutesAction.position)).all()


def test_a_facilitator_adds_and_removes_actions_that_the_minutes_then_list(client, login, met,
                                                                            app_db):
    login(met.facilitator)
    response = client.post(met.url + "/actions", data={
        "description": "Rédiger la charte des achats responsables",
        "responsible": "Service des marchés", "due": "2027-03-31"})
    assert response.status_code == 302 and response.headers["Location"].endswith("#decisions")
    client.post(met.url + "/actions", data={"description": "Recenser les tiers-lieux"})
    actions = _actions(app_db)
    assert [a.description for a in actions] == ["Rédiger la charte des achats responsables",
                                                 "Recenser les tiers-lieux"]
    assert actions[0].due.isoformat() == "2027-03-31" and actions[1].due is None
    minutes = client.get(met.url).get_data(as_text=True)
    assert "Actions décidées" in minutes and "Service des marchés" in minutes
    assert "31 mars 2027" in minutes
    markdown = client.get(met.url + "/telecharger/md").get_data(as_text=True)
    assert "Rédiger la charte des achats responsables" in markdown

    client.post(f"{met.url}/actions/{actions[1].id}/supprimer")
    assert [a.description for a in _actions(app_db)] == ["Rédiger la charte des achats responsables"]
    notes = client.get(met.url + "/notes").get_data(as_text=True)
    assert "Rédiger la charte" in notes and "Recenser les tiers-lieux" not in notes


def test_bad_actions_and_dates_get_a_french_message_and_change_nothing(client, login, met, app_db):
    login(met.facilitator)
    page = client.post(met.url + "/actions", data={"description": "  ", "due": "demain"},
                       follow_redirects=True).get_data(as_text=True)
    assert re.search(r"date|obligatoire|vide", page, re.I) and "alert-error" in page
    client.post(met.url + "/actions", data={"description": "x" * 2001})
    assert _actions(app_db) == []
    page = client.post(met.url + "/prochaine-seance", data={"next_session_at": "31/12/2027"},
                       follow_redirects=True).get_data(as_text=True)
    assert "Indiquez la date et l’heure de la prochaine séance" in page.replace("'", "’")
    assert client.post(f"{met.url}/actions/999999/supprimer",
                       follow_redirects=True).status_code == 200
    minutes = app_db.scalar(select(Minutes))
    assert minutes is None or minutes.next_session_at is None


def test_the_next_session_date_is_set_shown_and_cleared(client, login, met, app_db):
    login(met.facilitator)
    client.post(met.url + "/prochaine-seance", data={"next_session_at": "2027-06-12T14:30"})
    app_db.expire_all()
    minutes = app_db.scalar(select(Minutes))
    assert minutes.next_session_at.isoformat().startswith("2027-06-12T12:30")  # Paris summer
    assert 'value="2027-06-12T14:30"' in client.get(met.url + "/notes").get_data(as_text=True)
    assert "12 juin 2027" in client.get(met.url).get_data(as_text=True)
    client.post(met.url + "/prochaine-seance", data={"next_session_at": ""})
    app_db.expire_all()
    assert app_db.scalar(select(Minutes)).next_session_at is None


def test_members_cannot_and_approved_minutes_no_longer_change(client, login, met, app_db):
    login(met.member)
    assert client.post(met.url + "/actions", data={"description": "Intrus"}).status_code == 403
    assert client.post(met.url + "/prochaine-seance",
                       data={"next_session_at": "2027-01-01T10:00"}).status_code == 403
    client.post("/compte/deconnexion")
    advance(app_db, met, "approved")
    login(met.facilitator)
    page = client.post(met.url + "/actions", data={"description": "Trop tard"},
                       follow_redirects=True).get_data(as_text=True)
    assert "alert-error" in page and _actions(app_db) == []
    assert 'id="action-description"' not in client.get(met.url + "/notes").get_data(as_text=True)
