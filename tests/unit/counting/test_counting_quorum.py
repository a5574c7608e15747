"""Quorum: present members must reach quorum × eligible, or nothing is adopted."""

from fractions import Fraction

import pytest

from cocon.proposals.counting import quorum_met, tally_document


def pour(n, **extra):
    return {"method": "simple_majority", "ballots": [{"choice": "pour"}] * n, **extra}


def test_quorum_is_met_at_exactly_the_share():
    assert tally_document(pour(5, eligible=10, quorum=0.5))["quorum_met"] is True


def test_quorum_is_missed_just_below_the_share():
    result = tally_document(pour(4, eligible=10, quorum=0.5))
    assert result["quorum_met"] is False
    assert result["adopted"] is False
    assert "quorum not met" in result["notes"][0]


def test_quorum_uses_present_rather_than_ballots_when_given():
    assert tally_document(pour(3, eligible=10, present=5, quorum=0.5))["quorum_met"] is True


def test_quorum_is_exact_with_thirds():
    # JSON has no thirds: 0.3333333333333333 is read at its decimal value, a hair under 1/3.
    assert tally_document(pour(1, eligible=3, quorum=1 / 3))["quorum_met"] is True
    assert tally_document(pour(2, eligible=3, quorum=2 / 3))["quorum_met"] is True
    assert tally_document(pour(1, eligible=3, quorum=2 / 3))["quorum_met"] is False
    assert quorum_met(1, 3, Fraction(1, 3)) is True
    assert quorum_met(2, 6, Fraction(1, 3)) is True
    assert quorum_met(1, 6, Fraction(1, 3)) is False


def test_quorum_written_as_decimal_is_taken_at_its_decimal_value():
    assert tally_document(pour(3, eligible=10, quorum=0.3))["quorum_met"] is True
    assert tally_document(pour(2, eligible=10, quorum=0.3, present=2))["quorum_met"] is False


def test_quorum_of_zero_is_always_met_and_of_one_needs_everybody():
    assert tally_document(pour(0, eligible=10, quorum=0))["quorum_met"] is True
    assert tally_document(pour(9, eligible=10, quorum=1))["quorum_met"] is False
    assert tally_document(pour(10, eligible=10, quorum=1))["quorum_met"] is True


def test_no_quorum_given_means_quorum_met_is_null_and_does_not_block():
    result = tally_document(pour(2, eligible=100))
    assert result["quorum_met"] is None
    assert result["adopted"] is True


@pytest.mark.parametrize("method,ballots", [
    ("absolute_majority", [{"choice": "pour"}]),
    ("two_thirds", [{"choice": "pour"}]),
    ("consent", [{"choice": "consentement"}]),
])
def test_without_quorum_nothing_is_adopted(method, ballots):
    result = tally_document({"method": method, "eligible": 10, "quorum": 0.5, "ballots": ballots})
    assert result["quorum_met"] is False
    assert result["adopted"] is False


def test_attendance_reports_the_presence_required():
    result = tally_document(pour(2, eligible=7, quorum=0.5))
    assert result["attendance"] == {"eligible": 7, "present": 2, "quorum": 0.5, "required": 4}
