"""Every malformed vote document is refused with a message naming the faulty field."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cocon.errors import InvalidInput
from cocon.proposals.counting import load_document, tally_document

POUR = [{"choice": "pour"}]
MJ = {"method": "majority_judgment", "candidates": ["A", "B"]}


@pytest.mark.parametrize("doc,field", [
    ([], "document"),
    ({"ballots": POUR}, "method"),
    ({"method": "borda", "ballots": POUR}, "method"),
    ({"method": "simple_majority"}, "ballots"),
    ({"method": "simple_majority", "ballots": {}}, "ballots"),
    ({"method": "simple_majority", "ballots": POUR, "quorm": 0.5}, "quorm"),
    ({"method": "simple_majority", "ballots": POUR, "quorum": 0.5}, "quorum"),
    ({"method": "simple_majority", "ballots": POUR, "eligible": 3, "quorum": 1.5}, "quorum"),
    ({"method": "simple_majority", "ballots": POUR, "eligible": 3, "quorum": -0.1}, "quorum"),
    ({"method": "simple_majority", "ballots": POUR, "eligible": 3, "quorum": "0.5"}, "quorum"),
    ({"method": "simple_majority", "ballots": POUR, "eligible": 3, "quorum": True}, "quorum"),
    ({"method": "simple_majority", "ballots": POUR, "eligible": 3.5}, "eligible"),
    ({"method": "simple_majority", "ballots": POUR, "eligible": True}, "eligible"),
    ({"method": "simple_majority", "ballots": POUR, "eligible": "10"}, "eligible"),
    ({"method": "simple_majority", "ballots": POUR, "eligible": -1}, "eligible"),
    ({"method": "simple_majority", "ballots": POUR, "present": False}, "present"),
    ({"method": "simple_majority", "ballots": POUR, "eligible": 3, "present": 4}, "present"),
    ({"method": "simple_majority", "ballots": POUR * 3, "present": 2}, "present"),
    ({"method": "simple_majority", "ballots": POUR, "title": 3}, "title"),
    ({"method": "simple_majority", "ballots": POUR, "candidates": ["A"]}, "candidates"),
    ({"method": "consent", "ballots": [], "grades": ["a", "b"]}, "grades"),
    ({"method": "simple_majority", "ballots": [{"choice": "oui"}]}, "ballots[0].choice"),
    ({"method": "simple_majority", "ballots": [{"choice": "objection", "reason": "x"}]},
     "ballots[0].choice"),
    ({"method": "simple_majority", "ballots": [{}]}, "ballots[0].choice"),
    ({"method": "simple_majority", "ballots": ["pour"]}, "ballots[0]"),
    ({"method": "simple_majority", "ballots": [{"choice": "pour", "colege": "a"}]},
     "ballots[0].colege"),
    ({"method": "simple_majority", "ballots": [{"choice": "pour", "reason": 3}]},
     "ballots[0].reason"),
    ({"method": "simple_majority", "ballots": [{"choice": "pour", "college": ""}]},
     "ballots[0].college"),
    ({"method": "simple_majority", "colleges": {"a": 1}, "ballots": POUR}, "ballots[0].college"),
    ({"method": "simple_majority", "colleges": {"a": 1},
      "ballots": [{"choice": "pour", "college": "b"}]}, "ballots[0].college"),
    ({"method": "simple_majority", "colleges": {"a": -1}, "ballots": []}, "colleges.a"),
    ({"method": "simple_majority", "colleges": {"a": "1"}, "ballots": []}, "colleges.a"),
    ({"method": "simple_majority", "colleges": {"a": True}, "ballots": []}, "colleges.a"),
    ({"method": "simple_majority", "colleges": {"a": 0, "b": 0}, "ballots": []}, "colleges"),
    ({"method": "simple_majority", "colleges": {}, "ballots": []}, "colleges"),
    ({"method": "simple_majority", "colleges": ["a"], "ballots": []}, "colleges"),
    ({"method": "majority_judgment", "ballots": []}, "candidates"),
    ({**MJ, "candidates": [], "ballots": []}, "candidates"),
    ({**MJ, "candidates": ["A", "A"], "ballots": []}, "candidates[1]"),
    ({**MJ, "candidates": ["A", " "], "ballots": []}, "candidates[1]"),
    ({**MJ, "candidates": "A", "ballots": []}, "candidates"),
    ({**MJ, "grades": ["bien"], "ballots": []}, "grades"),
    ({**MJ, "grades": ["bien", "bien"], "ballots": []}, "grades[1]"),
    ({**MJ, "ballots": [{}]}, "ballots[0].grades"),
    ({**MJ, "ballots": [{"grades": ["A"]}]}, "ballots[0].grades"),
    ({**MJ, "ballots": [{"grades": {"A": "Bien"}, "choice": "pour"}]}, "ballots[0].choice"),
    ({**MJ, "ballots": [{"grades": {"A": 3}}]}, "ballots[0].grades.A"),
])
def test_invalid_documents_are_refused_naming_the_field(doc, field):
    with pytest.raises(InvalidInput) as caught:
        tally_document(doc)
    assert str(caught.value).startswith(field + ":")


def test_a_typo_in_a_key_lists_the_allowed_keys():
    with pytest.raises(InvalidInput, match="unknown key; allowed keys are: method, eligible"):
        tally_document({"method": "simple_majority", "ballots": [], "quorm": 0.5})


def test_a_wrong_choice_lists_the_allowed_choices():
    with pytest.raises(InvalidInput, match='"oui" is not allowed for simple_majority; '
                                           "one of: pour, contre, abstention"):
        tally_document({"method": "simple_majority", "ballots": [{"choice": "oui"}]})


def test_too_many_ballots_for_those_present_is_explained():
    with pytest.raises(InvalidInput, match="every ballot comes from a member present"):
        tally_document({"method": "simple_majority", "present": 1, "ballots": POUR * 2})


def test_optional_keys_set_to_null_read_as_left_out():
    result = tally_document({"method": "simple_majority", "ballots": POUR, "quorum": None,
                             "eligible": None, "colleges": None})
    assert result["quorum_met"] is None and result["adopted"] is True


def test_whole_numbers_written_as_floats_are_accepted():
    result = tally_document({"method": "simple_majority", "ballots": POUR, "eligible": 2.0,
                             "quorum": 0.5})
    assert result["attendance"]["eligible"] == 2


def test_integer_id_is_echoed():
    assert tally_document({"method": "consent", "ballots": [], "id": 7})["id"] == 7


@pytest.mark.parametrize("text,message", [
    ("", "not valid JSON"),
    ("{", "not valid JSON"),
    ("[1]", "must be a JSON object"),
    ('{"method": NaN}', "NaN is not valid JSON"),
    ('{"eligible": Infinity}', "Infinity is not valid JSON"),
    ('{"method": "consent", "method": "two_thirds"}', "duplicate key \"method\""),
    ("[" * 100000 + "]" * 100000, "not valid JSON"),
])
def test_malformed_json_is_refused(text, message):
    with pytest.raises(InvalidInput, match=message):
        load_document(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 12) | st.floats(-2, 12)
    | st.sampled_from(["pour", "contre", "abstention", "objection", "consentement", "A", "Bien",
                       "a", "simple_majority", "consent", "majority_judgment", "two_thirds"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["choice", "college", "reason", "grades", "A", "B", "a", "b"]), inner,
        max_size=3),
    max_leaves=12,
)
documents = st.fixed_dictionaries({"method": st.sampled_from(
    ["simple_majority", "absolute_majority", "two_thirds", "consent", "majority_judgment"])},
    optional={"eligible": json_values, "present": json_values, "quorum": json_values,
              "colleges": json_values, "candidates": json_values, "grades": json_values,
              "ballots": json_values})


@settings(max_examples=500, deadline=None)
@given(documents)
def test_any_document_is_either_counted_or_refused_with_invalid_input(doc):
    try:
        result = tally_document(doc)
    except InvalidInput as error:
        assert str(error)
    else:
        json.dumps(result)
