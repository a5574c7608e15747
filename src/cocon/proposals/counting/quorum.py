"""The quorum: enough members present or represented for a vote to decide anything."""

from __future__ import annotations

from fractions import Fraction


def quorum_met(present: int, eligible: int | None, quorum: Fraction | None) -> bool | None:
    """Whether `present` reaches `quorum` × `eligible`, exactly; None when no quorum applies."""
    if quorum is None:
        return None
    if eligible is None:
        raise ValueError("a quorum needs the number of eligible members")
    return present * quorum.denominator >= quorum.numerator * eligible


def required_presence(eligible: int, quorum: Fraction) -> int:
    """The smallest number of members present that meets the quorum."""
    needed = quorum * eligible
    return -(-needed.numerator // needed.denominator)
