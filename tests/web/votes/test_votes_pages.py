"""The vote journey through the web: prepare, open, vote (no JS), live count, close, results."""

import threading

from tests.conftest import PASSWORD

from sqlalchemy import func, select

from cocon.proposals.voting_models import Ballot, BallotParticipation, SecretVote


def _create(client, w, method="simple_majority", secret=True, candidates=""):
    response = client.post(f"/conseils/{w.council.slug}/seances/{w.plenary.id}/scrutins", data={
        "item_id": w.item.id, "question": "Adopter la charte des achats ?", "method": method,
        "secret": "y" if secret else "", "candidates": candidates})
    assert response.status_code == 302, response.data[:300]
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def _url(w, bid, action=""):
    return f"/conseils/{w.council.slug}/scrutins/{bid}" + (f"/{action}" if action else "")


def _as(client, login, user):
    client.post("/compte/deconnexion")
    login(user)


def test_the_whole_vote_journey(client, login, votes_world, app_db):
    w = votes_world
    login(w.facilitator)
    page = client.get(f"/conseils/{w.council.slug}/seances/{w.plenary.id}/scrutins")
    assert page.status_code == 200 and 'id="new-ballot-title"' in page.get_data(as_text=True)
    bid = _create(client, w)
    assert client.post(_url(w, bid, "ouvrir")).status_code == 302
    _as(client, login, w.alice)
    page = client.get(_url(w, bid)).get_data(as_text=True)
    assert "<fieldset>" in page and "<legend>" in page and 'type="radio"' in page
    response = client.post(_url(w, bid, "voter"), data={"choice": "pour"}, follow_redirects=True)
    body = response.get_data(as_text=True)
    assert 'id="you-voted"' in body and 'name="choice"' not in body
    again = client.post(_url(w, bid, "voter"), data={"choice": "contre"}, follow_redirects=True)
    assert again.status_code == 200
    _as(client, login, w.bob)
    client.post(_url(w, bid, "voter"), data={"choice": "pour"})
    _as(client, login, w.facilitator)
    client.post(_url(w, bid, "papier"), data={"paper|Élu·es|contre": "1"})
    client.post(_url(w, bid, "fermer"))
    page = client.get(_url(w, bid)).get_data(as_text=True)
    assert 'id="verdict"' in page and 'id="by-college"' in page and 'id="counts"' in page
    app_db.expire_all()
    ballot = app_db.get(Ballot, bid)
    assert ballot.result["counts"]["pour"] == 2 and ballot.result["counts"]["contre"] == 1
    assert ballot.result["sources"]["paper"]["ballots"] == 1


def test_observers_and_advisory_members_get_no_ballot_form(client, login, votes_world):
    w = votes_world
    login(w.facilitator)
    bid = _create(client, w)
    client.post(_url(w, bid, "ouvrir"))
    for user in (w.observer, w.agent):
        _as(client, login, user)
        page = client.get(_url(w, bid)).get_data(as_text=True)
        assert 'name="choice"' not in page
        client.post(_url(w, bid, "voter"), data={"choice": "pour"})
    _as(client, login, w.alice)
    assert client.post(_url(w, bid, "fermer")).status_code == 403


def test_majority_judgment_shows_one_radio_group_per_option_and_merit_profiles(
        client, login, votes_world):
    w = votes_world
    login(w.facilitator)
    bid = _create(client, w, method="majority_judgment", candidates="Option A\nOption B\nOption C")
    client.post(_url(w, bid, "ouvrir"))
    _as(client, login, w.alice)
    page = client.get(_url(w, bid)).get_data(as_text=True)
    assert page.count("<legend>") == 3
    client.post(_url(w, bid, "voter"), data={"grade-0": "Très bien", "grade-1": "Passable",
                                              "grade-2": "Bien"})
    _as(client, login, w.facilitator)
    client.post(_url(w, bid, "fermer"))
    page = client.get(_url(w, bid)).get_data(as_text=True)
    assert 'class="merit"' in page and 'role="img"' in page and 'id="merit-table"' in page
    assert "Option A" in page


def test_a_public_vote_shows_the_roll_call(client, login, votes_world):
    w = votes_world
    login(w.facilitator)
    bid = _create(client, w, secret=False)
    client.post(_url(w, bid, "ouvrir"))
    _as(client, login, w.alice)
    client.post(_url(w, bid, "voter"), data={"choice": "contre"})
    _as(client, login, w.facilitator)
    client.post(_url(w, bid, "fermer"))
    page = client.get(_url(w, bid)).get_data(as_text=True)
    assert 'id="roll-call"' in page and "Alice Élue" in page


