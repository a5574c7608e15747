"""Composing an answer from cited sentences; validating questions."""

import pytest

from cocon.assistant.answer import (ABSTENTION, LINK_QUALITY, Answer, AnswerSentence, Source, _quotable,
                                    asks_for_figure, needs_figure, pick_sentences,
                                    states_quantity)
from cocon.assistant.passages import split_sentences
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


# --- quotability of links, cut sentences, figure questions, neighbouring passages ---------------

SEL = ("C’est une autre conception des échanges à l’image des SEL (Systèmes d’échanges locaux) nés en "
       "Amérique du Nord dans les années 1980 avant de voir le jour en France quelques années après "
       "(pour en savoir plus : www.selidaire.org).")


def test_a_sentence_with_a_reference_link_is_still_quotable():
    assert _quotable(SEL) == pytest.approx(LINK_QUALITY)
    picked = pick_sentences(weights("systèmes d'échanges locaux"), [["Un autre sujet sans rapport ici.", SEL]])
    assert picked == [(0, SEL)]


@pytest.mark.parametrize("reference", [
    "Pour plus d’informations concernant le DLA de votre région, rendez-vous sur : www.info-dla.fr",
    "Voir www.avise.org.",
    "[1] Centre de ressources de l’ANCT sur les CRTE : https://agence-cohesion-territoires.gouv.fr/CRTE",
    "Source : https://www.insee.fr/fr/statistiques",
])
def test_a_bare_link_or_a_footnote_is_not_an_answer(reference):
    assert _quotable(reference) == 0.0


LONG = ("Concernant les subventions, par exemple, plusieurs bonnes pratiques ont été identifiées, telles que "
        "proposer un accompagnement administratif, politique et technique en complément du soutien financier "
        "- via du mécénat de compétence par exemple - ou favoriser des conventions pluriannuelles d’objectifs "
        "plutôt que des subventions annuelles, qui permettent en général d’alléger les charges administratives, "
        "de faciliter la gestion de trésorerie des structures, de mieux anticiper leurs projets et de sécuriser "
        "leurs emplois sur plusieurs années, ce qui compte beaucoup pour les petites structures associatives.")


def test_the_pieces_of_a_sentence_cut_for_length_are_quotable_and_quoted_together():
    pieces = split_sentences(LONG)
    assert len(pieces) == 2 and pieces[0].endswith(",")
    assert _quotable(pieces[0]) > 0
    passage = ["Un autre sujet sans rapport ici."] + pieces
    picked = pick_sentences(weights("conventions pluriannuelles ou subventions annuelles ?"), [passage])
    assert picked == [(0, LONG)]  # both pieces, joined back: still verbatim
    assert picked[0][1] in " ".join(passage)


def test_a_cut_piece_quoted_alone_loses_its_dangling_comma_but_stays_verbatim():
    head = "Premier morceau d’une très longue phrase sur les conventions pluriannuelles d’objectifs, " * 3
    passage = [head.strip(), "x " * 200 + "fin."]
    picked = pick_sentences(weights("conventions pluriannuelles"), [passage])
    assert picked and not picked[0][1].endswith(",")
    assert picked[0][1] in " ".join(passage)


@pytest.mark.parametrize("question, expected", [
    ("Combien de salariés travaillent dans l'ESS ?", True),
    ("En quelle année la loi a-t-elle été votée ?", True),
    ("En dessous de quel montant un marché peut-il être négocié ?", True),
    ("À partir de quel seuil faut-il publier ?", True),
    ("Quel est le délai d'instruction ?", True),
    ("Quel pourcentage des marchés ?", True),
    ("Quels sont les principes d'une SCIC ?", False),
    ("Comment une commune soutient-elle l'ESS ?", False),
])
def test_questions_asking_for_a_figure_are_recognised(question, expected):
    assert asks_for_figure(question) is expected


