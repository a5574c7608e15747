"""Co-authors of a proposal: council members only, not the author, no duplicates; editing."""

import pytest
from sqlalchemy import select

from cocon.audit import AuditEntry
from cocon.errors import Forbidden, InvalidInput
from cocon.proposals import drafting
from cocon.proposals.models import Proposal
from votes_factories import NOW, later, make_user, make_world


def _draft(db, world, coauthors):
    return drafting.create_proposal(db, council=world.council, title="Clauses sociales",
                                    body="Texte", author=world.members[0],
                                    coauthors=coauthors, now=NOW)


def test_co_authors_are_kept_when_valid(db):
    world = make_world(db)
    proposal = _draft(db, world, [world.members[1], world.facilitator])
    assert {u.id for u in proposal.coauthors} == {world.members[1].id, world.facilitator.id}


@pytest.mark.parametrize("case", ["outsider", "author", "duplicate", "unknown"])
def test_bad_co_authors_are_refused(db, case):
    world = make_world(db)
    outsider = make_user(db, "Extérieure")
    coauthors = {"outsider": [outsider], "author": [world.members[0]],
                 "duplicate": [world.members[1], world.members[1]], "unknown": [None]}[case]
    with pytest.raises(InvalidInput):
        _draft(db, world, coauthors)
    assert db.scalars(select(Proposal)).all() == []


def test_a_co_author_edits_before_the_agenda_then_only_a_facilitator_audited(db):
    world = make_world(db)
    proposal = _draft(db, world, [world.members[1]])
    drafting.edit_proposal(db, proposal=proposal, title="Clauses sociales (v2)", body="Texte 2",
                           coauthors=[world.members[1], world.members[2]],
                           actor=world.members[1], now=later(1))
    assert proposal.title == "Clauses sociales (v2)" and len(proposal.revisions) == 1
    assert len(proposal.coauthors) == 2
    with pytest.raises(InvalidInput):
        drafting.edit_proposal(db, proposal=proposal, title="x", body="y",
                               coauthors=[world.members[0]], actor=world.members[0],
                               now=later(2))
    drafting.submit_proposal(db, proposal=proposal, actor=world.members[0], now=later(3))
    drafting.put_on_agenda(db, proposal=proposal, item=world.item, actor=world.facilitator,
                           now=later(4))
    with pytest.raises(Forbidden):
        drafting.edit_proposal(db, proposal=proposal, title="x", body="y",
                               actor=world.members[1], now=later(5))
    drafting.edit_proposal(db, proposal=proposal, title="Clauses sociales (v3)", body="Texte 3",
                           actor=world.facilitator, now=later(6))
    entries = db.scalars(select(AuditEntry).where(AuditEntry.action == "proposal.edit")).all()
    assert [e.target_id for e in entries] == [proposal.id]
