"""Composing an answer from cited sentences; validating questions."""

import pytest

from cocon.assistant.answer import ABSTENTION, Answer, AnswerSentence, Source, pick_sentences
from cocon.assistant.french import terms
from cocon.assistant.service import validate_question
from cocon.errors import InvalidInput

PASSAGES = [
    ["Les SCIC se caractérisent par le multisociétariat.", "Elles associent salariés, bénéficiaires et collectivités.",
     "Le reste du texte parle d’autre chose."],
    ["La loi de 2014 permet aux collectivités de détenir jusqu’à 50 % du capital d’une SCIC."],
]


def weights(question):
    return {t: 1.0 for t in terms(question)}


def test_every_picked_sentence_comes_verbatim_from_its_passage():
    picked = pick_sentences(weights("Quelle part du capital d'une SCIC les collectivités peuvent-elles détenir ?"),
                            PASSAGES)
    assert picked
    for source, sentence in picked:
        assert sentence in PASSAGES[source]


def test_the_most_relevant_sentence_is_picked():
    picked = pick_sentences(weights("capital SCIC collectivités détenir"), PASSAGES)
    assert (1, PASSAGES[1][0]) in picked


def test_answer_text_cites_each_sentence_and_abstention_says_so():
    source = Source(doc="g.txt", title="Guide", text=" ".join(PASSAGES[0]), score=1.0, publisher="Avise",
                    year=2021, section="Les SCIC")
    answer = Answer("q", False, [source], [AnswerSentence(PASSAGES[0][0], 0)])
    assert answer.text.startswith(PASSAGES[0][0])
    assert "« Guide », Avise, 2021, partie « Les SCIC »" in answer.text
    data = answer.to_dict()
    assert set(data) >= {"question", "answer", "abstained", "sources"}
    assert data["sources"][0]["doc"] == "g.txt"
    assert Answer("q", True, [source]).text == ABSTENTION


@pytest.mark.parametrize("bad", ["", "   \n\t", None, "x" * 1001])
def test_empty_or_oversized_questions_are_refused(bad):
    with pytest.raises(InvalidInput):
        validate_question(bad)


def test_html_in_a_question_is_just_text():
    assert validate_question("<script>alert(1)</script> SCIC ?") == "<script>alert(1)</script> SCIC ?"
