"""Quorum from attendance and proxies: a pure computation in exact arithmetic."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from decimal import Decimal
from fractions import Fraction

from cocon.council.models import Role
from cocon.council.permissions import is_voting_member
from cocon.council.plenary.models import AttendanceStatus


@dataclass(frozen=True)
class QuorumState:
    """How many voting members there are, are present, are represented, and must be."""

    voting: int
    present: int
    represented: int
    required: int
    met: bool
    excused: int
    absent: int
    unknown: int

    def as_dict(self) -> dict:
        return asdict(self)


def required_for(share: Decimal | str | Fraction, voting: int) -> int:
    """ceil(share × voting members), computed exactly (no float rounding)."""
    return math.ceil(Fraction(str(share)) * voting)


def quorum_state(plenary, memberships, attendances, proxies) -> QuorumState:
    """Count voting members present and represented (by a present holder) against the quorum."""
    voting_ids = {m.user_id for m in memberships
                  if m.role != Role.OBSERVER and is_voting_member(m)}
    status = {a.user_id: a.status for a in attendances}
    present_ids = {uid for uid in voting_ids if status.get(uid) == AttendanceStatus.PRESENT}
    everyone_present = {uid for uid, s in status.items() if s == AttendanceStatus.PRESENT}
    represented = {p.giver_id for p in proxies
                   if p.giver_id in voting_ids and p.giver_id not in present_ids
                   and p.holder_id in everyone_present}
    excused = sum(1 for uid in voting_ids
                  if status.get(uid) == AttendanceStatus.EXCUSED and uid not in represented)
    absent = sum(1 for uid in voting_ids
                 if status.get(uid) == AttendanceStatus.ABSENT and uid not in represented)
    unknown = sum(1 for uid in voting_ids if uid not in status and uid not in represented)
    required = required_for(plenary.council.quorum, len(voting_ids))
    counted = len(present_ids) + len(represented)
    return QuorumState(voting=len(voting_ids), present=len(present_ids),
                       represented=len(represented), required=required,
                       met=bool(voting_ids) and counted >= required, excused=excused,
                       absent=absent, unknown=unknown)
