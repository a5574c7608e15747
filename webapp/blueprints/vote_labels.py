"""Labels of voting methods, choices, statuses and states, shared by the vote pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from cocon.proposals.counting.ballots import CONSENT_CHOICES, MAJORITY_JUDGMENT, YES_NO_CHOICES

METHOD_LABELS = {
    "simple_majority": _l("Simple majority"), "absolute_majority": _l("Absolute majority"),
    "two_thirds": _l("Two-thirds majority"), "consent": _l("Consent"),
    "majority_judgment": _l("Majority judgment"),
}
CHOICE_LABELS = {
    "pour": _l("For"), "contre": _l("Against"), "abstention": _l("Abstention"),
    "consentement": _l("I consent"), "objection": _l("I object (give a reason)"),
}
STATE_LABELS = {"draft": _l("in preparation"), "open": _l("open"), "closed": _l("closed")}
ORIENTATION_STATUS_LABELS = {"to_start": _l("to start"), "in_progress": _l("in progress"),
                             "done": _l("done"), "abandoned": _l("abandoned")}
PROPOSAL_STATE_LABELS = {"draft": _l("draft"), "submitted": _l("submitted"),
                         "on_agenda": _l("on the agenda"), "adopted": _l("adopted"),
                         "rejected": _l("rejected"), "followed_up": _l("followed up")}


def choices_for(method: str) -> list[tuple[str, str]]:
    """The (value, label) choices of a yes/no or consent ballot."""
    if method == MAJORITY_JUDGMENT:
        return []
    values = CONSENT_CHOICES if method == "consent" else YES_NO_CHOICES
    return [(v, CHOICE_LABELS[v]) for v in values]


def labels_context() -> dict:
    """Labels every vote, proposal and register template can use."""
    return {"method_labels": METHOD_LABELS, "choice_labels": CHOICE_LABELS,
            "ballot_state_labels": STATE_LABELS,
            "orientation_status_labels": ORIENTATION_STATUS_LABELS,
            "proposal_state_labels": PROPOSAL_STATE_LABELS}
