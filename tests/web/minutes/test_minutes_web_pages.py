"""The compte rendu page: who sees it at each status, its workflow and the refusals."""

from __future__ import annotations

from datetime import timedelta

from web.minutes.minutes_web_helpers import advance
from sqlalchemy import select

from cocon.council.models import Role
from cocon.council.services import add_member
from cocon.db import utcnow
from cocon.minutes.comments import MinutesComment
from cocon.minutes.models import Minutes


def _minutes(app_db, met) -> Minutes:
    app_db.expire_all()
    return app_db.scalar(select(Minutes).where(Minutes.plenary_id == met.pid))


def _outsider(app_db, make_user, make_council):
    """A member of another council."""
    other_admin = make_user(name="Autre Admin")
    other = make_council(other_admin, name="Autre conseil")
    person = make_user(name="Paul Ailleurs")
    add_member(app_db, other, person, role=Role.MEMBER, college_id=other.colleges[0].id,
               now=utcnow())
    app_db.commit()
    return person


def test_draft_minutes_are_shown_to_facilitators_only(client, login, met, app_db, make_user,
                                                      make_council):
    assert client.get(met.url).status_code == 404
    login(met.member)
    assert client.get(met.url).status_code == 404
    client.post("/compte/deconnexion")
    login(met.facilitator)
    page = client.get(met.url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Adopter la charte" in html and "Charte des achats" in html
    assert 'id="minutes-status"' in html and "status-draft" in html
    plenary_page = client.get(f"/conseils/{met.slug}/seances/{met.pid}").get_data(as_text=True)
    assert met.url in plenary_page


def test_submitted_minutes_are_shown_to_members_but_not_to_other_councils(
        client, login, met, app_db, make_user, make_council):
    outsider = _outsider(app_db, make_user, make_council)
    advance(app_db, met, "submitted")
    assert client.get(met.url).status_code == 404
    login(outsider)
    assert client.get(met.url).status_code == 403
    assert client.get(met.url + "/telecharger/md").status_code == 403
    client.post("/compte/deconnexion")
    login(met.member)
    assert client.get(met.url).status_code == 200


def test_locked_minutes_are_public_with_their_hash(client, met, app_db):
    minutes = advance(app_db, met, "locked")
    html = client.get(met.url).get_data(as_text=True)
    assert minutes.locked_hash in html and "minutes-hash" in html


def test_a_facilitator_submits_approves_after_the_period_and_locks(client, login, met, app_db):
    login(met.facilitator)
    until = (utcnow() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    client.post(met.url + "/soumettre", data={"comments_until": until})
    assert _minutes(app_db, met).status == "submitted"
    refused = client.post(met.url + "/approuver", data={}, follow_redirects=True)
    assert _minutes(app_db, met).status == "submitted"
    assert "flash-error" in refused.get_data(as_text=True)
    minutes = _minutes(app_db, met)
    minutes.comments_until = utcnow() - timedelta(hours=1)
    app_db.commit()
    client.post(met.url + "/approuver", data={"ballot": str(met.ballot_id)})
    assert _minutes(app_db, met).status == "approved"
    assert _minutes(app_db, met).approval_ballot_id == met.ballot_id
    client.post(met.url + "/verrouiller")
    minutes = _minutes(app_db, met)
    assert minutes.status == "locked" and len(minutes.locked_hash) == 64


def test_submitting_without_a_date_is_refused_with_a_message(client, login, met, app_db):
    login(met.facilitator)
    page = client.post(met.url + "/soumettre", data={"comments_until": "demain"},
                       follow_redirects=True)
    assert "flash-error" in page.get_data(as_text=True)
    assert getattr(_minutes(app_db, met), "status", "draft") == "draft"


def test_only_facilitators_run_the_workflow(client, login, met, app_db):
    advance(app_db, met, "submitted")
    login(met.member)
    assert client.post(met.url + "/verrouiller").status_code == 403
    assert client.post(met.url + "/brouillon").status_code == 403
    assert _minutes(app_db, met).status == "submitted"


def test_locked_minutes_refuse_every_change_in_the_users_language(client, login, met, app_db):
    advance(app_db, met, "locked")
    login(met.facilitator)
    page = client.post(met.url + "/brouillon", follow_redirects=True).get_data(as_text=True)
    assert "flash-error" in page
    response = client.post(f"{met.url}/notes/{met.items[0].id}/autosave",
                           json={"body": "changement"}, headers={"Accept": "application/json"})
    assert response.status_code == 409 and response.get_json()["saved"] is False
    assert response.get_json()["error"]
    form = client.post(f"{met.url}/notes/{met.items[0].id}", data={"body": "x"},
                       follow_redirects=True).get_data(as_text=True)
    assert "flash-error" in form
    editor = client.get(met.url + "/notes").get_data(as_text=True)
    assert "<textarea" not in editor
    assert _minutes(app_db, met).status == "locked"


def test_members_comment_during_the_period_only(client, login, met, app_db):
    advance(app_db, met, "submitted")
    login(met.member)
    client.post(met.url + "/commentaires", data={"body": "Il manque <b>mon</b> intervention."})
    html = client.get(met.url).get_data(as_text=True)
    assert "Il manque &lt;b&gt;mon&lt;/b&gt; intervention." in html
    minutes = _minutes(app_db, met)
    minutes.comments_until = utcnow() - timedelta(minutes=1)
    app_db.commit()
    client.post(met.url + "/commentaires", data={"body": "Trop tard"})
    bodies = [c.body for c in app_db.scalars(select(MinutesComment))]
    assert bodies == ["Il manque <b>mon</b> intervention."]


def test_hostile_notes_are_rendered_safely(client, login, met, app_db):
    login(met.facilitator)
    hostile = ('<script>alert("x")</script> <img src=x onerror=alert(1)> '
               '[clic](javascript:alert(2)) **gras**')
    client.post(f"{met.url}/notes/{met.items[0].id}", data={"body": hostile})
    html = client.get(met.url).get_data(as_text=True)
    assert "<script>alert" not in html
    assert "<img src=x" not in html and "onerror=alert(1)>" not in html.replace("&gt;", "")
    assert 'href="javascript:' not in html
    assert "<strong>gras</strong>" in html
    editor = client.get(met.url + "/notes").get_data(as_text=True)
    assert "&lt;script&gt;" in editor and "<script>alert" not in editor
