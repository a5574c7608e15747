"""Vote counting: pure functions over typed ballots, exact arithmetic, no database.

`tally_document` is the `cocon tally` contract; the other names are its building blocks.
"""

from .ballots import (
    DEFAULT_GRADES,
    METHODS,
    ChoiceBallot,
    College,
    GradeBallot,
    Vote,
)
from .judgment import compare_profiles, majority_grade, majority_values, rank_profiles
from .parse import load_document, parse_document
from .quorum import quorum_met
from .tally import tally, tally_document

__all__ = [
    "DEFAULT_GRADES",
    "METHODS",
    "ChoiceBallot",
    "College",
    "GradeBallot",
    "Vote",
    "compare_profiles",
    "load_document",
    "majority_grade",
    "majority_values",
    "parse_document",
    "quorum_met",
    "rank_profiles",
    "tally",
    "tally_document",
]
