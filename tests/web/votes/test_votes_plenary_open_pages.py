"""The ballot form refuses a vote when the session is not open, with a clear message."""

from cocon.proposals.voting_models import Ballot
from sqlalchemy import select


def test_creating_a_vote_in_a_closed_session_is_refused(client, login, votes_world, app_db):
    w = votes_world
    w.plenary.closed_at = w.plenary.opened_at
    app_db.commit()
    login(w.facilitator)
    url = f"/conseils/{w.council.slug}/seances/{w.plenary.id}/scrutins"
    assert "ballot-plenary-closed" in client.get(url).get_data(as_text=True)
    response = client.post(url, data={"item_id": w.item.id, "question": "Adopter ?",
                                      "method": "simple_majority"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "plenary session is open" in page or "séance plénière est ouverte" in page
    assert app_db.scalars(select(Ballot)).all() == []
