"""Helpers of the minutes web tests: a session that met, on the app's database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select

from cocon.db import utcnow
from cocon.minutes.models import Minutes
from cocon.minutes.services import (approve_minutes, get_or_create_minutes, lock_minutes,
                                    submit_minutes)
from cocon.proposals.voting_models import Ballot
from integration.minutes.minutes_session import build_met_session


@dataclass
class Met:
    slug: str
    pid: int
    facilitator: object
    member: object
    items: list
    ballot_id: int

    @property
    def url(self) -> str:
        return f"/conseils/{self.slug}/seances/{self.pid}/compte-rendu"


@pytest.fixture
def met(app_db):
    """A plenary that met (attendance, proxy, a counted ballot, an orientation), committed."""
    s = build_met_session(app_db)
    app_db.commit()
    ballot = app_db.scalar(select(Ballot).where(Ballot.plenary_id == s.plenary.id))
    return Met(s.plenary.council.slug, s.plenary.id, s.facilitator, s.member, s.items, ballot.id)


def advance(app_db, met: Met, to: str) -> Minutes:
    """Move the minutes through the core to submitted, approved or locked."""
    from cocon.council.plenary.models import Plenary
    plenary = app_db.get(Plenary, met.pid)
    now = utcnow()
    minutes = get_or_create_minutes(app_db, plenary=plenary, now=now)
    if minutes.status == "draft":
        submit_minutes(app_db, minutes=minutes, comments_until=now + timedelta(days=1),
                       actor=met.facilitator, now=now)
    if to in ("approved", "locked") and minutes.status == "submitted":
        minutes.comments_until = now - timedelta(minutes=1)
        approve_minutes(app_db, minutes=minutes, actor=met.facilitator, now=now)
    if to == "locked" and minutes.status == "approved":
        lock_minutes(app_db, minutes=minutes, actor=met.facilitator, now=now)
    app_db.commit()
    return minutes


def csrf_token_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
