"""Socket.IO rooms of the forum: `workshop:<id>` and `thread:<id>`, checked like the pages."""

from __future__ import annotations

from cocon.workshops import permissions
from cocon.workshops.models import Thread, Workshop


def can_join_workshop_room(db, user, workshop_id: int) -> bool:
    """Those who may see the workshop follow its new threads."""
    workshop = db.get(Workshop, workshop_id)
    return workshop is not None and permissions.can_view_workshop(user, workshop)


def can_join_thread_room(db, user, thread_id: int) -> bool:
    """Those who may see the thread's workshop follow its posts."""
    thread = db.get(Thread, thread_id)
    return thread is not None and permissions.can_view_workshop(user, thread.workshop)


def register(room_checks: dict) -> None:
    """Add the forum's room checks to the live namespace's table."""
    room_checks["workshop"] = can_join_workshop_room
    room_checks["thread"] = can_join_thread_room
