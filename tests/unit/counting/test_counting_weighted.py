"""Votes weighted by college, as in a multi-stakeholder cooperative's general assembly."""

from cocon.proposals.counting import tally_document


def college_votes(college, pour=0, contre=0, abstention=0):
    return ([{"choice": "pour", "college": college}] * pour
            + [{"choice": "contre", "college": college}] * contre
            + [{"choice": "abstention", "college": college}] * abstention)


def weighted(method, colleges, *groups, **extra):
    ballots = [ballot for group in groups for ballot in group]
    return tally_document({"method": method, "colleges": colleges, "ballots": ballots, **extra})


def test_a_small_heavy_college_outweighs_a_large_light_one():
    result = weighted("simple_majority", {"élus": 3, "acteurs": 1},
                      college_votes("élus", pour=2), college_votes("acteurs", contre=30))
    assert result["counts"]["pour"] == 2 and result["counts"]["contre"] == 30
    assert result["weighted_share"] == 0.75
    assert result["adopted"] is True


def test_weighted_simple_majority_at_exactly_one_half_rejects():
    result = weighted("simple_majority", {"a": 1, "b": 1},
                      college_votes("a", pour=1), college_votes("b", contre=1))
    assert result["weighted_share"] == 0.5
    assert result["adopted"] is False


def test_weighted_two_thirds_is_reached_at_exactly_two_thirds():
    result = weighted("two_thirds", {"a": 2, "b": 1},
                      college_votes("a", pour=5), college_votes("b", contre=5))
    assert result["adopted"] is True
    result = weighted("two_thirds", {"a": 2, "b": 1.01},
                      college_votes("a", pour=5), college_votes("b", contre=5))
    assert result["adopted"] is False


def test_weights_are_relative():
    first = weighted("simple_majority", {"a": 1, "b": 3},
                     college_votes("a", pour=3, contre=1), college_votes("b", pour=1, contre=1))
    second = weighted("simple_majority", {"a": 0.25, "b": 0.75},
                      college_votes("a", pour=3, contre=1), college_votes("b", pour=1, contre=1))
    assert first["weighted_share"] == second["weighted_share"] == 0.5625


def test_a_college_of_weight_zero_only_advises():
    result = weighted("simple_majority", {"membres": 1, "observateurs": 0},
                      college_votes("membres", pour=1, contre=2),
                      college_votes("observateurs", pour=50))
    assert result["adopted"] is False
    advisers = result["by_college"]["observateurs"]
    assert advisers["advisory"] is True and advisers["counted"] is False
    assert advisers["pour"] == 50 and advisers["share"] == 1.0


def test_a_college_without_votes_cast_is_left_out_of_the_normalisation():
    result = weighted("simple_majority", {"a": 1, "b": 5, "c": 1},
                      college_votes("a", pour=1), college_votes("b", abstention=4),
                      college_votes("c", contre=1, pour=2))
    assert result["by_college"]["b"]["counted"] is False
    assert result["by_college"]["b"]["share"] is None
    assert abs(result["weighted_share"] - (1 + 2 / 3) / 2) < 1e-6
    assert result["adopted"] is True


def test_weighted_vote_with_no_vote_cast_rejects():
    result = weighted("simple_majority", {"a": 1}, college_votes("a", abstention=2))
    assert result["weighted_share"] is None
    assert result["adopted"] is False


def test_weighted_absolute_majority_counts_abstentions_in_each_college():
    result = weighted("absolute_majority", {"a": 1, "b": 1},
                      college_votes("a", pour=2, abstention=2), college_votes("b", pour=3, contre=1))
    assert result["by_college"]["a"]["share"] == 0.5
    assert result["by_college"]["b"]["share"] == 0.75
    assert result["weighted_share"] == 0.625
    assert result["adopted"] is True
    result = weighted("absolute_majority", {"a": 1, "b": 1},
                      college_votes("a", pour=1, abstention=3), college_votes("b", pour=3, contre=1))
    assert result["weighted_share"] == 0.5
    assert result["adopted"] is False


def test_by_college_shows_every_declared_college_in_order():
    result = weighted("simple_majority", {"z": 2, "a": 1}, college_votes("z", pour=1))
    assert list(result["by_college"]) == ["z", "a"]
    assert result["by_college"]["a"] == {
        "weight": 2 - 1, "advisory": False, "pour": 0, "contre": 0, "abstention": 0,
        "cast": 0, "ballots": 0, "counted": False, "share": None}
    assert result["by_college"]["z"]["weight"] == 2


def test_weighted_vote_still_needs_its_quorum():
    result = weighted("simple_majority", {"a": 1}, college_votes("a", pour=2),
                      eligible=10, quorum=0.5)
    assert result["quorum_met"] is False and result["adopted"] is False
