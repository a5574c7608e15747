"""Typed input of a vote count: the methods, the ballots and the vote as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Mapping, Union

SIMPLE_MAJORITY = "simple_majority"
ABSOLUTE_MAJORITY = "absolute_majority"
TWO_THIRDS = "two_thirds"
CONSENT = "consent"
MAJORITY_JUDGMENT = "majority_judgment"

YES_NO_METHODS = (SIMPLE_MAJORITY, ABSOLUTE_MAJORITY, TWO_THIRDS)
METHODS = YES_NO_METHODS + (CONSENT, MAJORITY_JUDGMENT)

POUR, CONTRE, ABSTENTION = "pour", "contre", "abstention"
CONSENTEMENT, OBJECTION = "consentement", "objection"
YES_NO_CHOICES = (POUR, CONTRE, ABSTENTION)
CONSENT_CHOICES = (CONSENTEMENT, OBJECTION, ABSTENTION)

# The seven grades of Balinski and Laraki's French scale, best first.
DEFAULT_GRADES = (
    "Excellent",
    "Très bien",
    "Bien",
    "Assez bien",
    "Passable",
    "Insuffisant",
    "À rejeter",
)


@dataclass(frozen=True)
class ChoiceBallot:
    """A ballot of a yes/no or consent vote: one choice, maybe a college and a reason."""

    choice: str
    college: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class GradeBallot:
    """A majority-judgment ballot: the grade given to each candidate it grades."""

    grades: Mapping[str, str]
    college: str | None = None


Ballot = Union[ChoiceBallot, GradeBallot]


@dataclass(frozen=True)
class College:
    """A college and its relative vote weight; weight 0 means it only advises."""

    name: str
    weight: Fraction
    shown_weight: int | float

    @property
    def advisory(self) -> bool:
        """True when the college's votes are shown but not counted."""
        return self.weight == 0


@dataclass(frozen=True)
class Vote:
    """A validated vote: everything a counting method needs, nothing else."""

    method: str
    ballots: tuple[Ballot, ...]
    present: int
    eligible: int | None = None
    quorum: Fraction | None = None
    colleges: tuple[College, ...] | None = None
    candidates: tuple[str, ...] = ()
    grades: tuple[str, ...] = DEFAULT_GRADES
    labels: Mapping[str, object] = field(default_factory=dict)

    @property
    def weighted(self) -> bool:
        """True when the vote is weighted by college."""
        return self.colleges is not None

    def college_names(self) -> list[str]:
        """The colleges to report on: the declared ones, else those named by ballots."""
        if self.colleges is not None:
            return [college.name for college in self.colleges]
        seen: dict[str, None] = {}
        for ballot in self.ballots:
            if ballot.college is not None:
                seen.setdefault(ballot.college, None)
        return sorted(seen)
