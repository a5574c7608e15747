"""French normalisation, typo tolerance and the glossary."""

from cocon.assistant.french import content_words, fold, question_words, terms, words
from cocon.assistant.glossary import expand, synonyms
from cocon.assistant.lexical import LexicalIndex, Speller, damerau


def test_folding_removes_accents_and_ligatures():
    assert fold("Économie ŒUVRE coopération") == "economie oeuvre cooperation"


def test_elisions_and_stop_words_are_removed():
    assert content_words("Qu’est-ce que l’économie d’une SCIC ?") == ["economie", "scic"]


def test_missing_accents_give_the_same_terms():
    assert terms("économie coopérative décentralisée") == terms("economie cooperative decentralisee")


def test_plural_and_singular_share_a_stem():
    assert terms("les collectivités") == terms("la collectivité")


def test_damerau_counts_a_transposition_as_one_edit():
    assert damerau("definiton", "definition") == 1
    assert damerau("solidiare", "solidaire") == 1


def test_speller_corrects_typos_against_the_corpus_vocabulary():
    speller = Speller({"monnaies": 10, "financement": 7, "visent": 3, "cooperative": 4})
    assert speller.correct("monaies") == "monnaies"
    assert speller.correct("finnancement") == "financement"
    assert speller.correct("monnaies") is None  # known words are left alone
    assert speller.correct("disent") is None  # a different first letter is another word


def test_lexical_search_finds_a_passage_despite_typos_and_missing_accents():
    index = LexicalIndex.build(["Les monnaies locales complémentaires favorisent les circuits courts.",
                                "La commande publique responsable intègre des clauses sociales."])
    scores = index.scores(index.query_terms("monaies locales complementaires"))
    assert scores[0] > 0 and scores[1] == 0


def test_glossary_expands_acronyms_and_phrases_both_ways():
    assert "société coopérative d'intérêt collectif" in expand("Qu'est-ce qu'une SCIC ?")
    assert "SCIC" in expand("une societe cooperative d'interet collectif")
    assert expand("Que fait l'ESS ?") == ""  # too common to help
    assert expand("il est là") == ""


def test_thesaurus_maps_everyday_words_to_the_guides_words():
    assert "commande publique" in synonyms("Comment une mairie peut-elle décrocher des marchés publics ?")
    assert synonyms("Quelle est la capitale ?") == ""


def test_a_verb_and_its_inverted_pronoun_are_not_a_compound():
    # "peut-elle" once gave an unknown term "peutel" that made the assistant abstain
    assert terms("Comment une collectivité peut-elle soutenir l'ESS ?") == \
        terms("Comment une collectivité soutenir l'ESS ?")
    assert "doiton" not in words("Que doit-on faire ?")


def test_real_compounds_still_meet_their_joined_form():
    assert "microcredit" in words("le micro-crédit")


def test_question_fillers_are_not_question_words():
    assert question_words("l eusko cest quoi exactement") == ["eusko"]
    assert question_words("PAEN et ZAP, ça veut dire quoi ?") == ["paen", "zap"]
    assert question_words("Bonjour, c koi un ptce svp merci") == ["ptce"]


def test_fillers_do_not_count_as_words_no_guide_contains():
    index = LexicalIndex.build(["L’Eusko est une monnaie locale lancée en 2013 au Pays basque.",
                                "La commande publique responsable intègre des clauses sociales."])
    assert index.unknown_share(index.query_terms("l eusko cest quoi exactement")) == 0.0
    assert index.unknown_share(index.query_terms("la météo du week-end")) > 0.5


def test_a_guide_asked_about_is_a_word_but_the_guides_as_a_source_are_not():
    assert "guide" in question_words("L'AIMF prévoit-elle de rédiger un guide pratique pour les élus locaux ?")
    assert "guid" in terms("Elaborer un guide proposant une démarche")  # the guides index the word
    for question in ("Que disent les guides de la mise en réseau ?", "Quel rôle jouent les CRESS selon les "
                     "différents guides ?", "Les guides parlent-ils du microcrédit ?",
                     "Quels leviers le guide propose-t-il ?"):
        assert not {"guide", "guides"} & set(question_words(question)), question


def test_short_forms_are_written_out():
    assert question_words("les assos de solidarité") == ["associations", "solidarite"]
