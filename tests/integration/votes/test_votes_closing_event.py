"""The closing event carries the result, so every live client learns it without a reload."""

from cocon.proposals.casting import cast_vote
from cocon.proposals.voting import close_ballot, create_ballot, open_ballot
from votes_factories import NOW, later, make_world


def test_the_closing_event_tells_the_room_the_result(db):
    world = make_world(db, members=4)
    ballot = create_ballot(db, item=world.item, question="Adopter ?", method="simple_majority",
                           actor=world.facilitator, now=NOW)
    [opened] = open_ballot(db, ballot=ballot, actor=world.facilitator, now=later(1))
    for voter, choice in zip(world.members, ["pour", "pour", "pour", "contre"]):
        cast_vote(db, ballot=ballot, voter=voter, choice=choice, now=later(2))
    [closed] = close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    assert closed.name == "ballot.closed" and closed.room == opened.room == f"plenary:{world.plenary.id}"
    assert closed.payload["ballot_id"] == ballot.id
    assert closed.payload["result"]["adopted"] is ballot.result["adopted"] is True
    assert closed.payload["result"]["counts"] == ballot.result["counts"]
    assert closed.payload["result"]["counts"]["ballots"] == 4
