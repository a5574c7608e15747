"""The bilan annuel of a council: sessions held, participation by college, orientations,
and the themes people asked the assistant about (anonymised: counts and shared words only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.assistant.log import ThemeSummary, question_themes
from cocon.council.plenary.models import AttendanceStatus, Plenary
from cocon.council.plenary.state import PARIS
from cocon.proposals.register_models import Orientation


@dataclass
class SessionHeld:
    title: str
    starts_at: datetime
    present: int
    represented: int
    members: int


@dataclass
class CollegeParticipation:
    college: str
    members: int
    present: int  # over all sessions held
    represented: int

    def rate(self, sessions: int) -> float | None:
        """Share of possible attendances (members × sessions) that were present or represented."""
        possible = self.members * sessions
        return None if possible == 0 else (self.present + self.represented) / possible


@dataclass
class OrientationFollowUp:
    title: str
    adopted_at: datetime
    status: str
    last_update: str = ""


@dataclass
class AnnualReport:
    council_name: str
    territory: str
    year: int
    sessions: list[SessionHeld] = field(default_factory=list)
    colleges: list[CollegeParticipation] = field(default_factory=list)
    orientations: list[OrientationFollowUp] = field(default_factory=list)
    assistant: ThemeSummary = field(default_factory=ThemeSummary)


def _in_year(moment: datetime, year: int) -> bool:
    return moment.astimezone(PARIS).year == year


def annual_report(db: Session, council, year: int) -> AnnualReport:
    """What the council did in a calendar year (Paris time), from the platform's records."""
    report = AnnualReport(council.name, council.territory, year)
    college_of = {m.user_id: (m.college.name if m.college else None) for m in council.memberships}
    by_college = {c.name: CollegeParticipation(c.name, 0, 0, 0) for c in council.colleges}
    for name in college_of.values():
        if name in by_college:
            by_college[name].members += 1
    held = db.scalars(select(Plenary).where(Plenary.council_id == council.id,
                                            Plenary.closed_at.is_not(None))
                      .order_by(Plenary.starts_at))
    for plenary in held:
        if not _in_year(plenary.starts_at, year):
            continue
        present = [a.user_id for a in plenary.attendances if a.status == AttendanceStatus.PRESENT]
        givers = [p.giver_id for p in plenary.proxies if p.giver_id not in present]
        report.sessions.append(SessionHeld(plenary.title, plenary.starts_at, len(present),
                                           len(givers), len(council.memberships)))
        for ids, attr in ((present, "present"), (givers, "represented")):
            for user_id in ids:
                entry = by_college.get(college_of.get(user_id))
                if entry is not None:
                    setattr(entry, attr, getattr(entry, attr) + 1)
    report.colleges = list(by_college.values())
    adopted = db.scalars(select(Orientation).where(Orientation.council_id == council.id)
                         .order_by(Orientation.adopted_at, Orientation.id))
    for o in adopted:
        if _in_year(o.adopted_at, year):
            last = o.updates[-1].note if o.updates else ""
            report.orientations.append(OrientationFollowUp(o.title, o.adopted_at,
                                                           o.status.value, last))
    # The assistant's log is shared by the whole platform (questions are anonymous).
    start = datetime(year, 1, 1, tzinfo=PARIS).astimezone(timezone.utc)
    end = datetime(year + 1, 1, 1, tzinfo=PARIS).astimezone(timezone.utc)
    report.assistant = question_themes(db, since=start, until=end)
    return report
