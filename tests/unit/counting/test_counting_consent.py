"""Consent: adopted unless a reasoned objection is raised."""

import pytest

from cocon.errors import InvalidInput
from cocon.proposals.counting import tally_document


def consent(*ballots, **extra):
    return tally_document({"method": "consent", "ballots": list(ballots), **extra})


def test_consent_adopts_without_objection():
    result = consent({"choice": "consentement"}, {"choice": "abstention"})
    assert result["adopted"] is True
    assert result["counts"] == {"consentement": 1, "objection": 0, "abstention": 1, "ballots": 2}


def test_a_single_reasoned_objection_blocks():
    result = consent({"choice": "consentement"}, {"choice": "consentement"},
                     {"choice": "objection", "reason": "  Le budget n'est pas chiffré. "})
    assert result["adopted"] is False
    assert result["objections"] == [{"reason": "Le budget n'est pas chiffré.", "blocking": True}]


def test_an_objection_without_reason_is_invalid():
    with pytest.raises(InvalidInput, match=r"ballots\[0\]\.reason"):
        consent({"choice": "objection"})
    with pytest.raises(InvalidInput, match="reason"):
        consent({"choice": "objection", "reason": "   "})


def test_consent_refuses_yes_no_choices_and_lists_the_allowed_ones():
    with pytest.raises(InvalidInput, match="consentement, objection, abstention"):
        consent({"choice": "pour"})


def test_an_objection_from_an_advisory_college_is_reported_but_does_not_block():
    result = consent({"choice": "consentement", "college": "membres"},
                     {"choice": "objection", "college": "observateurs", "reason": "Trop tôt"},
                     colleges={"membres": 1, "observateurs": 0})
    assert result["adopted"] is True
    assert result["objections"] == [
        {"reason": "Trop tôt", "blocking": False, "college": "observateurs"}]
    assert result["by_college"]["observateurs"]["blocking"] is False


def test_an_objection_from_a_counting_college_blocks_whatever_its_weight():
    result = consent({"choice": "consentement", "college": "a"},
                     {"choice": "objection", "college": "b", "reason": "Non conforme"},
                     colleges={"a": 100, "b": 1})
    assert result["adopted"] is False
    assert result["by_college"]["b"]["blocking"] is True


def test_consent_with_nobody_objecting_and_no_ballots_is_adopted():
    assert consent()["adopted"] is True


def test_consent_without_quorum_is_not_adopted():
    assert consent({"choice": "consentement"}, eligible=4, quorum=0.5)["adopted"] is False
