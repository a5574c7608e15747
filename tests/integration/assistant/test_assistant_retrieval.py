"""Retrieval and answers on a small fixture corpus with the real bundled model."""

from cocon.assistant.passages import MAX_DISPLAY_CHARS


def test_corrupt_pdf_and_empty_guide_are_skipped_and_the_rest_is_indexed(small_assistant):
    skipped = {s["doc"] for s in small_assistant.index.skipped}
    assert skipped == {"casse.pdf", "vide.txt"}
    assert {p.doc for p in small_assistant.index.passages} == {"guide-scic.txt", "guide-alimentation.md"}


def test_the_right_guide_answers_with_cited_sentences(small_assistant):
    answer = small_assistant.ask("Quelle part du capital d'une SCIC une collectivité peut-elle détenir ?", top_k=2)
    assert not answer.abstained
    assert answer.sources[0].doc == "guide-scic.txt"
    assert answer.sources[0].title == "Guide des SCIC" and answer.sources[0].year == 2024
    assert any("50 %" in s.text for s in answer.sentences)
    for sentence in answer.sentences:
        assert sentence.text in answer.sources[sentence.source].text


def test_metadata_falls_back_to_the_file_name(small_assistant):
    answer = small_assistant.ask("jardins partagés et épiceries solidaires", top_k=1)
    assert answer.sources[0].doc == "guide-alimentation.md"
    assert answer.sources[0].title == "Guide alimentation"


def test_a_figure_the_guides_do_not_give_is_not_answered_with_other_sentences(small_assistant):
    # The guide speaks of SCIC and local currencies but gives no count of either: quoting its
    # sentences would look like an answer to "how many" without a number.
    for question in ("Combien de SCIC existe-t-il en France ?",
                     "Combien de monnaies locales sont reconnues comme moyens de paiement ?"):
        answer = small_assistant.ask(question)
        assert answer.abstained and not answer.sentences, question
        assert answer.sources and answer.sources[0].doc == "guide-scic.txt"  # still shown as the nearest
    # the same subject, a figure the guide does give: answered, with it
    answer = small_assistant.ask("Jusqu'à combien du capital d'une SCIC une collectivité peut-elle détenir ?")
    assert not answer.abstained
    assert any("50 %" in s.text for s in answer.sentences)


def test_unrelated_question_abstains(small_assistant):
    answer = small_assistant.ask("Quelle est la recette de la tarte tatin ?")
    assert answer.abstained
    assert "ne répondent pas" in answer.text and "atelier" in answer.text


def test_foreign_language_and_html_questions_get_a_normal_answer(small_assistant):
    for question in ("What is the weather like in Tokyo today?", "<script>alert('x')</script>"):
        data = small_assistant.ask(question).to_dict()
        assert set(data) >= {"question", "answer", "abstained", "sources"}
        assert data["abstained"] is True


def test_sources_respect_the_contract(small_assistant):
    data = small_assistant.ask("monnaies locales", top_k=3).to_dict()
    scores = [s["score"] for s in data["sources"]]
    assert scores == sorted(scores, reverse=True)
    for source in data["sources"]:
        assert {"doc", "title", "text", "score"} <= set(source)
        assert len(source["text"]) <= MAX_DISPLAY_CHARS
