"""The live namespace: authenticated connections that join rooms they may see.

Clients only ever send `join` and `leave`. Anything else, or too much of it, is refused without
disturbing anyone else: unknown events are ignored, malformed ones get `{"ok": False}`, a
connection that floods is slowed down, then disconnected.
"""

from __future__ import annotations

import logging
import re
import threading
import time

from engineio.async_drivers._websocket_wsgi import SimpleWebSocketWSGI
from flask import request
from flask_socketio import Namespace, join_room, leave_room
from sqlalchemy.exc import SQLAlchemyError

from cocon.council import permissions
from cocon.council.models import Council
from webapp.auth import session_user
from webapp.database import get_db

log = logging.getLogger(__name__)

# room prefix -> function(db, user, object_id) -> bool; domains add their own in create_app
ROOM_CHECKS = {}
# `kind:id`, ASCII digits only, small enough for an INTEGER column
ROOM_PATTERN = re.compile(r"(?P<kind>[a-z_]{1,32}):(?P<id>[1-9][0-9]{0,8})")
MAX_ROOMS = 20  # rooms one connection may follow at once (a page follows one or two)
EVENTS_PER_SECOND = 5.0  # sustained rate of events a connection may send
BURST = 20  # events a connection may send at once
# refused events in a row before the connection is cut: it is flooding, not just eager
FLOOD_STRIKES = 40
MAX_BUCKETS = 10_000  # connections tracked before idle ones are pruned


def socket_user():
    """The signed-in user of this socket, checked against the server-side session at each event."""
    return session_user()


def _can_join_council(db, user, council_id: int) -> bool:
    council = db.get(Council, council_id)
    return council is not None and permissions.can_view_council(user, council)


ROOM_CHECKS["council"] = _can_join_council


class FloodGuard:
    """A token bucket per connection: `rate` events a second on average, `burst` at once."""

    def __init__(self, rate: float = EVENTS_PER_SECOND, burst: int = BURST,
                 strikes: int = FLOOD_STRIKES, clock=time.monotonic) -> None:
        self.rate, self.burst, self.strikes, self.clock = rate, burst, strikes, clock
        self._buckets: dict[str, list[float]] = {}  # sid -> [tokens, last time, refusals]
        self._lock = threading.Lock()

    def check(self, sid: str) -> str:
        """'ok' to handle the event, 'refuse' to answer no, 'cut' to disconnect the client."""
        now = self.clock()
        with self._lock:
            if len(self._buckets) > MAX_BUCKETS:  # forget idle ones (a disconnect may be missed)
                idle = now - self.burst / self.rate
                self._buckets = {k: v for k, v in self._buckets.items() if v[1] > idle}
            tokens, last, refused = self._buckets.get(sid, (float(self.burst), now, 0))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[sid] = [tokens - 1, now, 0]
                return "ok"
            self._buckets[sid] = [tokens, now, refused + 1]
            return "cut" if refused + 1 >= self.strikes else "refuse"

    def forget(self, sid: str) -> None:
        """Drop a closed connection's bucket."""
        with self._lock:
            self._buckets.pop(sid, None)


def bound_websocket_messages(socketio) -> None:
    """Make simple-websocket stop reading a message once it exceeds the Engine.IO limit.

    Engine.IO checks `max_http_buffer_size` only after a whole WebSocket message has arrived,
    so without this a client could make the server buffer any amount of memory first.
    """
    eio = getattr(getattr(socketio, "server", None), "eio", None)
    drivers = getattr(eio, "_async", None)
    if not isinstance(drivers, dict) or drivers.get("websocket") is not SimpleWebSocketWSGI:
        return  # another async mode, or an Engine.IO version this shim does not know
    limit = eio.max_http_buffer_size

    class BoundedWebSocket(SimpleWebSocketWSGI):
        def __init__(self, handler, server, **kwargs):
            kwargs.setdefault("max_message_size", limit)
            super().__init__(handler, server, **kwargs)

    eio._async = {**drivers, "websocket": BoundedWebSocket}


class LiveNamespace(Namespace):
    """Clients join rooms named `kind:id`; each join checks the pages' permission predicate."""

    def __init__(self, namespace=None, guard: FloodGuard | None = None):
        super().__init__(namespace)
        self.guard = guard or FloodGuard()
        # rooms joined by each connection of this process, kept here rather than read back
        # from python-socketio (which walks every room of every connection to answer)
        self._joined: dict[str, set[str]] = {}
        self._joined_lock = threading.Lock()

    def _joined_rooms(self, sid: str) -> set[str]:
        with self._joined_lock:
            return set(self._joined.get(sid, ()))

    def _set_socketio(self, socketio):
        super()._set_socketio(socketio)
        bound_websocket_messages(socketio)

    def trigger_event(self, event, *args):
        if event in ("connect", "disconnect") or not args:
            return super().trigger_event(event, *args)
        sid = args[0]
        verdict = self.guard.check(sid)
        if verdict == "ok":
            return super().trigger_event(event, *args)
        if verdict == "cut":
            self._cut(sid)
        return {"ok": False, "error": "too many events"}

    def _cut(self, sid: str) -> None:
        """Disconnect a flooding client, its WebSocket too (a new one costs it a handshake)."""
        log.warning("live socket %s flooded the server: disconnected", sid)
        server = self.socketio.server
        eio_sid = server.manager.eio_sid_from_sid(sid, self.namespace)
        server.disconnect(sid, namespace=self.namespace)  # on_disconnect forgets its bucket
        if eio_sid is not None:
            server.eio.disconnect(eio_sid)

    def error(self, exc):
        """An unexpected failure in a handler: answer no, keep the connection and the server."""
        log.exception("live socket event failed", exc_info=exc)
        return {"ok": False, "error": "server error"}

    def on_connect(self, auth=None):
        return True  # visitors may follow public rooms; joins are checked one by one

    def on_disconnect(self, reason=None):
        self.guard.forget(request.sid)
        with self._joined_lock:
            self._joined.pop(request.sid, None)

    def on_join(self, data=None, *_ignored):
        room = data.get("room") if isinstance(data, dict) else None
        match = ROOM_PATTERN.fullmatch(room) if isinstance(room, str) else None
        check = ROOM_CHECKS.get(match["kind"]) if match else None
        if check is None:
            return {"ok": False, "error": "unknown room"}
        joined = self._joined_rooms(request.sid)
        if room in joined:
            return {"ok": True, "room": room}
        if len(joined) >= MAX_ROOMS:
            return {"ok": False, "error": "too many rooms"}
        db = get_db()
        try:
            allowed = check(db, socket_user(), int(match["id"]))
        except SQLAlchemyError as exc:
            log.error("live join refused, database unavailable: %s", exc)
            return {"ok": False, "error": "unavailable"}
        finally:
            try:
                db.rollback()
            except SQLAlchemyError:
                pass
        if not allowed:
            return {"ok": False, "error": "forbidden"}
        join_room(room)
        with self._joined_lock:
            if self.socketio.server.manager.is_connected(request.sid, self.namespace):
                self._joined.setdefault(request.sid, set()).add(room)
        return {"ok": True, "room": room}

    def on_leave(self, data=None, *_ignored):
        room = data.get("room") if isinstance(data, dict) else None
        if isinstance(room, str) and room in self._joined_rooms(request.sid):
            leave_room(room)
            with self._joined_lock:
                self._joined.get(request.sid, set()).discard(room)
        return {"ok": True}
