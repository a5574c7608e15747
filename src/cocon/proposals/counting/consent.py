"""Consent: a proposal is adopted unless a member raises a reasoned objection."""

from __future__ import annotations

from .ballots import ABSTENTION, CONSENT_CHOICES, CONSENTEMENT, OBJECTION, Vote
from .colleges import choice_counts, college_header, group_by_college

RULE = "adopted unless a member of a counting college raises a reasoned objection"


def consent_counts(ballots) -> dict[str, int]:
    """Counts of consentement, objection, abstention and ballots."""
    counts = choice_counts(ballots, CONSENT_CHOICES)
    return {key: counts[key] for key in (CONSENTEMENT, OBJECTION, ABSTENTION, "ballots")}


def blocks(vote: Vote, college: str | None) -> bool:
    """Whether an objection from `college` blocks: every college does except advisory ones."""
    if vote.colleges is None or college is None:
        return True
    return not next(c for c in vote.colleges if c.name == college).advisory


def count_consent(vote: Vote, quorum_ok: bool) -> dict[str, object]:
    """Count a consent vote: adopted when no blocking objection, with every objection's reason."""
    objections = []
    for ballot in vote.ballots:
        if ballot.choice == OBJECTION:
            objection = {"reason": ballot.reason.strip(), "blocking": blocks(vote, ballot.college)}
            if ballot.college is not None:
                objection["college"] = ballot.college
            objections.append(objection)
    blocking = sum(1 for objection in objections if objection["blocking"])
    by_college: dict[str, dict[str, object]] = {}
    for name, ballots in group_by_college(vote).items():
        entry = college_header(vote, name)
        college_counts = consent_counts(ballots)
        entry.update(college_counts, counted=not entry["advisory"],
                     blocking=bool(college_counts[OBJECTION]) and blocks(vote, name))
        by_college[name] = entry
    notes = []
    if blocking:
        notes.append(f"{blocking} blocking objection(s): the proposal is not adopted")
    if len(objections) > blocking:
        notes.append("objections from advisory colleges are reported but do not block")
    if not vote.ballots:
        notes.append("no ballots: nobody objected")
    return {
        "adopted": quorum_ok and blocking == 0,
        "counts": consent_counts(vote.ballots),
        "by_college": by_college,
        "objections": objections,
        "blocking_objections": blocking,
        "rule": RULE,
        "notes": notes,
    }
