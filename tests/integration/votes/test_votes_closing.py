"""Opening, closing, reopening, paper counts and withdrawals: counted once, audited."""

import pytest
from sqlalchemy import select

from cocon.audit import AuditEntry
from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.proposals.casting import cast_vote
from cocon.proposals.counting import tally_document
from cocon.proposals.tally_input import build_document
from cocon.proposals.voting import (close_ballot, create_ballot, enter_paper_counts, open_ballot,
                                    reopen_ballot, withdraw_from_ballot)
from votes_factories import NOW, give_proxy, later, make_world


def _open(db, world, **kw):
    kw.setdefault("method", "simple_majority")
    ballot = create_ballot(db, item=world.item, question="Adopter ?", actor=world.facilitator,
                           now=NOW, **kw)
    open_ballot(db, ballot=ballot, actor=world.facilitator, now=later(1))
    return ballot


def _actions(db):
    return [e.action for e in db.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_closing_counts_with_tally_document_and_freezes_the_result(db):
    world = make_world(db, members=4)
    ballot = _open(db, world)
    for voter, choice in zip(world.members, ["pour", "pour", "contre", "abstention"]):
        cast_vote(db, ballot=ballot, voter=voter, choice=choice, now=later(2))
    expected = tally_document(build_document(db, ballot))
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    assert ballot.result["counts"] == expected["counts"]
    assert ballot.result["adopted"] is expected["adopted"]
    assert ballot.result["quorum_met"] is True
    assert ballot.result["attendance"]["eligible"] == 5  # 4 members + the facilitator
    assert set(ballot.result["by_college"]) >= {"Élu·es", "Acteurs de l'ESS"}
    assert ballot.result["sources"]["online"]["ballots"] == 4
    assert _actions(db) == ["ballot.create", "ballot.open", "ballot.close"]


def test_closing_twice_is_a_conflict_and_keeps_the_first_result(db):
    world = make_world(db)
    ballot = _open(db, world)
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    first = dict(ballot.result)
    with pytest.raises(Conflict):
        close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(6))
    assert ballot.result == first and ballot.closed_at == later(5)


def test_only_facilitators_open_and_close(db):
    world = make_world(db)
    ballot = create_ballot(db, item=world.item, question="Q ?", method="consent",
                           actor=world.facilitator, now=NOW)
    with pytest.raises(Forbidden):
        open_ballot(db, ballot=ballot, actor=world.members[0], now=later(1))
    assert ballot.opened_at is None


def test_without_quorum_nothing_is_adopted(db):
    world = make_world(db, members=6, present=False)
    ballot = _open(db, world)
    cast_vote(db, ballot=ballot, voter=world.members[0], choice="pour", now=later(2))
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    assert ballot.result["quorum_met"] is False and ballot.result["adopted"] is False


def test_paper_counts_are_merged_and_the_result_says_which_was_which(db):
    world = make_world(db, members=4)
    ballot = _open(db, world)
    cast_vote(db, ballot=ballot, voter=world.members[0], choice="pour", now=later(2))
    enter_paper_counts(db, ballot=ballot, counts={"Élu·es": {"pour": 1, "contre": 1}},
                       actor=world.facilitator, now=later(3))
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    sources = ballot.result["sources"]
    assert sources["online"]["ballots"] == 1 and sources["paper"]["ballots"] == 2
    assert "ballot.paper_counts" in _actions(db)


@pytest.mark.parametrize("counts", [
    {"Agents": {"pour": 1}}, {"Inconnu": {"pour": 1}}, {"Élu·es": {"peut-être": 1}},
    {"Élu·es": {"pour": -1}}, {"Élu·es": {"pour": "deux"}}, ["pour"],
])
def test_bad_paper_counts_are_refused(db, counts):
    world = make_world(db)
    ballot = _open(db, world)
    with pytest.raises(InvalidInput):
        enter_paper_counts(db, ballot=ballot, counts=counts, actor=world.facilitator,
                           now=later(3))
    assert ballot.paper_counts == {}


def test_majority_judgment_paper_and_online_make_one_ranking(db):
    world = make_world(db, members=4)
    ballot = _open(db, world, method="majority_judgment", candidates=["A", "B", "C"])
    cast_vote(db, ballot=ballot, voter=world.members[0],
              grades={"A": "Très bien", "B": "Passable", "C": "Insuffisant"}, now=later(2))
    enter_paper_counts(db, ballot=ballot, counts={"Acteurs de l'ESS": {
        "A": {"Bien": 1}, "B": {"Excellent": 1}, "C": {"Assez bien": 1}}},
        actor=world.facilitator, now=later(3))
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    assert ballot.result["winner"] in {"A", "B", "C"}
    assert len(ballot.result["ranking"]) == 3


def test_reopening_is_audited_with_its_reason_and_drops_the_result(db):
    world = make_world(db)
    ballot = _open(db, world)
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    with pytest.raises(InvalidInput):
        reopen_ballot(db, ballot=ballot, actor=world.facilitator, reason=" ", now=later(6))
    reopen_ballot(db, ballot=ballot, actor=world.facilitator, reason="Panne de réseau",
                  now=later(6))
    assert ballot.result is None and ballot.closed_at is None
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "ballot.reopen")).one()
    assert entry.details["reason"] == "Panne de réseau"


def test_withdrawals_are_recorded_for_the_minutes_and_counted_in_the_result(db):
    world = make_world(db)
    ballot = _open(db, world)
    withdraw_from_ballot(db, ballot=ballot, member=world.members[2],
                         reason="Administratrice de l'association concernée", now=later(2))
    with pytest.raises(Conflict):
        withdraw_from_ballot(db, ballot=ballot, member=world.members[2], now=later(2))
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    assert ballot.result["withdrawn"] == 1
    assert ballot.withdrawals[0].reason.startswith("Administratrice")


def test_proxies_count_in_the_result(db):
    world = make_world(db)
    give_proxy(db, world, world.members[1], world.members[0])
    ballot = _open(db, world)
    cast_vote(db, ballot=ballot, voter=world.members[0], choice="pour",
              on_behalf_of=world.members[1], now=later(2))
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    assert ballot.result["proxies"] == 1


def test_a_majority_judgment_needs_two_distinct_options(db):
    world = make_world(db)
    with pytest.raises(InvalidInput):
        create_ballot(db, item=world.item, question="Q ?", method="majority_judgment",
                      candidates=["A", "A"], actor=world.facilitator, now=NOW)
    with pytest.raises(InvalidInput):
        create_ballot(db, item=world.item, question="Q ?", method="plurality",
                      actor=world.facilitator, now=NOW)
