"""Publishing domain events to Socket.IO rooms after a commit."""

from __future__ import annotations

import logging
from typing import Iterable

from flask import current_app

from cocon.events import Event
from webapp.live_throttle import Throttle

log = logging.getLogger(__name__)


def publish(events: Iterable[Event]) -> None:
    """Emit each event to its room; with a message queue every server process relays it.

    This runs after the commit: the change is saved whatever happens here. If the message
    queue is down the event is lost for live clients (their pages catch up by polling), so
    the failure is logged and never turned into an error for the person who acted.
    """
    socketio = current_app.extensions.get("socketio")
    if socketio is None:
        return
    throttle = current_app.extensions.get("live_throttle")
    if throttle is None:  # live counters: at most one message per half second (live_throttle)
        throttle = current_app.extensions.setdefault(
            "live_throttle", Throttle(lambda event: _emit(socketio, event)))
    for event in events:
        throttle.offer(event)


def _emit(socketio, event: Event) -> None:
    namespace = event.payload.get("_namespace", "/live")
    payload = {k: v for k, v in event.payload.items() if k != "_namespace"}
    try:
        socketio.emit(event.name, payload, to=event.room, namespace=namespace)
    except Exception:  # noqa: BLE001 - a live update must never undo a saved change
        log.exception("could not publish %s to %s", event.name, event.room)
