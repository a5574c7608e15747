"""The live count a vote announces is read after its commit, so the room hears the final one."""

from webapp.blueprints import votes as votes_views
from tests.web.votes.test_votes_pages import _as, _create, _url


def test_the_announced_count_is_read_after_the_commit(app, client, login, votes_world,
                                                      monkeypatch):
    w = votes_world
    login(w.facilitator)
    bid = _create(client, w)
    client.post(_url(w, bid, "ouvrir"))
    _as(client, login, w.alice)
    socket = app.extensions["socketio"].test_client(app, namespace="/live",
                                                    flask_test_client=client)
    assert socket.emit("join", {"room": f"plenary:{w.plenary.id}"}, namespace="/live",
                       callback=True)["ok"] is True
    socket.get_received("/live")
    real = votes_views.cast_vote

    def counted_before_another_commit(*args, **kwargs):
        # what a vote sees when another one commits at the same moment: not yet counted
        events = real(*args, **kwargs)
        events[0].payload["voted"] -= 1
        return events

    monkeypatch.setattr(votes_views, "cast_vote", counted_before_another_commit)
    assert client.post(_url(w, bid, "voter"), data={"choice": "pour"}).status_code == 302
    events = [e for e in socket.get_received("/live") if e["name"] == "ballot.voted"]
    assert [e["args"][0] for e in events] == [{"ballot_id": bid, "voted": 1}]
