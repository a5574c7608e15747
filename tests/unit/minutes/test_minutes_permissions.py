"""Who reads and comments on minutes: role × status × action, as a grid."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from cocon.council.models import Role
from cocon.minutes.permissions import can_comment_minutes, can_view_minutes

NOW = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
USERS = {name: SimpleNamespace(id=i, is_site_admin=False)
         for i, name in enumerate(["facilitator", "member", "observer", "outsider"], 1)}
COUNCIL = SimpleNamespace(is_public=True, memberships=[
    SimpleNamespace(user_id=1, role=Role.FACILITATOR), SimpleNamespace(user_id=2, role=Role.MEMBER),
    SimpleNamespace(user_id=3, role=Role.OBSERVER)])
PLENARY = SimpleNamespace(council=COUNCIL, convened_at=NOW, opened_at=NOW, closed_at=NOW)

VIEW = {  # status: who may read
    "draft": {"facilitator"},
    "submitted": {"facilitator", "member", "observer"},
    "approved": {"facilitator", "member", "observer", "outsider", None},
    "locked": {"facilitator", "member", "observer", "outsider", None},
}


@pytest.mark.parametrize("status", list(VIEW))
@pytest.mark.parametrize("who", [*USERS, None])
def test_minutes_are_read_by_the_right_people_at_each_status(status, who):
    minutes = SimpleNamespace(status=status, plenary=PLENARY, comments_until=None)
    user = USERS.get(who)
    assert can_view_minutes(user, PLENARY, minutes) == (who in VIEW[status])


def test_minutes_never_created_are_a_draft():
    assert can_view_minutes(USERS["facilitator"], PLENARY, None)
    assert not can_view_minutes(USERS["member"], PLENARY, None)


def test_a_draft_session_hides_its_minutes_from_members():
    draft = SimpleNamespace(council=COUNCIL, convened_at=None, opened_at=None, closed_at=None)
    assert not can_view_minutes(USERS["member"], draft,
                                SimpleNamespace(status="locked", plenary=draft))


@pytest.mark.parametrize("who,until,status,allowed", [
    ("member", NOW + timedelta(days=1), "submitted", True),
    ("facilitator", NOW + timedelta(days=1), "submitted", True),
    ("observer", NOW + timedelta(days=1), "submitted", False),
    ("outsider", NOW + timedelta(days=1), "submitted", False),
    (None, NOW + timedelta(days=1), "submitted", False),
    ("member", NOW - timedelta(seconds=1), "submitted", False),
    ("member", NOW + timedelta(days=1), "draft", False),
    ("member", None, "approved", False),
])
def test_members_comment_only_on_submitted_minutes_during_the_period(who, until, status,
                                                                     allowed):
    minutes = SimpleNamespace(status=status, plenary=PLENARY, comments_until=until)
    assert can_comment_minutes(USERS.get(who), minutes, NOW) is allowed
