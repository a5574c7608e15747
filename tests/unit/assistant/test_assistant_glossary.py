"""Acronyms the guides define, harvested when the index loads, and the thesaurus triggers."""

import numpy as np
import pytest

from cocon.assistant.glossary import (ACRONYMS, Glossary, expand, harvest_acronyms, long_form_start,
                                      looks_like_acronym, synonyms)
from cocon.assistant.index import Index
from cocon.assistant.passages import Passage

TEXTS = [
    "Les contrats de relance et de transition écologique (CRTE) ont pour objectif de mettre en cohérence "
    "les politiques publiques menées entre les collectivités et l’État.",
    "On compte 82 monnaies locales complémentaires (MLC) ancrées sur leur territoire.",
    "C’est une autre conception des échanges à l’image des SEL (Systèmes d’échanges locaux) nés en Amérique.",
    "Des appels à manifestations d’intérêt (AMI) ont été lancés, dont l’AMI TremplinAsso.",
    "Le Plan climat-air-énergie territorial (PCAET) fixe des objectifs.",
    "Un établissement et service d’aide par le travail (ESAT) accueille des travailleurs handicapés.",
    "La chambre régionale de l’ESS (CRESS) anime le réseau.",
    "Le sel de la terre, dit le proverbe.",
]


def test_the_guides_define_their_own_acronyms_both_ways():
    found = harvest_acronyms(TEXTS)
    assert found["CRTE"] == "contrats de relance et de transition écologique"
    assert found["MLC"] == "monnaies locales complémentaires"
    assert found["SEL"] == "Systèmes d’échanges locaux"  # "ACRONYM (long form)"
    assert found["AMI"] == "appels à manifestations d’intérêt"  # "à" gives no letter
    assert found["PCAET"] == "Plan climat-air-énergie territorial"
    assert found["ESAT"] == "établissement et service d’aide par le travail"  # not "et service …"


@pytest.mark.parametrize("token, expected", [("CRTE", True), ("SRADDET", True), ("R&D", True),
                                             ("Niger", False), ("Scop", False), ("ESS", True)])
def test_what_looks_like_an_acronym(token, expected):
    assert looks_like_acronym(token) is expected


def test_a_long_form_must_spell_the_acronym_by_initials():
    assert long_form_start("CRTE", "les contrats de relance et de transition écologique".split()) == 1
    assert long_form_start("CRTE", "un tout autre texte sans rapport".split()) is None


def test_the_hand_written_meaning_wins_over_the_harvested_one():
    glossary = Glossary.from_texts(TEXTS)
    assert glossary.acronyms["CRESS"] == ACRONYMS["CRESS"]
    assert glossary.acronyms["CRTE"] == "contrats de relance et de transition écologique"


def test_a_question_with_only_the_acronym_gets_the_long_form_and_vice_versa():
    glossary = Glossary.from_texts(TEXTS)
    assert "contrats de relance et de transition écologique" in glossary.expand("CRTE et ESS : de quoi s'agit-il ?")
    assert "contrats de relance" not in expand("CRTE et ESS : de quoi s'agit-il ?")  # hand-written list alone
    assert "MLC" in glossary.expand("Combien de monnaies locales complémentaires ?")
    assert "MLC" in glossary.expand("une monnaie locale complémentaire")  # singular meets plural
    assert "Systèmes d’échanges locaux" in glossary.expand("c quoi un SEL")


def test_an_acronym_that_is_also_an_ordinary_word_needs_capitals():
    glossary = Glossary.from_texts(TEXTS)
    assert "échanges" not in glossary.expand("le sel de la terre")
    assert "échanges" in glossary.expand("le SEL de mon quartier")


def test_acronyms_are_looked_up_as_whole_words():
    glossary = Glossary({"EAST": "Eau, agriculture et santé en milieu tropical"})
    assert glossary.expand("la coopération eastern") == ""


def test_the_index_harvests_its_passages_once():
    passages = [Passage(passage_id=f"g.txt#{i}", doc="g.txt", position=i, section="", sentences=[t])
                for i, t in enumerate(TEXTS)]
    index = Index(passages, {}, np.zeros((len(TEXTS), 2), np.float32), None, None)
    assert index.glossary().acronyms["CRTE"].startswith("contrats de relance")
    assert index.glossary() is index.glossary()


@pytest.mark.parametrize("question", ["Comment soutenir les acteurs locaux ?", "Le rôle des élus locaux",
                                      "Que prévoient les plans locaux d'urbanisme ?"])
def test_the_adjective_locaux_does_not_bring_premises(question):
    assert "loyers" not in synonyms(question)


@pytest.mark.parametrize("question", ["Comment trouver des locaux pas chers ?", "Nos locaux sont trop petits",
                                      "Louer un local pour l'association"])
def test_premises_still_bring_premises(question):
    assert "loyers" in synonyms(question)
