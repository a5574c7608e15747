"""Count a majority-judgment vote: profiles, majority grades, ranking and winner."""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

from .ballots import GradeBallot, Vote
from .colleges import college_header, display, group_by_college, integer_multiplicities, weights
from .judgment import majority_grade, rank_profiles

RULE = ("the candidate with the best majority grade (lower median) wins; "
        "ties are broken by removing median grades one at a time")


def grade_indices(vote: Vote, ballot: GradeBallot) -> dict[str, int]:
    """The grade index each candidate receives from `ballot`; ungraded means the worst grade."""
    worst = len(vote.grades) - 1
    return {
        candidate: vote.grades.index(ballot.grades[candidate]) if candidate in ballot.grades
        else worst
        for candidate in vote.candidates
    }


def profiles(vote: Vote, ballots: Sequence[GradeBallot],
             multiplicity: dict[str | None, int] | None = None) -> dict[str, list[int]]:
    """Each candidate's profile: how many ballots (times their multiplicity) gave each grade."""
    result = {candidate: [0] * len(vote.grades) for candidate in vote.candidates}
    for ballot in ballots:
        times = 1 if multiplicity is None else multiplicity[ballot.college]
        if times == 0:
            continue
        for candidate, grade in grade_indices(vote, ballot).items():
            result[candidate][grade] += times
    return result


def named(vote: Vote, profile: Sequence[int]) -> dict[str, int]:
    """A profile keyed by grade name, best grade first."""
    return dict(zip(vote.grades, profile))


def count_majority_judgment(vote: Vote, quorum_ok: bool) -> dict[str, object]:
    """Rank the candidates by majority judgment and name the winner, if the vote decides one."""
    raw = profiles(vote, vote.ballots)
    groups = group_by_college(vote)
    multiplicity = None
    if vote.weighted:
        sizes = {name: len(ballots) for name, ballots in groups.items()}
        multiplicity = integer_multiplicities(sizes, weights(vote))
    deciding = raw if multiplicity is None else profiles(vote, vote.ballots, multiplicity)
    total = sum(next(iter(deciding.values())))
    ranking = []
    for candidate, rank in rank_profiles(deciding):
        profile = deciding[candidate]
        grade = majority_grade(profile)
        ranking.append({
            "candidate": candidate,
            "rank": rank,
            "majority_grade": None if grade is None else vote.grades[grade],
            "profile": named(vote, profile),
            "shares": {g: display(Fraction(c, total)) if total else None
                       for g, c in named(vote, profile).items()},
        })
    top = [entry["candidate"] for entry in ranking if entry["rank"] == 1]
    notes = []
    if total == 0:
        notes.append("no counted ballots: no candidate can be chosen")
    elif len(top) > 1:
        notes.append("perfect tie at the top: " + ", ".join(top))
    decided = quorum_ok and total > 0 and len(top) == 1
    by_college = {}
    for name, ballots in groups.items():
        entry = college_header(vote, name)
        entry["ballots"] = len(ballots)
        entry["counted"] = (multiplicity[name] > 0 if multiplicity is not None
                            else not entry["advisory"])
        if multiplicity is not None:
            entry["multiplicity"] = multiplicity[name]
        entry["profiles"] = {c: named(vote, p) for c, p in profiles(vote, ballots).items()}
        by_college[name] = entry
    return {
        "winner": top[0] if decided else None,
        "tied": top if len(top) > 1 else [],
        "ranking": ranking,
        "majority_grades": {e["candidate"]: e["majority_grade"] for e in ranking},
        "counts": {
            "ballots": len(vote.ballots),
            "profiles": {c: named(vote, p) for c, p in raw.items()},
        },
        "by_college": by_college,
        "grades": list(vote.grades),
        "rule": RULE,
        "notes": notes,
    }
