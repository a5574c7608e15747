"""Majority-judgment votes through the tally contract: ballots, scale, colleges, winner."""

import json

import pytest

from cocon.errors import InvalidInput
from cocon.proposals.counting import DEFAULT_GRADES, load_document, tally_document


def judge(candidates, *grade_maps, **extra):
    ballots = [{"grades": grades} for grades in grade_maps]
    return tally_document({"method": "majority_judgment", "candidates": candidates,
                           "ballots": ballots, **extra})


def test_the_best_majority_grade_wins():
    result = judge(["Jardin", "Atelier"],
                   {"Jardin": "Très bien", "Atelier": "Passable"},
                   {"Jardin": "Bien", "Atelier": "Excellent"},
                   {"Jardin": "Bien", "Atelier": "Insuffisant"})
    assert result["winner"] == "Jardin"
    assert result["majority_grades"] == {"Jardin": "Bien", "Atelier": "Passable"}
    assert [e["candidate"] for e in result["ranking"]] == ["Jardin", "Atelier"]
    assert [e["rank"] for e in result["ranking"]] == [1, 2]
    assert "adopted" not in result


def test_the_default_scale_is_the_seven_french_grades():
    assert DEFAULT_GRADES == ("Excellent", "Très bien", "Bien", "Assez bien", "Passable",
                              "Insuffisant", "À rejeter")
    result = judge(["A"], {"A": "Bien"})
    assert list(result["counts"]["profiles"]["A"]) == list(DEFAULT_GRADES)


def test_an_ungraded_candidate_gets_the_lowest_grade():
    result = judge(["A", "B"], {"A": "Bien"}, {"A": "Bien", "B": "Excellent"}, {})
    assert result["counts"]["profiles"]["B"]["À rejeter"] == 2
    assert result["majority_grades"]["B"] == "À rejeter"
    assert result["counts"]["profiles"]["A"]["À rejeter"] == 1


def test_even_number_of_ballots_takes_the_lower_median():
    result = judge(["A"], {"A": "Excellent"}, {"A": "Passable"}, grades=["Excellent", "Passable"])
    assert result["majority_grades"]["A"] == "Passable"


def test_ties_on_the_majority_grade_are_broken_by_removing_medians():
    result = judge(["A", "B"], {"A": "Bien", "B": "Bien"}, {"A": "Bien", "B": "Bien"},
                   {"A": "Excellent", "B": "Passable"}, grades=["Excellent", "Bien", "Passable"])
    assert result["winner"] == "A"
    assert result["ranking"][1]["rank"] == 2


def test_a_perfect_tie_at_the_top_has_no_winner_and_is_reported():
    result = judge(["B", "A", "C"], {"A": "Bien", "B": "Bien", "C": "Passable"})
    assert result["winner"] is None
    assert result["tied"] == ["A", "B"]
    assert [(e["candidate"], e["rank"]) for e in result["ranking"]] == [
        ("A", 1), ("B", 1), ("C", 3)]


def test_no_ballots_gives_no_winner():
    result = judge(["A", "B"])
    assert result["winner"] is None
    assert all(entry["majority_grade"] is None for entry in result["ranking"])


def test_without_quorum_there_is_no_winner_but_the_ranking_is_computed():
    result = judge(["A", "B"], {"A": "Bien", "B": "Passable"}, eligible=10, quorum=0.5)
    assert result["quorum_met"] is False
    assert result["winner"] is None
    assert result["ranking"][0]["candidate"] == "A"


def test_a_custom_scale_is_used_best_first():
    result = judge(["A", "B"], {"A": "oui", "B": "non"}, grades=["oui", "bof", "non"])
    assert result["winner"] == "A"
    assert result["ranking"][1]["profile"] == {"oui": 0, "bof": 0, "non": 1}


def test_a_grade_off_the_scale_is_invalid():
    with pytest.raises(InvalidInput, match=r"ballots\[0\]\.grades\.A"):
        judge(["A"], {"A": "Très très bien"})


def test_an_unknown_candidate_is_invalid():
    with pytest.raises(InvalidInput, match="unknown candidate"):
        judge(["A"], {"Z": "Bien"})


