"""The live rooms × every role, as declared in matrix.py (ROOMS and EVENTS)."""

from __future__ import annotations

from web.authz.matrix import EVENTS, ROLES, ROOMS
from webapp.sockets import ROOM_CHECKS, LiveNamespace

NAMESPACE = "/live"


def _socket(authz, role: str):
    return authz.app.extensions["socketio"].test_client(
        authz.app, namespace=NAMESPACE, flask_test_client=authz.client(role))


def test_every_room_kind_and_event_is_declared():
    declared = {room.room.split(":")[0] for room in ROOMS}
    assert set(ROOM_CHECKS) <= declared, "declare the new room kind in tests/web/authz/matrix.py"
    handlers = {name[3:] for name in dir(LiveNamespace) if name.startswith("on_")}
    assert handlers - {"connect", "disconnect", "error_default"} == set(EVENTS)


def test_rooms(authz):
    problems = []
    for role in ROLES:
        transaction = authz.conn.begin()
        try:
            for declared in ROOMS:  # a connection per room: the live namespace limits bursts
                socket = _socket(authz, role)
                assert socket.is_connected(NAMESPACE)
                room = authz.fill(declared.room)
                ack = socket.emit("join", {"room": room}, namespace=NAMESPACE, callback=True)
                allowed = role in declared.allow
                if ack != ({"ok": True, "room": room} if allowed else
                           {"ok": False, "error": ack.get("error")}) or (
                        not allowed and ack.get("error") not in ("forbidden", "unknown room")):
                    problems.append(f"{role} joining {declared.room}: {ack}")
                left = socket.emit("leave", {"room": room}, namespace=NAMESPACE, callback=True)
                if left != {"ok": True}:
                    problems.append(f"{role} leaving {declared.room}: {left}")
                socket.disconnect(NAMESPACE)
        finally:
            transaction.rollback()
    assert not problems, "\n".join(problems)


def test_a_refused_room_sends_nothing(authz):
    """A citizen refused the members-only thread's room gets none of its events."""
    transaction = authz.conn.begin()
    try:
        socket = _socket(authz, "citizen")
        room = authz.fill("thread:{t_mem}")
        ack = socket.emit("join", {"room": room}, namespace=NAMESPACE, callback=True)
        assert ack == {"ok": False, "error": "forbidden"}
        socket.get_received(NAMESPACE)
        authz.app.extensions["socketio"].emit("post.created", {"id": 1}, to=room,
                                              namespace=NAMESPACE)
        assert socket.get_received(NAMESPACE) == []
        socket.disconnect(NAMESPACE)
    finally:
        transaction.rollback()
