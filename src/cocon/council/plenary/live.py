"""What live clients see of a session: one JSON-able snapshot, sent in every event."""

from __future__ import annotations

from cocon.council.plenary.quorum import quorum_state
from cocon.council.plenary.state import plenary_state
from cocon.events import Event


def room(plenary) -> str:
    """The Socket.IO room of a session."""
    return f"plenary:{plenary.id}"


def live_state(plenary) -> dict:
    """State, current item and quorum: enough for a page to bring itself up to date."""
    item = plenary.current_item
    quorum = quorum_state(plenary, plenary.council.memberships, plenary.attendances,
                          plenary.proxies)
    return {
        "id": plenary.id, "state": plenary_state(plenary).value,
        "current_item": None if item is None else {
            "id": item.id, "position": item.position + 1, "title": item.title,
            "description": item.description, "expected_minutes": item.expected_minutes},
        "item_count": len(plenary.items),
        "quorum": quorum.as_dict(),
    }


def updated(plenary) -> Event:
    """The session's state or current item changed."""
    return Event("plenary.updated", room(plenary), live_state(plenary))


def attendance_changed(plenary) -> Event:
    """Someone's attendance or proxy changed, so the quorum may have."""
    return Event("plenary.attendance", room(plenary), live_state(plenary))
