"""Simple, absolute and two-thirds majority, without college weights."""

import pytest

from cocon.proposals.counting import tally_document


def votes(method, pour=0, contre=0, abstention=0, **extra):
    ballots = ([{"choice": "pour"}] * pour + [{"choice": "contre"}] * contre
               + [{"choice": "abstention"}] * abstention)
    return tally_document({"method": method, "ballots": ballots, **extra})


def test_simple_majority_adopts_when_pour_exceeds_contre():
    assert votes("simple_majority", pour=3, contre=2)["adopted"] is True


def test_simple_majority_ignores_abstentions():
    assert votes("simple_majority", pour=2, contre=1, abstention=10)["adopted"] is True


def test_simple_majority_tie_rejects():
    result = votes("simple_majority", pour=4, contre=4, abstention=1)
    assert result["adopted"] is False
    assert any("tie" in note for note in result["notes"])


def test_simple_majority_with_no_vote_cast_rejects():
    assert votes("simple_majority", abstention=5)["adopted"] is False
    assert votes("simple_majority")["adopted"] is False


def test_yes_no_counts_report_every_choice_votes_cast_and_ballots():
    result = votes("simple_majority", pour=3, contre=2, abstention=4)
    assert result["counts"] == {"pour": 3, "contre": 2, "abstention": 4, "cast": 5, "ballots": 9}
    assert result["by_college"] == {}
    assert result["method"] == "simple_majority"
    assert result["quorum_met"] is None


def test_absolute_majority_counts_abstentions_against():
    assert votes("absolute_majority", pour=5, contre=1, abstention=4)["adopted"] is False
    assert votes("absolute_majority", pour=6, contre=1, abstention=4)["adopted"] is True


def test_absolute_majority_is_of_members_present_or_represented():
    assert votes("absolute_majority", pour=6, contre=0, present=12)["adopted"] is False
    assert votes("absolute_majority", pour=7, contre=0, present=12)["adopted"] is True
    assert votes("absolute_majority", pour=7, contre=0, present=13)["adopted"] is True


def test_absolute_majority_of_nobody_present_rejects():
    assert votes("absolute_majority")["adopted"] is False


def test_two_thirds_is_reached_at_exactly_two_thirds():
    assert votes("two_thirds", pour=2, contre=1)["adopted"] is True
    assert votes("two_thirds", pour=20, contre=10, abstention=50)["adopted"] is True


def test_two_thirds_just_below_is_rejected():
    assert votes("two_thirds", pour=19, contre=10)["adopted"] is False
    assert votes("two_thirds", pour=1, contre=1)["adopted"] is False


def test_two_thirds_is_of_votes_cast_not_of_ballots():
    assert votes("two_thirds", pour=2, contre=1, abstention=3)["adopted"] is True


def test_two_thirds_with_no_vote_cast_rejects():
    assert votes("two_thirds", abstention=3)["adopted"] is False


@pytest.mark.parametrize("method", ["simple_majority", "absolute_majority", "two_thirds"])
def test_unanimity_adopts_under_every_majority(method):
    assert votes(method, pour=1)["adopted"] is True


@pytest.mark.parametrize("method", ["simple_majority", "absolute_majority", "two_thirds"])
def test_all_contre_rejects_under_every_majority(method):
    assert votes(method, contre=3)["adopted"] is False


def test_share_is_shown_as_a_rounded_float():
    assert votes("simple_majority", pour=2, contre=1)["share"] == 0.666667
    assert votes("absolute_majority", pour=1, contre=1, abstention=1)["share"] == 0.333333


def test_labels_are_echoed():
    result = votes("simple_majority", pour=1, id="v-12", title="Budget",
                   question="Adopter le budget ?")
    assert (result["id"], result["title"], result["question"]) == (
        "v-12", "Budget", "Adopter le budget ?")


def test_ballots_naming_a_college_are_grouped_for_information_only():
    result = tally_document({"method": "simple_majority", "ballots": [
        {"choice": "pour", "college": "élus"},
        {"choice": "pour", "college": "acteurs"},
        {"choice": "contre", "college": "acteurs"},
        {"choice": "contre"},
    ]})
    assert result["adopted"] is False
    assert result["by_college"]["acteurs"]["pour"] == 1
    assert result["by_college"]["acteurs"]["contre"] == 1
    assert result["by_college"]["élus"]["cast"] == 1
    assert list(result["by_college"]) == ["acteurs", "élus"]
    assert "weighted_share" not in result
