"""Malformed and flooding Socket.IO clients are refused; the server and the others carry on."""

import pytest
from engineio.async_drivers._websocket_wsgi import SimpleWebSocketWSGI
from sqlalchemy.exc import OperationalError

from cocon.db import utcnow
from cocon.proposals.voting import create_ballot, open_ballot
from votes_web_fixtures import quick_user, votes_world  # noqa: F401
from webapp import sockets
from webapp.sockets import FloodGuard

NAMESPACE = "/live"


def _socket(app, http=None):
    return app.extensions["socketio"].test_client(app, namespace=NAMESPACE,
                                                  flask_test_client=http or app.test_client())


def _join(socket, data):
    return socket.emit("join", data, namespace=NAMESPACE, callback=True)


def _events(socket, name):
    return [m["args"][0] for m in socket.get_received(NAMESPACE) if m["name"] == name]


def _open_ballot(app_db, w):
    ballot = create_ballot(app_db, item=w.item, question="Adopter la charte ?",
                           method="simple_majority", secret=False, actor=w.facilitator,
                           now=utcnow())
    open_ballot(app_db, ballot=ballot, actor=w.facilitator, now=utcnow())
    app_db.commit()
    return ballot


def _vote(app, w, user, ballot, choice="pour"):
    http = app.test_client()
    assert http.post("/compte/connexion", data={
        "email": user.email, "password": "un mot de passe assez long"}).status_code == 302
    return http.post(f"/conseils/{w.council.slug}/scrutins/{ballot.id}/voter",
                     data={"choice": choice})


GARBAGE = [
    "plenary:1", 123, None, [], ["plenary:1"], {"room": 5}, {"room": None}, {"room": ["a"]},
    {"room": "x" * 100_000}, {"room": "plenary:99999999999999999999"}, {"room": "plenary:-1"},
    {"room": "plenary:0"}, {"room": "plenary:١٢"}, {"room": "nope:1"}, {"room": "plenary:1:2"},
    {"room": "PLENARY:1"}, {"room": " plenary:1"}, {"salle": "plenary:1"},
]


def _namespace(app):
    return app.extensions["socketio"].server.namespace_handlers[NAMESPACE]


def test_malformed_joins_are_refused_and_the_connection_lives_on(app, votes_world):
    w = votes_world
    _namespace(app).guard = FloodGuard(burst=100)  # this test is about content, not rate
    socket = _socket(app)
    for data in GARBAGE:
        ack = _join(socket, data)
        assert isinstance(ack, dict) and ack["ok"] is False, (data, ack)
    assert socket.is_connected(NAMESPACE)
    # a join with extra arguments, and a leave of garbage, are harmless too
    assert _join(socket, {"room": f"plenary:{w.plenary.id}"}) == {
        "ok": True, "room": f"plenary:{w.plenary.id}"}
    assert socket.emit("join", {"room": f"plenary:{w.plenary.id}"}, "extra", 3,
                       namespace=NAMESPACE, callback=True)["ok"] is True
    assert socket.emit("leave", 42, namespace=NAMESPACE, callback=True) == {"ok": True}
    assert socket.emit("join", namespace=NAMESPACE, callback=True)["ok"] is False
    assert socket.is_connected(NAMESPACE)


def test_unknown_events_are_ignored(app, votes_world, app_db):
    w = votes_world
    ballot = _open_ballot(app_db, w)
    socket = _socket(app)
    _join(socket, {"room": f"plenary:{w.plenary.id}"})
    for name, data in [("drop_tables", {}), ("ballot.voted", {"voted": 999}), ("connect", 1),
                       ("disconnect", None), ("error", "x")]:
        socket.emit(name, data, namespace=NAMESPACE)
    assert socket.is_connected(NAMESPACE)
    # a client cannot broadcast to the room: the others received nothing from it
    listener = _socket(app)
    _join(listener, {"room": f"plenary:{w.plenary.id}"})
    listener.get_received(NAMESPACE)
    socket.emit("ballot.voted", {"voted": 999}, namespace=NAMESPACE)
    assert listener.get_received(NAMESPACE) == []
    assert _vote(app, w, w.alice, ballot).status_code == 302
    assert [e["voted"] for e in _events(listener, "ballot.voted")] == [1]


