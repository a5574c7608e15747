"""Proposals from draft to register: supports, amendments, agenda, decision, follow-up."""

from datetime import date

import pytest
from sqlalchemy import select

from cocon.audit import AuditEntry
from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.proposals import drafting, register
from cocon.proposals.casting import cast_vote
from cocon.proposals.models import AmendmentStatus, Decision
from cocon.proposals.permissions import ProposalState, proposal_state
from cocon.proposals.register_models import Orientation, OrientationStatus
from cocon.proposals.voting import close_ballot, create_ballot, open_ballot, reopen_ballot
from votes_factories import NOW, later, make_world


def _proposal(db, world, body="Intégrer des **clauses sociales** dans 20 % des marchés."):
    proposal = drafting.create_proposal(db, council=world.council, title="Achats responsables",
                                        body=body, author=world.members[0],
                                        coauthors=[world.members[1]], now=NOW)
    drafting.submit_proposal(db, proposal=proposal, actor=world.members[0], now=later(1))
    return proposal


def test_markdown_is_rendered_and_sanitised(db):
    world = make_world(db)
    proposal = _proposal(db, world, body="**oui** <script>alert(1)</script>")
    assert "<strong>oui</strong>" in proposal.body_html
    assert "<script" not in proposal.body_html


def test_a_support_is_unique_per_member(db):
    world = make_world(db)
    proposal = _proposal(db, world)
    drafting.support_proposal(db, proposal=proposal, user=world.members[2], now=later(2))
    with pytest.raises(Conflict):
        drafting.support_proposal(db, proposal=proposal, user=world.members[2], now=later(3))
    with pytest.raises(Forbidden):
        drafting.support_proposal(db, proposal=proposal, user=world.observer, now=later(3))
    assert len(proposal.supports) == 1


def test_an_accepted_amendment_replaces_the_text_and_keeps_the_old_one(db):
    world = make_world(db)
    proposal = _proposal(db, world)
    old = proposal.body
    amendment = drafting.propose_amendment(db, proposal=proposal, author=world.members[2],
                                           new_body=old.replace("20 %", "30 %"),
                                           reason="Plus ambitieux", now=later(2))
    with pytest.raises(Forbidden):
        drafting.decide_amendment(db, amendment=amendment, accept=True, actor=world.members[2],
                                  now=later(3))
    drafting.decide_amendment(db, amendment=amendment, accept=True, actor=world.facilitator,
                              now=later(3))
    assert "30 %" in proposal.body and proposal.revisions[0].body == old
    assert amendment.status == AmendmentStatus.ACCEPTED
    with pytest.raises(Conflict):
        drafting.decide_amendment(db, amendment=amendment, accept=False,
                                  actor=world.facilitator, now=later(4))


def test_an_amendment_that_changes_nothing_is_refused(db):
    world = make_world(db)
    proposal = _proposal(db, world)
    with pytest.raises(Conflict):
        drafting.propose_amendment(db, proposal=proposal, author=world.members[2],
                                   new_body=proposal.body, reason="?", now=later(2))


def test_the_whole_path_to_the_register_and_its_follow_up(db):
    world = make_world(db, members=4)
    proposal = _proposal(db, world)
    assert proposal_state(proposal) == ProposalState.SUBMITTED
    drafting.put_on_agenda(db, proposal=proposal, item=world.item, actor=world.facilitator,
                           now=later(2))
    assert proposal_state(proposal) == ProposalState.ON_AGENDA
    drafting.edit_proposal(db, proposal=proposal, title=proposal.title, body="Texte révisé.",
                           actor=world.facilitator, now=later(3))
    assert "proposal.edit" in [e.action for e in db.scalars(select(AuditEntry))]
    ballot = create_ballot(db, item=world.item, question="Adopter ?", method="simple_majority",
                           proposal=proposal, actor=world.facilitator, now=later(4))
    open_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    for voter in world.members[:3]:
        cast_vote(db, ballot=ballot, voter=voter, choice="pour", now=later(6))
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(7))
    assert proposal.decision == Decision.ADOPTED
    orientation = db.scalars(select(Orientation)).one()
    assert (orientation.title, orientation.ballot_id) == (proposal.title, ballot.id)
    assert proposal_state(proposal, orientation) == ProposalState.ADOPTED
    register.update_orientation(db, orientation=orientation, note="Groupe de travail lancé",
                                status="in_progress", carried_by="Direction des achats",
                                actor=world.facilitator, now=later(60))
    assert orientation.status == OrientationStatus.IN_PROGRESS
    assert proposal_state(proposal, orientation) == ProposalState.FOLLOWED_UP
    indicator = register.add_indicator(db, orientation=orientation, name="Marchés avec clause",
                                       unit="%", target="30", actor=world.facilitator,
                                       now=later(61))
    register.add_indicator_value(db, indicator=indicator, measured_on=date(2027, 6, 30),
                                 value="12,5", actor=world.facilitator, now=later(62))
    assert str(indicator.values[0].value).startswith("12.5")
    with pytest.raises(InvalidInput):
        register.add_indicator_value(db, indicator=indicator, measured_on=date(2027, 7, 1),
                                     value="beaucoup", actor=world.facilitator, now=later(63))
    with pytest.raises(Forbidden):
        register.update_orientation(db, orientation=orientation, note="x",
                                    actor=world.members[0], now=later(64))
    with pytest.raises(InvalidInput):
        register.update_orientation(db, orientation=orientation, note="x", status="bientôt",
                                    actor=world.facilitator, now=later(64))


def test_a_rejected_proposal_stays_out_of_the_register_and_reopening_undoes_a_decision(db):
    world = make_world(db, members=4)
    proposal = _proposal(db, world)
    ballot = create_ballot(db, item=world.item, question="Adopter ?", method="consent",
                           proposal=proposal, actor=world.facilitator, now=later(4))
    open_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    cast_vote(db, ballot=ballot, voter=world.members[0], choice="objection",
              reason="Le budget n'est pas prévu", now=later(6))
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(7))
    assert proposal.decision == Decision.REJECTED
    assert db.scalars(select(Orientation)).all() == []
    reopen_ballot(db, ballot=ballot, actor=world.facilitator, reason="Erreur", now=later(8))
    assert proposal.decision is None
