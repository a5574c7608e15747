"""In-memory stand-ins for councils, members and sessions (no database)."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from types import SimpleNamespace

from cocon.council.models import Role
from cocon.council.plenary.models import AttendanceStatus

T0 = datetime(2026, 11, 23, 17, 0, tzinfo=timezone.utc)  # 18:00 in Paris


def college(votes=True):
    return SimpleNamespace(votes=votes)


def member(uid, role=Role.MEMBER, votes=True, has_college=True):
    user = SimpleNamespace(id=uid, is_site_admin=False, display_name=f"P{uid}")
    return SimpleNamespace(user_id=uid, user=user, role=role,
                           college=college(votes) if has_college else None)


def council(memberships, quorum="0.5", max_proxies=1, public=True):
    return SimpleNamespace(memberships=memberships, quorum=Decimal(quorum),
                           max_proxies=max_proxies, is_public=public)


def plenary(council_, *, convened=None, opened=None, closed=None, starts_at=T0, items=1):
    return SimpleNamespace(id=1, current_item=None, council=council_, convened_at=convened, opened_at=opened,
                           closed_at=closed, starts_at=starts_at, ends_at=None,
                           items=[SimpleNamespace(id=i + 1) for i in range(items)],
                           attendances=[], proxies=[])


def present(uid):
    return SimpleNamespace(user_id=uid, status=AttendanceStatus.PRESENT)


def excused(uid):
    return SimpleNamespace(user_id=uid, status=AttendanceStatus.EXCUSED)


def proxy(giver, holder):
    return SimpleNamespace(giver_id=giver, holder_id=holder)


class FakeDb:
    """Enough of a session for services that only flush."""

    def flush(self):
        pass
