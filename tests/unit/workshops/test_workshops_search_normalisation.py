"""French analysis for search: accents folded, stems, stop words."""

from cocon.search import analyse, fold


def test_accents_and_case_are_folded():
    assert fold("Coopérative ÉCONOMIE œuvre") == "cooperative economie oeuvre"


def test_singular_plural_and_accents_share_a_stem():
    assert analyse("coopérative") == analyse("coopératives") == analyse("cooperative")


def test_stop_words_and_elisions_are_dropped():
    assert analyse("l'économie de la région") == analyse("économie région")


def test_numbers_are_kept_whole():
    assert "2026" in analyse("en 2026")
