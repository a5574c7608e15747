"""The drafting form's co-authors and the edit page (authors, then facilitators only)."""

from sqlalchemy import select

from cocon.audit import AuditEntry
from cocon.proposals.models import Proposal


def _as(client, login, user):
    client.post("/compte/deconnexion")
    login(user)


def test_draft_with_co_authors_then_edit(client, login, votes_world, app_db):
    w = votes_world
    base = f"/conseils/{w.council.slug}/propositions"
    login(w.alice)
    form = client.get(f"{base}/nouvelle").get_data(as_text=True)
    assert f'name="coauthors" value="{w.bob.id}"' in form
    assert f'name="coauthors" value="{w.alice.id}"' not in form
    response = client.post(f"{base}/nouvelle", data={
        "title": "Clauses sociales", "body": "Texte", "coauthors": [str(w.bob.id)]})
    assert response.status_code == 302
    pid = int(response.headers["Location"].split("/")[-1])
    app_db.expire_all()
    assert [u.id for u in app_db.get(Proposal, pid).coauthors] == [w.bob.id]

    _as(client, login, w.bob)  # the co-author edits
    page = client.get(f"{base}/{pid}").get_data(as_text=True)
    assert f"{base}/{pid}/modifier" in page
    edit = client.get(f"{base}/{pid}/modifier").get_data(as_text=True)
    assert "Clauses sociales" in edit and "checked" in edit
    response = client.post(f"{base}/{pid}/modifier", data={
        "title": "Clauses sociales et environnementales", "body": "Texte 2",
        "coauthors_shown": "y", "coauthors": [str(w.bob.id), str(w.facilitator.id)]})
    assert response.status_code == 302
    app_db.expire_all()
    proposal = app_db.get(Proposal, pid)
    assert proposal.title == "Clauses sociales et environnementales"
    assert {u.id for u in proposal.coauthors} == {w.bob.id, w.facilitator.id}


def test_bad_co_authors_are_refused_with_a_message(client, login, votes_world, quick_user,
                                                  app_db):
    w = votes_world
    outsider = quick_user("Xavier Extérieur")
    base = f"/conseils/{w.council.slug}/propositions"
    login(w.alice)
    for chosen in ([str(outsider.id)], [str(w.bob.id), str(w.bob.id)], [str(w.alice.id)]):
        response = client.post(f"{base}/nouvelle", data={
            "title": "Refusée", "body": "Texte", "coauthors": chosen})
        assert response.status_code == 200
        assert 'role="alert"' in response.get_data(as_text=True)
    assert app_db.scalars(select(Proposal)).all() == []


def test_on_the_agenda_only_a_facilitator_edits_and_it_is_audited(client, login, votes_world,
                                                                 app_db):
    w = votes_world
    base = f"/conseils/{w.council.slug}/propositions"
    login(w.alice)
    response = client.post(f"{base}/nouvelle", data={
        "title": "Clauses sociales", "body": "Texte", "submit_now": "y"})
    pid = int(response.headers["Location"].split("/")[-1])
    assert client.get(f"{base}/{pid}/modifier").status_code == 200
    _as(client, login, w.facilitator)
    client.post(f"{base}/{pid}/ordre-du-jour", data={"item_id": w.item.id})
    _as(client, login, w.alice)
    assert client.get(f"{base}/{pid}/modifier").status_code == 403
    assert client.post(f"{base}/{pid}/modifier", data={
        "title": "Détournée", "body": "x"}).status_code == 403
    _as(client, login, w.facilitator)
    assert "audit" in client.get(f"{base}/{pid}/modifier").get_data(as_text=True)
    client.post(f"{base}/{pid}/modifier", data={"title": "Clauses sociales", "body": "Texte amendé en séance"})
    app_db.expire_all()
    assert app_db.get(Proposal, pid).body == "Texte amendé en séance"
    assert app_db.scalars(select(AuditEntry).where(
        AuditEntry.action == "proposal.edit", AuditEntry.target_id == pid)).one()
