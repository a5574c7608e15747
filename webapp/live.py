"""Publishing domain events to Socket.IO rooms after a commit."""

from __future__ import annotations

from typing import Iterable

from flask import current_app

from cocon.events import Event


def publish(events: Iterable[Event]) -> None:
    """Emit each event to its room; with a message queue every server process relays it."""
    socketio = current_app.extensions.get("socketio")
    if socketio is None:
        return
    for event in events:
        namespace = event.payload.get("_namespace", "/live")
        payload = {k: v for k, v in event.payload.items() if k != "_namespace"}
        socketio.emit(event.name, payload, to=event.room, namespace=namespace)
