"""Who may join a plenary's live room: the same predicate as the session's page."""

from __future__ import annotations

from cocon.council.plenary.models import Plenary
from cocon.council.plenary.permissions import can_view_plenary


def can_join_plenary(db, user, plenary_id: int) -> bool:
    """`plenary:<id>` is open to whoever may see the session."""
    plenary = db.get(Plenary, plenary_id)
    return plenary is not None and can_view_plenary(user, plenary)


def register(room_checks: dict) -> None:
    """Add the plenary room check (called from create_app)."""
    room_checks["plenary"] = can_join_plenary
