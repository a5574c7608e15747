"""The `cocon tally` contract: a vote document in, its full result out."""

from __future__ import annotations

from .ballots import CONSENT, MAJORITY_JUDGMENT, Vote
from .colleges import display
from .consent import count_consent
from .judgment_count import count_majority_judgment
from .parse import parse_document
from .quorum import quorum_met, required_presence
from .yesno import count_yes_no


def tally(vote: Vote) -> dict[str, object]:
    """Count a validated vote with its method and return the result document."""
    met = quorum_met(vote.present, vote.eligible, vote.quorum)
    quorum_ok = met is not False
    if vote.method == CONSENT:
        detail = count_consent(vote, quorum_ok)
    elif vote.method == MAJORITY_JUDGMENT:
        detail = count_majority_judgment(vote, quorum_ok)
    else:
        detail = count_yes_no(vote, quorum_ok)
    notes = list(detail.pop("notes"))
    if met is False:
        notes.insert(0, "quorum not met: nothing is adopted")
    result: dict[str, object] = {"method": vote.method, **vote.labels, "quorum_met": met}
    result.update(detail)
    result["attendance"] = {
        "eligible": vote.eligible,
        "present": vote.present,
        "quorum": display(vote.quorum),
        "required": (None if vote.quorum is None or vote.eligible is None
                     else required_presence(vote.eligible, vote.quorum)),
    }
    result["weighted"] = vote.weighted
    result["notes"] = notes
    return result


def tally_document(doc: dict) -> dict[str, object]:
    """Validate a vote document (InvalidInput on any error) and return its result."""
    return tally(parse_document(doc))
