"""Yes/no votes: simple, absolute and two-thirds majority, optionally weighted by college."""

from __future__ import annotations

from fractions import Fraction

from .ballots import (
    ABSOLUTE_MAJORITY,
    ABSTENTION,
    CONTRE,
    POUR,
    SIMPLE_MAJORITY,
    TWO_THIRDS,
    YES_NO_CHOICES,
    Vote,
)
from .colleges import (
    choice_counts,
    college_header,
    display,
    group_by_college,
    weighted_mean,
    weights,
)

RULES = {
    SIMPLE_MAJORITY: "pour must exceed half of the votes cast (pour + contre)",
    ABSOLUTE_MAJORITY: "pour must exceed half of the members present or represented",
    TWO_THIRDS: "pour must reach two thirds of the votes cast (pour + contre)",
}


def yes_no_counts(ballots) -> dict[str, int]:
    """Counts of pour, contre, abstention, votes cast (pour + contre) and ballots."""
    counts = choice_counts(ballots, YES_NO_CHOICES)
    counts["cast"] = counts[POUR] + counts[CONTRE]
    return {key: counts[key] for key in (POUR, CONTRE, ABSTENTION, "cast", "ballots")}


def pour_share(method: str, counts: dict[str, int], present: int) -> Fraction | None:
    """The share of pour the method looks at; None when its denominator is zero."""
    denominator = present if method == ABSOLUTE_MAJORITY else counts["cast"]
    if denominator == 0:
        return None
    return Fraction(counts[POUR], denominator)


def passes(method: str, share: Fraction | None) -> bool:
    """Whether a share of pour carries the motion: above one half, or at least two thirds."""
    if share is None:
        return False
    if method == TWO_THIRDS:
        return share >= Fraction(2, 3)
    return share > Fraction(1, 2)


def count_yes_no(vote: Vote, quorum_ok: bool) -> dict[str, object]:
    """Count a yes/no vote: whether it is adopted, the counts, and the detail by college."""
    counts = yes_no_counts(vote.ballots)
    notes: list[str] = []
    by_college: dict[str, dict[str, object]] = {}
    college_shares: dict[str, Fraction] = {}
    for name, ballots in group_by_college(vote).items():
        college_counts = yes_no_counts(ballots)
        # Inside a college, "present" is the college's ballots: attendance is not known per college.
        share = pour_share(vote.method, college_counts, college_counts["ballots"])
        entry = college_header(vote, name)
        # counted: whether the college's ballots weigh in the result. Unweighted, every ballot
        # counts in one pool; weighted, a college counts through its share of pour, so not when
        # it is advisory or cast no pour or contre.
        if vote.weighted:
            counted = not entry["advisory"] and share is not None
            if counted:
                college_shares[name] = share
        else:
            counted = not entry["advisory"]
        entry.update(college_counts, counted=counted, share=display(share))
        by_college[name] = entry
    result: dict[str, object] = {}
    if vote.weighted:
        decisive = weighted_mean(college_shares, weights(vote))
        result["weighted_share"] = display(decisive)
        if decisive is None:
            notes.append("no counting college cast a vote")
    else:
        decisive = pour_share(vote.method, counts, vote.present)
        if decisive is None:
            notes.append("no votes cast" if vote.method != ABSOLUTE_MAJORITY else "nobody present")
    adopted = passes(vote.method, decisive)
    if vote.method != TWO_THIRDS and decisive == Fraction(1, 2):
        notes.append("tie: exactly one half is not a majority, the motion is rejected")
    return {
        "adopted": adopted and quorum_ok,
        "counts": counts,
        "by_college": by_college,
        "share": display(decisive),
        "rule": RULES[vote.method],
        **result,
        "notes": notes,
    }