def test_college_weights_give_each_college_its_weight_whatever_its_size():
    ballots = ([{"grades": {"A": "Excellent", "B": "Passable"}, "college": "élus"}]
               + [{"grades": {"A": "Passable", "B": "Excellent"}, "college": "acteurs"}] * 9)
    doc = {"method": "majority_judgment", "candidates": ["A", "B"], "ballots": ballots}
    assert tally_document(doc)["winner"] == "B"
    doc["colleges"] = {"élus": 2, "acteurs": 1}
    result = tally_document(doc)
    assert result["winner"] == "A"
    assert result["by_college"]["élus"]["multiplicity"] == 18
    assert result["by_college"]["acteurs"]["multiplicity"] == 1
    assert result["ranking"][0]["profile"]["Excellent"] == 18


def test_a_college_of_weight_zero_is_ignored_in_majority_judgment():
    ballots = ([{"grades": {"A": "Bien"}, "college": "membres"}]
               + [{"grades": {"B": "Excellent"}, "college": "invités"}] * 5)
    result = tally_document({"method": "majority_judgment", "candidates": ["A", "B"],
                             "colleges": {"membres": 1, "invités": 0}, "ballots": ballots})
    assert result["winner"] == "A"
    assert result["by_college"]["invités"]["counted"] is False
    assert result["counts"]["profiles"]["B"]["Excellent"] == 5


def test_majority_judgment_refuses_choice_ballots():
    with pytest.raises(InvalidInput, match=r"ballots\[0\]\.choice"):
        tally_document({"method": "majority_judgment", "candidates": ["A"],
                        "ballots": [{"choice": "pour"}]})


def test_a_null_grade_reads_as_ungraded():
    # "An optional key set to null reads as absent": a candidate graded null is ungraded.
    with_null = judge(["A", "B"], {"A": "Bien", "B": None}, {"A": "Passable", "B": "Bien"})
    left_out = judge(["A", "B"], {"A": "Bien"}, {"A": "Passable", "B": "Bien"})
    assert with_null == left_out
    assert with_null["counts"]["profiles"]["B"]["À rejeter"] == 1


def test_names_match_whatever_the_unicode_form_of_their_accents():
    decomposed, composed = "e\u0301lus", "\u00e9lus"  # « élus » typed two ways
    document = json.dumps({
        "method": "majority_judgment", "candidates": ["Cre\u0300che", "Jardin"],
        "grades": ["Tre\u0300s bien", "Bien"], "colleges": {decomposed: 1},
        "ballots": [{"college": composed, "grades": {"Cr\u00e8che": "Tr\u00e8s bien", "Jardin": "Bien"}}]})
    result = tally_document(load_document(document))  # what `cocon tally` reads
    assert result["winner"] == "Cr\u00e8che"
    assert result["majority_grades"]["Cr\u00e8che"] == "Tr\u00e8s bien"
    # two keys that differ only in how their accent is encoded are one key, written twice
    with pytest.raises(InvalidInput, match="duplicate key"):
        load_document('{"method": "consent", "colleges": {"%s": 1, "%s": 2}, "ballots": []}'
                      % (decomposed, composed))


def test_tied_candidates_are_listed_in_french_alphabetical_order():
    result = judge(["Zèbre", "Éco", "abeille"], {"Zèbre": "Bien", "Éco": "Bien", "abeille": "Bien"})
    assert [e["candidate"] for e in result["ranking"]] == ["abeille", "Éco", "Zèbre"]
    assert result["tied"] == ["abeille", "Éco", "Zèbre"]
    # then unaccented before accented, lower case before capitals
    names = ["Éco", "éco", "Eco", "eco"]
    result = judge(names, {name: "Bien" for name in names})
    assert [e["candidate"] for e in result["ranking"]] == ["eco", "Eco", "éco", "Éco"]


def test_labels_and_reasons_are_echoed_as_written():
    # only names are composed; a title keeps its code points (U+212B ANGSTROM SIGN is not Å)
    title = "Vote \u212b \u00e9lu\u0301"
    result = tally_document(load_document(json.dumps({
        "method": "consent", "title": title,
        "ballots": [{"choice": "objection", "reason": "Pas de budget \u212b"}]})))
    assert result["title"] == title
    assert result["objections"][0]["reason"] == "Pas de budget \u212b"