def test_the_live_room_hears_how_many_voted_never_how(app, client, login, votes_world):
    w = votes_world
    login(w.facilitator)
    bid = _create(client, w)
    client.post(_url(w, bid, "ouvrir"))
    _as(client, login, w.alice)
    socket = app.extensions["socketio"].test_client(app, namespace="/live",
                                                    flask_test_client=client)
    ack = socket.emit("join", {"room": f"plenary:{w.plenary.id}"}, namespace="/live",
                      callback=True)
    assert ack["ok"] is True
    socket.get_received("/live")
    client.post(_url(w, bid, "voter"), data={"choice": "pour"})
    events = [e for e in socket.get_received("/live") if e["name"] == "ballot.voted"]
    assert events and events[-1]["args"][0] == {"ballot_id": bid, "voted": 1}


def test_two_simultaneous_requests_of_one_voter_count_once(app, login, votes_world, app_db):
    w = votes_world
    facilitator = app.test_client()
    facilitator.post("/compte/connexion", data={"email": w.facilitator.email,
                                                "password": PASSWORD})
    bid = _create(facilitator, w)
    facilitator.post(_url(w, bid, "ouvrir"))
    clients = []
    for _ in range(2):
        c = app.test_client()
        c.post("/compte/connexion", data={"email": w.alice.email,
                                          "password": PASSWORD})
        clients.append(c)
    barrier = threading.Barrier(2, timeout=20)
    statuses = []

    def send(c, choice):
        barrier.wait()
        statuses.append(c.post(_url(w, bid, "voter"), data={"choice": choice}).status_code)

    threads = [threading.Thread(target=send, args=(c, ch)) for c, ch in zip(clients,
                                                                           ["pour", "contre"])]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert statuses == [302, 302]
    app_db.expire_all()
    assert app_db.scalar(select(func.count()).select_from(BallotParticipation)) == 1
    assert app_db.scalar(select(func.count()).select_from(SecretVote)) == 1


def test_a_withdrawal_is_shown_and_blocks_voting(client, login, votes_world):
    w = votes_world
    login(w.facilitator)
    bid = _create(client, w)
    client.post(_url(w, bid, "ouvrir"))
    _as(client, login, w.bob)
    client.post(_url(w, bid, "deport"), data={"reason": "Je dirige la SCIC concernée"})
    page = client.get(_url(w, bid)).get_data(as_text=True)
    assert "Je dirige la SCIC concernée" in page and 'name="choice"' not in page


def test_the_plenary_page_links_to_its_votes(client, login, votes_world):
    w = votes_world
    login(w.facilitator)
    page = client.get(f"/conseils/{w.council.slug}/seances/{w.plenary.id}").get_data(as_text=True)
    assert f"/seances/{w.plenary.id}/scrutins" in page


def test_a_proxy_holder_gets_a_second_ballot_form_and_casts_it(client, login, votes_world,
                                                               app_db):
    from cocon.council.plenary.models import Proxy
    from cocon.db import utcnow
    w = votes_world
    app_db.add(Proxy(plenary_id=w.plenary.id, giver_id=w.bob.id, holder_id=w.alice.id,
                     created_at=utcnow()))
    app_db.commit()
    login(w.facilitator)
    bid = _create(client, w)
    client.post(_url(w, bid, "ouvrir"))
    _as(client, login, w.alice)
    page = client.get(_url(w, bid)).get_data(as_text=True)
    assert page.count('class="form ballot-form card"') == 2 and "Bob Acteur" in page
    client.post(_url(w, bid, "voter"), data={"choice": "pour", "on_behalf_of": w.bob.id})
    participation = app_db.scalars(select(BallotParticipation)).one()
    assert (participation.member_id, participation.cast_by_id, participation.by_proxy) == (
        w.bob.id, w.alice.id, True)
    # a proxy not held is refused
    client.post(_url(w, bid, "voter"), data={"choice": "pour", "on_behalf_of": w.observer.id})
    assert app_db.scalar(select(func.count()).select_from(BallotParticipation)) == 1


def test_ballots_of_a_private_council_are_hidden_from_visitors(client, login, votes_world,
                                                              app_db):
    w = votes_world
    login(w.facilitator)
    bid = _create(client, w)
    client.post("/compte/deconnexion")
    w.council.is_public = False
    app_db.merge(w.council)
    app_db.commit()
    assert client.get(_url(w, bid)).status_code == 404
    assert client.get(f"/conseils/{w.council.slug}/registre.csv").status_code == 404
