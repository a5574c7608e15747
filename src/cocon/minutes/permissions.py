"""Who may read, comment on and download a compte rendu: pure predicates."""

from __future__ import annotations

from datetime import datetime

from cocon.council.models import Role
from cocon.council.permissions import can_facilitate, membership_of
from cocon.council.plenary.permissions import can_view_plenary


def minutes_status(minutes) -> str:
    """The status of possibly not-yet-created minutes (none yet means a draft)."""
    return minutes.status if minutes is not None else "draft"


def can_view_minutes(user, plenary, minutes) -> bool:
    """Drafts for facilitators, submitted minutes for members, approved ones with the session."""
    if not can_view_plenary(user, plenary):
        return False
    status = minutes_status(minutes)
    if status == "draft":
        return can_facilitate(user, plenary.council)
    if status == "submitted":
        return (can_facilitate(user, plenary.council)
                or membership_of(user, plenary.council) is not None)
    return True


def can_comment_minutes(user, minutes, now: datetime) -> bool:
    """Members (not observers) comment on submitted minutes until the period ends."""
    if minutes is None or minutes.status != "submitted":
        return False
    membership = membership_of(user, minutes.plenary.council)
    if membership is None or membership.role == Role.OBSERVER:
        return False
    return minutes.comments_until is None or now < minutes.comments_until
