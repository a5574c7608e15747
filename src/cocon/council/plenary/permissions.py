"""Who may do what with a plenary, and when: pure predicates shared by pages and sockets."""

from __future__ import annotations

from datetime import datetime

from cocon.accounts.models import User
from cocon.council.models import Council, Role
from cocon.council.permissions import (
    can_facilitate, can_view_council, is_voting_member, membership_of,
)
from cocon.council.plenary.state import PlenaryState, opening_allowed, plenary_state

_ACTIVE = {PlenaryState.CONVENED, PlenaryState.OPEN}


def can_manage_plenary(user: User | None, council: Council) -> bool:
    """Facilitators and administrators create and run the council's sessions."""
    return can_facilitate(user, council)


def can_view_plenary(user: User | None, plenary) -> bool:
    """A session is visible with its council, once convened; drafts only to facilitators."""
    if not can_view_council(user, plenary.council):
        return False
    return plenary_state(plenary) != PlenaryState.DRAFT or can_facilitate(user, plenary.council)


def can_edit_plenary(user: User | None, plenary) -> bool:
    """Title, date and place change only before the session opens."""
    return (can_facilitate(user, plenary.council)
            and plenary_state(plenary) in {PlenaryState.DRAFT, PlenaryState.CONVENED})


def can_edit_agenda(user: User | None, plenary) -> bool:
    """The agenda may change until the session is closed."""
    return (can_facilitate(user, plenary.council)
            and plenary_state(plenary) != PlenaryState.CLOSED)


def can_convene(user: User | None, plenary) -> bool:
    """A draft with at least one agenda item may be convened."""
    return (can_facilitate(user, plenary.council)
            and plenary_state(plenary) == PlenaryState.DRAFT and bool(plenary.items))


def can_open_plenary(user: User | None, plenary, now: datetime) -> bool:
    """A convened session opens on its day."""
    return (can_facilitate(user, plenary.council)
            and plenary_state(plenary) == PlenaryState.CONVENED and opening_allowed(plenary, now))


def can_run_plenary(user: User | None, plenary) -> bool:
    """Moving through the agenda and closing happen while the session is open."""
    return (can_facilitate(user, plenary.council)
            and plenary_state(plenary) == PlenaryState.OPEN)


def can_check_in(user: User | None, plenary) -> bool:
    """The facilitator records attendance while the session is convened or open."""
    return can_facilitate(user, plenary.council) and plenary_state(plenary) in _ACTIVE


def can_register_attendance(user: User | None, plenary) -> bool:
    """Members (not observers) say whether they come, before or during the session."""
    membership = membership_of(user, plenary.council)
    return (membership is not None and membership.role != Role.OBSERVER
            and plenary_state(plenary) in _ACTIVE)


def can_give_proxy(user: User | None, plenary) -> bool:
    """Only voting members have a vote to entrust, before or during the session."""
    return (is_voting_member(membership_of(user, plenary.council))
            and plenary_state(plenary) in _ACTIVE)


def can_hold_proxy(membership) -> bool:
    """A proxy goes to a voting member (not an observer, not an advisory college)."""
    return is_voting_member(membership)
