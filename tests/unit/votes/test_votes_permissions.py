"""Permissions as a grid: role × ballot state × action."""

from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

from cocon.council.models import Role
from cocon.proposals import permissions as p

NOW = datetime(2026, 11, 23, tzinfo=timezone.utc)
STATES = {"draft": (None, None), "open": (NOW, None), "closed": (NOW, NOW)}
ROLES = ["admin", "facilitator", "member", "advisory", "observer", "outsider", "visitor"]


def _world(role: str, state: str):
    voting = SimpleNamespace(votes=True, name="Élu·es")
    advisory = SimpleNamespace(votes=False, name="Agents")
    user = None if role == "visitor" else SimpleNamespace(id=1, is_site_admin=False)
    memberships = []
    if role not in ("visitor", "outsider"):
        memberships.append(SimpleNamespace(
            user_id=1, role=Role.MEMBER if role == "advisory" else Role(role),
            college=None if role == "observer" else (advisory if role == "advisory" else voting)))
    council = SimpleNamespace(memberships=memberships, is_public=True)
    opened, closed = STATES[state]
    ballot = SimpleNamespace(council=council, opened_at=opened, closed_at=closed)
    return user, ballot


EXPECTED = {  # action: {state: roles allowed}
    "vote": {"open": {"admin", "facilitator", "member"}},
    "open": {"draft": {"admin", "facilitator"}},
    "close": {"open": {"admin", "facilitator"}},
    "reopen": {"closed": {"admin", "facilitator"}},
    "paper": {"draft": {"admin", "facilitator"}, "open": {"admin", "facilitator"}},
    "results": {"closed": set(ROLES)},
}
ACTIONS = {
    "vote": lambda u, b: p.can_vote(u, b, NOW), "open": p.can_open_ballot,
    "close": p.can_close_ballot, "reopen": p.can_reopen_ballot,
    "paper": p.can_enter_paper_counts, "results": p.can_see_results,
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_ballot_permission_grid(role, state, action):
    user, ballot = _world(role, state)
    expected = role in EXPECTED[action].get(state, set())
    assert ACTIONS[action](user, ballot) is expected


PROPOSAL_PHASES = {"draft": (None, None), "submitted": (NOW, None), "decided": (NOW, "adopted")}
PROPOSAL_EXPECTED = {
    "support": {"submitted": {"admin", "facilitator", "member", "advisory"}},
    "amend": {"submitted": {"admin", "facilitator", "member", "advisory"}},
    "decide_amendment": {"draft": {"admin", "facilitator"}, "submitted": {"admin", "facilitator"}},
    "put_on_agenda": {"submitted": {"admin", "facilitator"}},
}


@pytest.mark.parametrize("action", PROPOSAL_EXPECTED)
@pytest.mark.parametrize("phase", PROPOSAL_PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_proposal_permission_grid(role, phase, action):
    user, ballot = _world(role, "draft")
    submitted, decision = PROPOSAL_PHASES[phase]
    proposal = SimpleNamespace(council=ballot.council, submitted_at=submitted,
                               decision=decision, author_id=99, coauthors=[],
                               agenda_item_id=None)
    allowed = getattr(p, f"can_{action}")(user, proposal)
    assert allowed is (role in PROPOSAL_EXPECTED[action].get(phase, set()))


@pytest.mark.parametrize("role", ROLES)
def test_only_facilitators_update_the_register(role):
    user, ballot = _world(role, "closed")
    orientation = SimpleNamespace(council=ballot.council)
    assert p.can_update_orientation(user, orientation) is (role in {"admin", "facilitator"})


def test_proposal_states_follow_the_life_cycle():
    proposal = SimpleNamespace(decision=None, agenda_item_id=None, submitted_at=None)
    assert p.proposal_state(proposal) == p.ProposalState.DRAFT
    proposal.submitted_at = NOW
    assert p.proposal_state(proposal) == p.ProposalState.SUBMITTED
    proposal.agenda_item_id = 3
    assert p.proposal_state(proposal) == p.ProposalState.ON_AGENDA
    proposal.decision = SimpleNamespace(value="rejected")
    assert p.proposal_state(proposal) == p.ProposalState.REJECTED
    proposal.decision = SimpleNamespace(value="adopted")
    assert p.proposal_state(proposal) == p.ProposalState.ADOPTED
    followed = SimpleNamespace(updates=[object()])
    assert p.proposal_state(proposal, followed) == p.ProposalState.FOLLOWED_UP
