"""The live namespace: authenticated connections that join rooms they may see."""

from __future__ import annotations

from flask_socketio import Namespace, disconnect, join_room, leave_room

from cocon.council import permissions
from cocon.council.models import Council
from webapp.auth import session_user
from webapp.database import get_db

# room prefix -> function(db, user, object_id) -> bool; domains add their own in create_app
ROOM_CHECKS = {}


def socket_user():
    """The signed-in user of this socket, checked against the server-side session at each event."""
    return session_user()


def _can_join_council(db, user, council_id: int) -> bool:
    council = db.get(Council, council_id)
    return council is not None and permissions.can_view_council(user, council)


ROOM_CHECKS["council"] = _can_join_council


class LiveNamespace(Namespace):
    """Clients join rooms named `kind:id`; each join checks the pages' permission predicate."""

    def on_connect(self, auth=None):
        return True  # visitors may follow public rooms; joins are checked one by one

    def on_join(self, data):
        room = data.get("room") if isinstance(data, dict) else None
        kind, _, raw_id = (room or "").partition(":")
        check = ROOM_CHECKS.get(kind)
        if check is None or not raw_id.isdigit():
            return {"ok": False, "error": "unknown room"}
        try:
            allowed = check(get_db(), socket_user(), int(raw_id))
        finally:
            get_db().rollback()
        if not allowed:
            return {"ok": False, "error": "forbidden"}
        join_room(room)
        return {"ok": True, "room": room}

    def on_leave(self, data):
        room = data.get("room") if isinstance(data, dict) else None
        if isinstance(room, str):
            leave_room(room)
        return {"ok": True}

    def on_error_default(self, exc):  # a malformed event never kills the server
        disconnect()
