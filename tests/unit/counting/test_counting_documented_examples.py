"""The worked examples of docs/votes.md, so that the règlement and the code never drift apart."""

from cocon.proposals.counting import compare_profiles, majority_grade, tally_document


def ballots(college, pour=0, contre=0, abstention=0):
    return ([{"choice": "pour", "college": college}] * pour
            + [{"choice": "contre", "college": college}] * contre
            + [{"choice": "abstention", "college": college}] * abstention)


COLLEGES = {"élus": 2, "acteurs": 2, "partenaires": 1, "observateurs": 0}
WEIGHTED = (ballots("élus", 3, 1) + ballots("acteurs", 4, 6) + ballots("partenaires", 2, 2)
            + ballots("observateurs", 1, 0, 1))


def test_weighted_example_is_adopted_by_simple_majority_at_0_56():
    result = tally_document({"method": "simple_majority", "colleges": COLLEGES,
                             "eligible": 40, "quorum": 0.5, "ballots": WEIGHTED})
    assert result["weighted_share"] == 0.56
    assert result["adopted"] is True and result["quorum_met"] is True


def test_weighted_example_is_rejected_under_two_thirds():
    result = tally_document({"method": "two_thirds", "colleges": COLLEGES, "ballots": WEIGHTED})
    assert result["adopted"] is False


def test_majority_judgment_example_tiers_lieu_beats_monnaie_locale_on_the_tie_break():
    tiers_lieu, monnaie_locale = [2, 3, 2, 1, 1, 1, 0], [1, 2, 4, 2, 1, 0, 0]
    assert majority_grade(tiers_lieu) == majority_grade(monnaie_locale) == 2
    assert compare_profiles(tiers_lieu, monnaie_locale) == -1


def test_absolute_majority_example_needs_more_than_half_of_those_present():
    def vote(pour):
        return tally_document({"method": "absolute_majority", "ballots": (
            [{"choice": "pour"}] * pour + [{"choice": "contre"}] * 8
            + [{"choice": "abstention"}] * (22 - pour))})
    assert vote(15)["adopted"] is False
    assert vote(16)["adopted"] is True