def test_a_flooding_client_is_refused_then_cut_and_the_others_still_get_their_events(
        app, votes_world, app_db):
    w = votes_world
    ballot = _open_ballot(app_db, w)
    room = {"room": f"plenary:{w.plenary.id}"}
    calm = _socket(app)
    assert _join(calm, room)["ok"] is True
    flood = _socket(app)
    acks = []
    for _ in range(500):
        if not flood.is_connected(NAMESPACE):
            break
        acks.append(_join(flood, room))
    assert not flood.is_connected(NAMESPACE), "500 joins in a row did not cut the connection"
    assert len(acks) < 100
    assert acks[0]["ok"] is True
    assert {"ok": False, "error": "too many events"} in acks
    assert calm.is_connected(NAMESPACE)
    calm.get_received(NAMESPACE)
    assert _vote(app, w, w.alice, ballot).status_code == 302
    assert [e["voted"] for e in _events(calm, "ballot.voted")] == [1]
    # the cut client may come back, with a fresh allowance
    again = _socket(app)
    assert _join(again, room)["ok"] is True


def test_a_flood_of_unknown_events_is_cut_too(app, votes_world):
    flood = _socket(app)
    for _ in range(200):
        if not flood.is_connected(NAMESPACE):
            break
        flood.emit("nothing", {"x": 1}, namespace=NAMESPACE)
    assert not flood.is_connected(NAMESPACE)


def test_one_connection_follows_a_limited_number_of_rooms(app, votes_world, monkeypatch,
                                                          make_council):
    w = votes_world
    monkeypatch.setattr(sockets, "MAX_ROOMS", 1)
    other = make_council(w.admin, name="Conseil de l'ESS de Brest")
    socket = _socket(app)
    assert _join(socket, {"room": f"council:{w.council.id}"})["ok"] is True
    assert _join(socket, {"room": f"council:{w.council.id}"})["ok"] is True  # already in it
    assert _join(socket, {"room": f"council:{other.id}"}) == {
        "ok": False, "error": "too many rooms"}
    socket.emit("leave", {"room": f"council:{w.council.id}"}, namespace=NAMESPACE)
    assert _join(socket, {"room": f"council:{other.id}"})["ok"] is True
    socket.disconnect(namespace=NAMESPACE)
    assert _namespace(app)._joined == {}  # nothing kept for a closed connection


def test_a_join_while_the_database_is_down_is_refused_politely(app, votes_world, monkeypatch):
    w = votes_world

    def database_down(db, user, plenary_id):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setitem(sockets.ROOM_CHECKS, "plenary", database_down)
    socket = _socket(app)
    assert _join(socket, {"room": f"plenary:{w.plenary.id}"}) == {
        "ok": False, "error": "unavailable"}
    assert socket.is_connected(NAMESPACE)


def test_a_failing_handler_answers_no_and_keeps_the_connection(app, votes_world, monkeypatch):
    w = votes_world

    def broken(db, user, plenary_id):
        raise RuntimeError("a bug")

    monkeypatch.setitem(sockets.ROOM_CHECKS, "plenary", broken)
    socket = _socket(app)
    assert _join(socket, {"room": f"plenary:{w.plenary.id}"}) == {
        "ok": False, "error": "server error"}
    assert socket.is_connected(NAMESPACE)
    monkeypatch.undo()
    assert _join(socket, {"room": f"plenary:{w.plenary.id}"})["ok"] is True


def test_messages_are_capped_at_16_kib_while_they_arrive(app):
    eio = app.extensions["socketio"].server.eio
    assert eio.max_http_buffer_size == 16 * 1024
    bounded = eio._async["websocket"]
    assert issubclass(bounded, SimpleWebSocketWSGI) and bounded is not SimpleWebSocketWSGI
    assert bounded(lambda ws: None, eio).server_args == {"max_message_size": 16 * 1024}


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.mark.parametrize("burst", [1, 5])
def test_the_flood_guard_allows_a_burst_then_its_rate(burst):
    clock = Clock()
    guard = FloodGuard(rate=2.0, burst=burst, strikes=3, clock=clock)
    assert [guard.check("a") for _ in range(burst)] == ["ok"] * burst
    assert guard.check("a") == "refuse"
    assert guard.check("b") == "ok"  # each connection has its own allowance
    clock.now += 0.5  # one more event at two a second
    assert guard.check("a") == "ok"
    assert [guard.check("a") for _ in range(3)] == ["refuse", "refuse", "cut"]
    guard.forget("a")
    assert guard.check("a") == "ok"


def test_the_flood_guard_forgets_idle_connections_beyond_its_bound(monkeypatch):
    monkeypatch.setattr(sockets, "MAX_BUCKETS", 3)
    clock = Clock()
    guard = FloodGuard(rate=1.0, burst=2, clock=clock)
    for sid in "abcd":
        guard.check(sid)
    clock.now += 10  # all idle long enough to be full again
    guard.check("e")
    assert set(guard._buckets) == {"e"}