@pytest.mark.parametrize("question, expected", [
    ("Combien de salariés travaillent dans l'ESS ?", True),
    ("L'agrément ESUS est valable combien de temps ?", True),
    ("En quelle annee la loi a-t-elle ete votee ?", True),
    ("Depuis quelle année le Brésil a-t-il un secrétariat ?", True),
    ("Quel est le montant maximum d’un prêt ?", True),
    ("Quelle part des structures relève de l'ESS ?", True),
    ("À partir de quel seuil faut-il publier ?", True),
    ("Quel est son montant ?", True),
    ("Quel a été le nombre de participants ?", True),
    ("Quel est exactement le montant ?", True),
    ("Montant maximum du prêt d'honneur ?", True),
    ("Nombre de salariés de l'ESS ?", True),
    ("Depuis quand existe le Conseil ?", True),
    ("En quel mois a lieu le Mois de l'ESS ?", True),
    ("Quel est l'écart de salaire maximal ?", True),
    ("Quel est le prix du repas ?", True),
    # asked for a figure in other words, or answerable in words: not only a figure
    ("Quelle part les collectivités prennent-elles dans le développement de l'ESS ?", False),
    ("Quelles sont les parts sociales d'une SCIC ?", False),
    ("Quels prix récompensent les initiatives de l'ESS ?", False),
    ("Quel budget participatif la ville a-t-elle lancé ?", False),
    ("À partir de quel moment une association doit-elle s'immatriculer ?", False),
    ("Quand une commune peut-elle entrer au capital d'une SCIC ?", False),
    ("Quel niveau d'engagement attend-on des élus ?", False),
    ("Quels sont les principes d'une SCIC ?", False),
    ("Comment une commune soutient-elle l'ESS ?", False),
])
def test_questions_only_a_figure_can_answer_are_recognised(question, expected):
    assert needs_figure(question) is expected


@pytest.mark.parametrize("sentence, expected", [
    ("Le fonds finance 14 projets par an.", True),
    ("Un salarié sur dix travaille dans l'ESS.", True),
    ("La moitié des collectivités ont un élu chargé de l'ESS.", True),
    ("L'accompagnement dure un an.", True),
    ("Elle emploie plusieurs milliers de personnes.", True),
    ("Le mois de l’ESS a lieu en novembre dans toute la France.", True),
    ("Une quinzaine d'hectares seront réhabilités.", True),
    ("Le programme accompagne les porteurs de projet durant neuf mois.", True),
    ("La plupart des collectivités ont nommé un élu.", True),
    ("Les tiers-lieux se multiplient dans les quartiers.", False),
    ("L'entreprise vend ses services à des tiers.", False),
    ("Un logement neuf et sain pour chacun.", False),
    ("La majorité municipale a voté le plan.", False),
    ("Deux tiers d'entre elles sont des associations.", True),
    ("• % d'emplois de l'ESS sur l'emploi total.", False),  # a heading with a unit, no number
    ("3. Former les élus et les agents à l'ESS.", False),  # a list's numbering
    ("Le Groupe SOS met l'efficacité économique au service de l'intérêt général.", False),
    ("Le DLA accompagne les structures d'utilité sociale.", False),
])
def test_a_quantity_is_a_number_in_digits_or_in_words(sentence, expected):
    assert states_quantity(sentence) is expected


def test_a_figure_question_prefers_the_sentence_with_the_figure():
    passage = ["Les marchés négociés sans publicité ni mise en concurrence allègent les démarches des structures.",
               "Les marchés négociés sans publicité sont possibles en dessous de 40 000 € hors taxes."]
    question = "En dessous de quel montant un marché négocié sans publicité ?"
    first = pick_sentences(weights(question), [passage], limit=1, figure=True)
    assert first == [(0, passage[1])]


def test_a_neighbour_of_the_best_passage_counts_as_part_of_it():
    # A list split across two neighbouring passages: its second half ranks third.
    best = ["Plusieurs dispositions facilitent l’accès des petites structures aux marchés publics :",
            "• l’allotissement des marchés publics, qui ouvre l’accès aux petites structures ;"]
    other = ["Un tout autre passage sur la commande publique et les clauses sociales."]
    neighbour = ["• les marchés négociés sans publicité, pour les petites structures ;"]
    question = weights("Quels marchés publics sont accessibles aux petites structures sans publicité ?")
    passages = [best, other, neighbour]
    alone = pick_sentences(question, passages, blocks=[0, 1, 2], positions=[111, 40, 112])
    together = pick_sentences(question, passages, blocks=[0, 1, 0], positions=[111, 40, 112])
    assert (2, neighbour[0]) not in alone
    assert (2, neighbour[0]) in together


def test_the_best_sentence_comes_first_and_a_list_stays_with_its_announcement():
    passage = ["La SCIC associe plusieurs catégories d’associés autour d’un même projet.",
               "Elle repose sur trois principes :",
               "• le multisociétariat des salariés et des bénéficiaires ;",
               "• l’intérêt collectif ;"]
    picked = [text for _, text in pick_sentences(weights("principes multisociétariat bénéficiaires"), [passage])]
    assert picked[:3] == passage[1:4]


def test_the_number_of_a_list_item_is_not_a_figure():
    passage = ["3. Former les élus aux enjeux des monnaies locales complémentaires en France.",
               "On compte 82 monnaies locales complémentaires en France."]
    first = pick_sentences(weights("Combien de monnaies locales complémentaires en France ?"), [passage],
                           limit=1, figure=True)
    assert first == [(0, passage[1])]
