"""Ballots are created and opened only while their plenary session is open; the demo obeys."""

import pytest
from sqlalchemy import select

from cocon.council.plenary.models import Plenary
from cocon.council.plenary.state import PlenaryState, plenary_state
from cocon.errors import Conflict
from cocon.proposals.voting import create_ballot, open_ballot
from cocon.proposals.voting_models import Ballot
from votes_factories import NOW, later, make_world


def _set_state(plenary, state):
    plenary.convened_at = NOW if state != "draft" else None
    plenary.opened_at = NOW if state in ("open", "closed") else None
    plenary.closed_at = later(1) if state == "closed" else None


def _create(db, world):
    return create_ballot(db, item=world.item, question="Adopter ?", method="simple_majority",
                         actor=world.facilitator, now=later(2))


@pytest.mark.parametrize("state", ["draft", "convened", "closed"])
def test_no_ballot_is_created_outside_an_open_session(db, state):
    world = make_world(db)
    _set_state(world.plenary, state)
    with pytest.raises(Conflict, match="only be created while its plenary session is open"):
        _create(db, world)
    assert db.scalars(select(Ballot)).all() == []


@pytest.mark.parametrize("state", ["draft", "convened", "closed"])
def test_no_ballot_is_opened_outside_an_open_session(db, state):
    world = make_world(db)
    ballot = _create(db, world)
    _set_state(world.plenary, state)
    db.flush()
    with pytest.raises(Conflict, match="only be opened while its plenary session is open"):
        open_ballot(db, ballot=ballot, actor=world.facilitator, now=later(3))
    assert ballot.opened_at is None


def test_an_open_session_allows_both(db):
    world = make_world(db)
    ballot = _create(db, world)
    open_ballot(db, ballot=ballot, actor=world.facilitator, now=later(3))
    assert ballot.opened_at is not None


def test_the_demo_holds_its_votes_during_the_past_session_then_closes_it(db):
    from cocon.demo import populate
    populate(db, now=NOW)
    past, upcoming = db.scalars(select(Plenary).order_by(Plenary.starts_at)).all()
    assert plenary_state(past) == PlenaryState.CLOSED
    assert plenary_state(upcoming) == PlenaryState.CONVENED
    ballots = db.scalars(select(Ballot)).all()
    assert len(ballots) == 4
    for ballot in ballots:
        assert ballot.plenary_id == past.id and ballot.result is not None
        assert past.opened_at <= ballot.opened_at <= ballot.closed_at <= past.closed_at
