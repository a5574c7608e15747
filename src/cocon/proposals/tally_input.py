"""Build the `cocon tally` document of a ballot from the database: votes, paper, quorum."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.council.plenary.models import Attendance, AttendanceStatus, Proxy
from cocon.council.plenary.quorum import quorum_state
from cocon.proposals.counting import tally_document
from cocon.proposals.counting.ballots import CONSENT, MAJORITY_JUDGMENT, OBJECTION
from cocon.proposals.voting_models import Ballot, BallotParticipation, PublicVote, SecretVote

PAPER_REASON = "paper ballot"


def colleges_of(ballot: Ballot) -> dict[str, object]:
    """College weights for the count: advisory colleges weigh 0 (shown, not counted)."""
    return {c.name: (_number(c.weight) if c.votes else 0) for c in ballot.council.colleges}


def _number(value) -> int | float:
    exact = Decimal(str(value))
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def online_ballots(db: Session, ballot: Ballot) -> list[dict]:
    """The online votes as tally ballots (no voter in them, even for public votes)."""
    model = SecretVote if ballot.secret else PublicVote
    rows = db.scalars(select(model).where(model.ballot_id == ballot.id))
    return [_as_ballot(row.college, row.choice, row.reason, row.grades) for row in rows]


def _as_ballot(college, choice, reason, grades) -> dict:
    if grades is not None:
        return {"grades": dict(grades), "college": college}
    entry = {"choice": choice, "college": college}
    if reason:
        entry["reason"] = reason
    return entry


def paper_ballots(ballot: Ballot) -> list[dict]:
    """The paper counts expanded into ballots; a candidate's grades are stacked per paper."""
    result: list[dict] = []
    for college, counts in (ballot.paper_counts or {}).items():
        if ballot.method == MAJORITY_JUDGMENT:
            columns = {cand: [g for g in ballot.grades for _ in range(int(counts.get(cand, {})
                                                                        .get(g, 0)))]
                       for cand in ballot.candidates}
            papers = max((len(v) for v in columns.values()), default=0)
            for i in range(papers):
                grades = {c: v[i] for c, v in columns.items() if i < len(v)}
                result.append({"grades": grades, "college": college})
            continue
        for choice, n in counts.items():
            entry = {"choice": choice, "college": college}
            if choice == OBJECTION and ballot.method == CONSENT:
                entry["reason"] = PAPER_REASON
            result.extend(dict(entry) for _ in range(int(n)))
    return result


def attendance(db: Session, ballot: Ballot, ballots_cast: int) -> dict:
    """eligible, present (or represented) and the quorum share, from the plenary's émargement."""
    plenary = ballot.plenary
    attendances = db.scalars(select(Attendance).where(Attendance.plenary_id == plenary.id)).all()
    proxies = db.scalars(select(Proxy).where(Proxy.plenary_id == plenary.id)).all()
    state = quorum_state(plenary, ballot.council.memberships, attendances, proxies)
    present_ids = {a.user_id for a in attendances if a.status == AttendanceStatus.PRESENT}
    represented = {p.giver_id for p in proxies if p.holder_id in present_ids}
    took_part = set(db.scalars(select(BallotParticipation.member_id)
                               .where(BallotParticipation.ballot_id == ballot.id)))
    voting = {m.user_id for m in ballot.council.memberships
              if m.college is not None and m.college.votes and m.role.value != "observer"}
    # a member who voted online was evidently there, even if not checked in
    counted = len((present_ids | represented | took_part) & voting)
    present = max(state.present + state.represented, counted, ballots_cast)
    return {"eligible": max(state.voting, present), "present": present,
            "quorum": _number(ballot.council.quorum)}


def build_document(db: Session, ballot: Ballot, *, online=None, paper=None) -> dict:
    """The full counting document of this ballot, as `cocon tally` reads it."""
    online = online_ballots(db, ballot) if online is None else online
    paper = paper_ballots(ballot) if paper is None else paper
    doc = {"method": ballot.method, "id": ballot.id, "question": ballot.question,
           "colleges": colleges_of(ballot), "ballots": online + paper}
    doc.update(attendance(db, ballot, len(online) + len(paper)))
    if ballot.method == MAJORITY_JUDGMENT:
        doc["candidates"] = list(ballot.candidates)
        doc["grades"] = list(ballot.grades)
    return doc


def count_ballot(db: Session, ballot: Ballot) -> dict:
    """Count with the one counting code; the result also says what came online and on paper."""
    online, paper = online_ballots(db, ballot), paper_ballots(ballot)
    result = tally_document(build_document(db, ballot, online=online, paper=paper))
    sources = {"online": {"ballots": len(online)}, "paper": {"ballots": len(paper)}}
    for name, part in (("online", online), ("paper", paper)):
        if part:
            alone = {"method": ballot.method, "colleges": colleges_of(ballot), "ballots": part}
            if ballot.method == MAJORITY_JUDGMENT:
                alone.update(candidates=list(ballot.candidates), grades=list(ballot.grades))
            sources[name]["counts"] = tally_document(alone).get("counts")
    result["sources"] = sources
    return result
