"""The compte rendu as plain data, independent of the database and of any export format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

STATUSES = ("draft", "submitted", "approved", "locked")
ATTENDANCE_STATUSES = ("present", "represented", "excused", "absent")


@dataclass
class QuorumFigures:
    """Who could and did take part, and whether that was enough to decide."""

    eligible: int | None = None
    present: int | None = None
    represented: int = 0
    required: int | None = None
    met: bool | None = None


@dataclass
class Objection:
    """A reasoned objection raised in a consent vote."""

    reason: str
    college: str | None = None
    blocking: bool = True


@dataclass
class RankedOption:
    """One option of a majority-judgment vote, with its merit profile."""

    candidate: str
    rank: int
    majority_grade: str | None
    profile: dict[str, int] = field(default_factory=dict)


@dataclass
class CollegeResult:
    """A vote's counts within one college."""

    college: str
    counts: dict[str, int] = field(default_factory=dict)
    weight: str | None = None
    advisory: bool = False


@dataclass
class VoteMinutes:
    """One scrutin with its full result, as the counting module returned it."""

    question: str
    method: str
    secret: bool = False
    adopted: bool | None = None
    counts: dict[str, int] = field(default_factory=dict)
    weighted_share: str | None = None
    objections: list[Objection] = field(default_factory=list)
    grades: list[str] = field(default_factory=list)
    ranking: list[RankedOption] = field(default_factory=list)
    winner: str | None = None
    tied: list[str] = field(default_factory=list)
    by_college: list[CollegeResult] = field(default_factory=list)
    quorum: QuorumFigures | None = None
    withdrawals: list[str] = field(default_factory=list)
    paper_ballots: int | None = None
    online_ballots: int | None = None


@dataclass
class AgendaItemMinutes:
    """One point of the ordre du jour: the facilitator's notes, proposals and votes."""

    title: str
    notes: str = ""
    proposals: list[str] = field(default_factory=list)
    votes: list[VoteMinutes] = field(default_factory=list)


@dataclass
class Attendee:
    """One member's attendance; `proxy_holder` names who represented them."""

    name: str
    status: str
    organisation: str | None = None
    proxy_holder: str | None = None


@dataclass
class CollegeAttendance:
    """The émargement of one college."""

    college: str
    attendees: list[Attendee] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many members of this college have that attendance status."""
        return sum(1 for a in self.attendees if a.status == status)


@dataclass
class OrientationEntry:
    """An orientation adopted during the session, with its exact wording."""

    title: str
    wording: str = ""


@dataclass
class ActionEntry:
    """An action decided during the session."""

    description: str
    responsible: str | None = None
    due: date | None = None


@dataclass
class MinutesDocument:
    """Everything a compte rendu says; `status` and `locale` are not part of its content."""

    council_name: str
    session_title: str
    kind: str = "ordinary"
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: str = ""
    convened_at: datetime | None = None
    timezone: str = "Europe/Paris"
    items: list[AgendaItemMinutes] = field(default_factory=list)
    attendance: list[CollegeAttendance] = field(default_factory=list)
    quorum: QuorumFigures | None = None
    orientations: list[OrientationEntry] = field(default_factory=list)
    actions: list[ActionEntry] = field(default_factory=list)
    next_session_at: datetime | None = None
    status: str = "draft"
    locale: str = "fr"

    def attendance_total(self, status: str) -> int:
        """How many members, all colleges together, have that attendance status."""
        return sum(c.count(status) for c in self.attendance)
