"""The plenary life cycle, derived from its timestamps rather than stored."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
# a facilitator may open a little early, e.g. for a session starting just after midnight
EARLY_OPENING = timedelta(hours=2)


class PlenaryState(str, enum.Enum):
    """draft → convened → open → closed."""

    DRAFT = "draft"
    CONVENED = "convened"
    OPEN = "open"
    CLOSED = "closed"


def plenary_state(plenary) -> PlenaryState:
    """The session's state from its convened/opened/closed timestamps."""
    if plenary.closed_at is not None:
        return PlenaryState.CLOSED
    if plenary.opened_at is not None:
        return PlenaryState.OPEN
    if plenary.convened_at is not None:
        return PlenaryState.CONVENED
    return PlenaryState.DRAFT


def opening_allowed(plenary, now: datetime) -> bool:
    """True on the session's calendar day in Paris, or from two hours before it starts."""
    same_day = now.astimezone(PARIS).date() == plenary.starts_at.astimezone(PARIS).date()
    just_before = plenary.starts_at - EARLY_OPENING <= now <= plenary.starts_at
    return same_day or just_before


def local_date(moment: datetime):
    """The calendar date of a moment in Europe/Paris."""
    return moment.astimezone(PARIS).date()
