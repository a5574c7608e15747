"""Counting results (`tally_document`) become the votes the minutes show, nothing dropped."""

from __future__ import annotations

from cocon.minutes.export import export_minutes
from cocon.minutes.extract import extract_text, normalise
from cocon.minutes.votes import vote_from_result
from cocon.proposals.counting import tally_document
from minutes_factories import make_document
from cocon.minutes.document import AgendaItemMinutes


def test_a_weighted_majority_keeps_counts_colleges_quorum_and_share():
    result = tally_document({
        "method": "simple_majority", "eligible": 10, "quorum": 0.5, "present": 6,
        "colleges": {"élus": 2, "acteurs": 2, "observateurs": 0},
        "ballots": [{"choice": "pour", "college": "élus"}, {"choice": "pour", "college": "élus"},
                    {"choice": "contre", "college": "acteurs"},
                    {"choice": "pour", "college": "acteurs"},
                    {"choice": "abstention", "college": "acteurs"},
                    {"choice": "contre", "college": "observateurs"}]})
    vote = vote_from_result(result, question="Q ?", withdrawals=["X"], represented=1)
    assert vote.adopted is True and vote.counts["pour"] == 3 and vote.counts["cast"] == 5
    assert vote.quorum.eligible == 10 and vote.quorum.required == 5 and vote.quorum.met
    assert vote.quorum.represented == 1 and vote.weighted_share == "0.75"
    observers = next(c for c in vote.by_college if c.college == "observateurs")
    assert observers.advisory and observers.counts["contre"] == 1 and observers.weight == "0"


def test_consent_keeps_every_reasoned_objection():
    result = tally_document({"method": "consent", "colleges": {"a": 1, "b": 0}, "ballots": [
        {"choice": "consentement", "college": "a"},
        {"choice": "objection", "college": "b", "reason": "Pas chiffré"}]})
    vote = vote_from_result(result, question="Q")
    assert vote.adopted is True
    assert [(o.reason, o.college, o.blocking) for o in vote.objections] == [
        ("Pas chiffré", "b", False)]


def test_majority_judgment_keeps_profiles_grades_and_ranking_through_an_export():
    result = tally_document({
        "method": "majority_judgment", "candidates": ["Tiers-lieu", "Recyclerie"],
        "grades": ["Très bien", "Bien", "Passable", "Insuffisant"],
        "ballots": [{"grades": {"Tiers-lieu": "Très bien", "Recyclerie": "Bien"}},
                    {"grades": {"Tiers-lieu": "Bien", "Recyclerie": "Bien"}},
                    {"grades": {"Tiers-lieu": "Passable", "Recyclerie": "Très bien"}},
                    {"grades": {"Tiers-lieu": "Bien"}}]})
    vote = vote_from_result(result, question="Quel projet ?", secret=True)
    assert vote.winner == "Tiers-lieu" and vote.grades[0] == "Très bien"
    assert vote.ranking[0].profile == {"Très bien": 1, "Bien": 2, "Passable": 1, "Insuffisant": 0}
    assert vote.quorum is None
    doc = make_document(items=[AgendaItemMinutes("Choix", votes=[vote])])
    text = normalise(extract_text(export_minutes(doc, "odt"), "odt"))
    assert "Tiers-lieu 1 Bien 1 2 1 0" in text and "Recyclerie 2 Bien 1 2 0 1" in text
