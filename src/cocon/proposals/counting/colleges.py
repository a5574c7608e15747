"""Helpers shared by the methods for votes weighted by college, or merely grouped by it."""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

from .ballots import Ballot, Vote


def display(value: Fraction | None) -> float | None:
    """A share for people to read: a float rounded to 6 decimals (decisions never use it)."""
    return None if value is None else round(float(value), 6)


def group_by_college(vote: Vote) -> dict[str, list[Ballot]]:
    """The ballots of each college to report on, in the declared (or alphabetical) order."""
    groups: dict[str, list[Ballot]] = {name: [] for name in vote.college_names()}
    for ballot in vote.ballots:
        if ballot.college is not None:
            groups[ballot.college].append(ballot)
    return groups


def weights(vote: Vote) -> dict[str, Fraction]:
    """Each declared college's exact weight; empty when the vote is not weighted."""
    return {c.name: c.weight for c in vote.colleges or ()}


def college_header(vote: Vote, name: str) -> dict[str, object]:
    """The weight and role of a college, as shown in `by_college`."""
    if vote.colleges is None:
        return {"weight": None, "advisory": False}
    college = next(c for c in vote.colleges if c.name == name)
    return {"weight": college.shown_weight, "advisory": college.advisory}


def weighted_mean(shares: dict[str, Fraction], weight_of: dict[str, Fraction]) -> Fraction | None:
    """Σ w·share / Σ w over the colleges given, ignoring weight 0; None when nothing counts."""
    total = sum((weight_of[name] for name in shares), Fraction(0))
    if total == 0:
        return None
    return sum((weight_of[name] * share for name, share in shares.items()), Fraction(0)) / total


def integer_multiplicities(sizes: dict[str, int], weight_of: dict[str, Fraction]) -> dict[str, int]:
    """Per-ballot integer weights proportional to w_c / n_c, as small as possible.

    Colleges of weight 0 or without ballots get 0. Scaling every weight by the same factor
    yields the same multiplicities, so only the weights' ratios matter.
    """
    ratios = {
        name: (weight_of[name] / size if size and weight_of[name] else Fraction(0))
        for name, size in sizes.items()
    }
    denominator = 1
    for ratio in ratios.values():
        denominator = _lcm(denominator, ratio.denominator)
    scaled = {name: int(ratio * denominator) for name, ratio in ratios.items()}
    divisor = 0
    for value in scaled.values():
        divisor = _gcd(divisor, value)
    if divisor == 0:
        return scaled
    return {name: value // divisor for name, value in scaled.items()}


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def _lcm(a: int, b: int) -> int:
    return a // _gcd(a, b) * b


def choice_counts(ballots: Sequence[Ballot], choices: Sequence[str]) -> dict[str, int]:
    """How many ballots chose each of `choices`, plus the number of ballots."""
    counts = {choice: 0 for choice in choices}
    for ballot in ballots:
        counts[ballot.choice] += 1
    counts["ballots"] = len(ballots)
    return counts
