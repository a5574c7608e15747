"""cast_vote: one person one vote, every bad input refused with nothing changed."""

import pytest
from sqlalchemy import func, select

from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.proposals.casting import cast_vote, has_voted
from cocon.proposals.voting import create_ballot, open_ballot, withdraw_from_ballot
from cocon.proposals.voting_models import BallotParticipation, PublicVote, SecretVote
from votes_factories import NOW, give_proxy, later, make_world


def _ballot(db, world, method="simple_majority", secret=True, open_=True, **kw):
    ballot = create_ballot(db, item=world.item, question="Adopter l'orientation ?",
                           method=method, secret=secret, actor=world.facilitator, now=NOW, **kw)
    if open_:
        open_ballot(db, ballot=ballot, actor=world.facilitator, now=later(1))
    return ballot


def _rows(db):
    return tuple(db.scalar(select(func.count()).select_from(m))
                 for m in (BallotParticipation, SecretVote, PublicVote))


def test_a_member_votes_once_and_the_event_says_only_how_many(db):
    world = make_world(db)
    ballot = _ballot(db, world)
    events = cast_vote(db, ballot=ballot, voter=world.members[0], choice="pour", now=later(2))
    assert _rows(db) == (1, 1, 0)
    assert events[0].room == f"plenary:{world.plenary.id}"
    assert events[0].payload == {"ballot_id": ballot.id, "voted": 1}
    assert has_voted(db, ballot, world.members[0])


def test_a_second_vote_by_the_same_member_is_a_conflict_and_changes_nothing(db):
    world = make_world(db)
    ballot = _ballot(db, world)
    cast_vote(db, ballot=ballot, voter=world.members[0], choice="pour", now=later(2))
    with pytest.raises(Conflict):
        cast_vote(db, ballot=ballot, voter=world.members[0], choice="contre", now=later(3))
    assert _rows(db) == (1, 1, 0)


def test_a_public_vote_records_the_voter_and_the_event_names_them(db):
    world = make_world(db)
    ballot = _ballot(db, world, secret=False)
    events = cast_vote(db, ballot=ballot, voter=world.members[1], choice="contre", now=later(2))
    vote = db.scalar(select(PublicVote))
    assert (vote.voter_id, vote.cast_by_id, vote.choice) == (world.members[1].id,
                                                            world.members[1].id, "contre")
    assert events[0].payload["voter"] == world.members[1].display_name


@pytest.mark.parametrize("case, error", [
    ("before_opening", Conflict), ("non_member", Forbidden), ("observer", Forbidden),
    ("advisory", Forbidden), ("unknown_option", InvalidInput),
    ("objection_without_reason", InvalidInput), ("withdrawn", Conflict),
    ("proxy_not_held", Forbidden), ("grade_off_scale", InvalidInput),
    ("unknown_candidate", InvalidInput),
])
def test_bad_ballots_are_refused_and_nothing_is_written(db, case, error):
    world = make_world(db)
    voter, kwargs = world.members[0], {"choice": "pour"}
    if case in ("grade_off_scale", "unknown_candidate"):
        ballot = _ballot(db, world, method="majority_judgment", candidates=["A", "B"])
        kwargs = {"grades": {"A": "Génial"} if case == "grade_off_scale" else {"Z": "Bien"}}
    elif case == "objection_without_reason":
        ballot = _ballot(db, world, method="consent")
        kwargs = {"choice": "objection", "reason": "  "}
    else:
        ballot = _ballot(db, world, open_=case != "before_opening")
    if case == "non_member":
        voter = world.outsider
    elif case == "observer":
        voter = world.observer
    elif case == "advisory":
        voter = world.advisor
    elif case == "unknown_option":
        kwargs = {"choice": "peut-être"}
    elif case == "withdrawn":
        withdraw_from_ballot(db, ballot=ballot, member=voter, reason="Je préside l'asso",
                             now=later(2))
    elif case == "proxy_not_held":
        kwargs["on_behalf_of"] = world.members[1]
    before = _rows(db)
    with pytest.raises(error) as caught:
        cast_vote(db, ballot=ballot, voter=voter, now=later(3), **kwargs)
    assert caught.value.message  # a message the interface translates
    assert _rows(db) == before == (0, 0, 0)


def test_a_vote_after_closing_is_refused(db):
    from cocon.proposals.voting import close_ballot
    world = make_world(db)
    ballot = _ballot(db, world)
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    with pytest.raises(Conflict):
        cast_vote(db, ballot=ballot, voter=world.members[0], choice="pour", now=later(6))
    assert _rows(db) == (0, 0, 0)


def test_a_proxy_holder_casts_one_vote_per_proxy_each_recorded_as_such(db):
    world = make_world(db)
    holder, giver = world.members[0], world.members[1]
    give_proxy(db, world, giver, holder)
    ballot = _ballot(db, world)
    cast_vote(db, ballot=ballot, voter=holder, choice="pour", now=later(2))
    cast_vote(db, ballot=ballot, voter=holder, choice="contre", on_behalf_of=giver, now=later(2))
    rows = {p.member_id: (p.cast_by_id, p.by_proxy)
            for p in db.scalars(select(BallotParticipation))}
    assert rows == {holder.id: (holder.id, False), giver.id: (holder.id, True)}
    with pytest.raises(Conflict):
        cast_vote(db, ballot=ballot, voter=giver, choice="pour", now=later(3))
    colleges = sorted(v.college for v in db.scalars(select(SecretVote)))
    assert colleges == sorted([world.colleges["elus"].name, world.colleges["actors"].name])


def test_a_member_who_voted_can_no_longer_withdraw(db):
    world = make_world(db)
    ballot = _ballot(db, world)
    cast_vote(db, ballot=ballot, voter=world.members[0], choice="pour", now=later(2))
    with pytest.raises(Conflict):
        withdraw_from_ballot(db, ballot=ballot, member=world.members[0], now=later(3))
    assert ballot.withdrawals == []
