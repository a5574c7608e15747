"""Splitting into passages that keep their heading and position."""

from cocon.assistant.passages import MAX_DISPLAY_CHARS, is_heading, make_passages, split_sentences


def test_headings_are_short_lines_without_final_punctuation():
    assert is_heading("Les facteurs clés de succès")
    assert is_heading("Quelles pistes d’action pour les autorités locales ?")
    assert not is_heading("Les collectivités territoriales ont l’opportunité de contribuer au développement de l’ESS.")
    assert not is_heading("Pour plus d’information : www.groupe-sos.org")


def test_sentences_are_verbatim_pieces_of_the_paragraph():
    paragraph = ("Forme de société récente (février 2002), la SCIC se caractérise par : une vocation. "
                 "La loi de 2014 permet aux collectivités de détenir jusqu’à 50 % du capital. Voir M. Dupont ici.")
    sentences = split_sentences(paragraph)
    assert len(sentences) == 3
    assert all(s in paragraph for s in sentences)


def test_long_sentences_are_cut_below_the_display_limit():
    sentence = "mot, " * 400
    assert all(len(piece) <= 500 for piece in split_sentences(sentence))


def test_passages_keep_section_position_and_size_limit():
    paragraphs = ["Première partie"] + [f"Phrase numéro {i} qui parle de coopération territoriale." for i in range(80)] \
        + ["Deuxième partie"] + [f"Autre phrase {i} sur les monnaies locales." for i in range(40)]
    passages = make_passages("guide.txt", paragraphs, words=60, overlap=15)
    assert [p.position for p in passages] == list(range(len(passages)))
    assert passages[0].section == "Première partie"
    assert passages[-1].section == "Deuxième partie"
    assert all(len(p.text) <= MAX_DISPLAY_CHARS for p in passages)
    assert passages[1].passage_id == "guide.txt#1"
    # consecutive passages overlap so an answer split across a boundary is still found whole
    assert set(passages[0].sentences) & set(passages[1].sentences)


def test_every_sentence_is_in_some_passage():
    paragraphs = [f"Phrase {i} de test sur l’économie sociale." for i in range(50)]
    passages = make_passages("g.txt", paragraphs, words=40, overlap=10)
    covered = {s for p in passages for s in p.sentences}
    assert covered == set(paragraphs)
