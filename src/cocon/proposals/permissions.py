"""Who may do what with proposals, ballots and the register: pure predicates."""

from __future__ import annotations

import enum
from datetime import datetime

from cocon.council.models import Role
from cocon.council.permissions import (can_facilitate, can_participate, can_view_council,
                                       is_voting_member, membership_of)


class BallotState(str, enum.Enum):
    """draft → open → closed (reopening goes back to open)."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class ProposalState(str, enum.Enum):
    """draft → submitted → on the agenda → adopted / rejected → followed up."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    ON_AGENDA = "on_agenda"
    ADOPTED = "adopted"
    REJECTED = "rejected"
    FOLLOWED_UP = "followed_up"


def ballot_state(ballot) -> BallotState:
    """The ballot's phase, from its timestamps."""
    if ballot.closed_at is not None:
        return BallotState.CLOSED
    if ballot.opened_at is not None:
        return BallotState.OPEN
    return BallotState.DRAFT


def proposal_state(proposal, orientation=None) -> ProposalState:
    """The proposal's phase, from its timestamps, decision and follow-up."""
    if proposal.decision is not None:
        if proposal.decision.value == "adopted":
            if orientation is not None and orientation.updates:
                return ProposalState.FOLLOWED_UP
            return ProposalState.ADOPTED
        return ProposalState.REJECTED
    if proposal.agenda_item_id is not None:
        return ProposalState.ON_AGENDA
    if proposal.submitted_at is not None:
        return ProposalState.SUBMITTED
    return ProposalState.DRAFT


def can_vote(user, ballot, now: datetime | None = None) -> bool:
    """A voting member of the council (not observer, not advisory) while the ballot is open."""
    if user is None or ballot_state(ballot) != BallotState.OPEN:
        return False
    return is_voting_member(membership_of(user, ballot.council))


def can_open_ballot(user, ballot) -> bool:
    """Facilitators open a ballot that is not yet open."""
    return ballot_state(ballot) == BallotState.DRAFT and can_facilitate(user, ballot.council)


def can_close_ballot(user, ballot) -> bool:
    """Facilitators close an open ballot."""
    return ballot_state(ballot) == BallotState.OPEN and can_facilitate(user, ballot.council)


def can_reopen_ballot(user, ballot) -> bool:
    """Facilitators may reopen a closed ballot (audited), e.g. after a counting incident."""
    return ballot_state(ballot) == BallotState.CLOSED and can_facilitate(user, ballot.council)


def can_enter_paper_counts(user, ballot) -> bool:
    """Facilitators enter paper counts until the ballot is closed."""
    return ballot_state(ballot) != BallotState.CLOSED and can_facilitate(user, ballot.council)


def can_see_results(user, ballot) -> bool:
    """Results are shown to whoever sees the council, once the ballot is closed."""
    return ballot_state(ballot) == BallotState.CLOSED and can_view_council(user, ballot.council)


def can_create_proposal(user, council) -> bool:
    """Members, facilitators and administrators draft proposals."""
    return can_participate(user, council)


def can_edit_proposal(user, proposal) -> bool:
    """Authors and co-authors edit before the vote; facilitators too (audited once on agenda)."""
    if user is None or proposal.decision is not None:
        return False
    if can_facilitate(user, proposal.council):
        return True
    authors = {proposal.author_id} | {u.id for u in proposal.coauthors}
    return (user.id in authors and proposal.agenda_item_id is None
            and can_participate(user, proposal.council))


def can_support(user, proposal) -> bool:
    """Participants support a submitted proposal that is not yet decided."""
    return (proposal.submitted_at is not None and proposal.decision is None
            and can_participate(user, proposal.council))


def can_amend(user, proposal) -> bool:
    """Participants propose amendments until the proposal is decided."""
    return (proposal.submitted_at is not None and proposal.decision is None
            and can_participate(user, proposal.council))


def can_decide_amendment(user, proposal) -> bool:
    """Facilitators accept or reject amendments before the vote."""
    return proposal.decision is None and can_facilitate(user, proposal.council)


def can_put_on_agenda(user, proposal) -> bool:
    """Facilitators put a submitted, undecided proposal on an agenda."""
    return (proposal.submitted_at is not None and proposal.decision is None
            and can_facilitate(user, proposal.council))


def can_update_orientation(user, orientation) -> bool:
    """Facilitators and administrators follow up the register."""
    return can_facilitate(user, orientation.council)


def is_observer(user, council) -> bool:
    """Observers read but never vote."""
    membership = membership_of(user, council)
    return membership is not None and membership.role == Role.OBSERVER


def can_participate_in(user, proposal) -> bool:
    """Participants comment on any proposal of their council."""
    return can_participate(user, proposal.council)
