"""The PDF-extraction repairs, on real lines from the guides."""

from cocon.assistant.repair import (drop_page_furniture, fix_ligatures, join_hyphenated,
                                    join_split_words, repair_text, unwrap, word_vocabulary)


def test_fi_ligature_at_word_start_is_restored():
    line = "entreprises et des entrepreneurs de l’ESS : intégration de clauses sociales dans la politique d’achat, % nancement de projets,"
    assert "financement de projets" in fix_ligatures(line)


def test_ffi_ligature_is_restored():
    assert fix_ligatures("le Groupe SOS met l’e&  cacité économique au service") == \
        "le Groupe SOS met l’efficacité économique au service"
    assert "difficulté" in fix_ligatures("insertion par le travail de personnes en di&  cultél")


def test_ff_ligature_is_restored():
    assert fix_ligatures("distribuant en moyenne 320 plats par jour pour ses di> érents membres.") == \
        "distribuant en moyenne 320 plats par jour pour ses différents membres."
    assert "offre un système" in fix_ligatures("o> re un système de restauration")


def test_fi_ligature_inside_words_is_restored():
    assert fix_ligatures("le Groupe SOS a su se diversi% er progressivement") == \
        "le Groupe SOS a su se diversifier progressivement"
    assert fix_ligatures("En% n, les leviers") == "Enfin, les leviers"
    assert fix_ligatures("a% n de former toujours plus de jeunes") == "afin de former toujours plus de jeunes"


def test_fl_ligature_is_restored():
    assert "influentes" in fix_ligatures("les principales personnalités in? uentes ainsi que le grand public")


def test_percentages_are_left_alone():
    for line in ("soit 2,3 millions de personnes, dont 16 % en Île-de-France.",
                 "une couverture de 75% des dépenses", "charge de 100  % des dépenses",
                 "•  % d’emplois de l’ESS sur l’emploi total."):
        assert fix_ligatures(line) == line


def test_line_end_hyphenation_is_joined():
    paragraphs = unwrap(["Ils ont gé-", "néralement un rôle moteur."])
    assert paragraphs == ["Ils ont généralement un rôle moteur."]


def test_inline_hyphenation_left_by_extraction_is_joined():
    assert unwrap(["Ils ont gé- néralement un rôle moteur."]) == ["Ils ont généralement un rôle moteur."]


def test_real_compounds_keep_their_hyphen():
    assert join_hyphenated("l’éco", "construction") == "l’éco-construction"
    assert join_hyphenated("Pierre", "Joseph Proudhon") == "Pierre-Joseph Proudhon"
    assert join_hyphenated("socia", "lement") == "socialement"


def test_lines_broken_mid_sentence_are_joined_even_across_blank_lines():
    lines = ["L’ARENE Île-de-France souhaite appuyer l’évolution et l’émergence ", "",
             "de nouvelles pratiques pour la coopération décentralisée et, d’une ", "",
             "façon générale, pour les collectivités territoriales."]
    assert unwrap(lines) == ["L’ARENE Île-de-France souhaite appuyer l’évolution et l’émergence de nouvelles "
                             "pratiques pour la coopération décentralisée et, d’une façon générale, pour les "
                             "collectivités territoriales."]


def test_a_new_paragraph_starts_after_a_full_stop_and_a_blank_line():
    lines = ["Elle favorise l’enrichissement mutuel des pratiques.", "", "L’étude avait deux objectifs principaux."]
    assert len(unwrap(lines)) == 2


def test_stray_page_numbers_and_single_letters_are_dropped():
    lines = ["Préface", "", "5", "", "O", "L’étude réalisée par l’ARENE en 2011"]
    assert drop_page_furniture(lines) == ["Préface", "", "", "L’étude réalisée par l’ARENE en 2011"]


def test_running_headers_are_dropped():
    header = "Territoires urbains, ESS et innovation sociale"
    lines = []
    for page in range(5):
        lines += [header, f"Texte de la page {page} qui parle d’autre chose."]
    kept = drop_page_furniture(lines)
    assert header not in kept and len(kept) == 5


def test_words_split_by_justified_spacing_are_rejoined():
    vocabulary = word_vocabulary("travailler " * 3 + "principes " * 3)
    assert join_split_words("Elle s’attache à tra vailler sur les prin cipes", vocabulary) == \
        "Elle s’attache à travailler sur les principes"
    assert join_split_words("de main", word_vocabulary("demain demain")) == "de main"


def test_repair_text_applies_everything_to_a_real_excerpt():
    raw = ("Les élus locaux ont l’opportunité de générer un environnement positif avec des actions concrètes en faveur des \n"
           "entreprises et des entrepreneurs de l’ESS : intégration de clauses sociales dans la politique d’achat, % nancement de projets, \n"
           "incubateurs d’entreprises de l’ESS.\n\n12\n")
    paragraphs = repair_text(raw)
    assert paragraphs == ["Les élus locaux ont l’opportunité de générer un environnement positif avec des actions "
                          "concrètes en faveur des entreprises et des entrepreneurs de l’ESS : intégration de clauses "
                          "sociales dans la politique d’achat, financement de projets, incubateurs d’entreprises de l’ESS."]


def test_wingdings_bullets_extracted_as_z_become_bullets():
    paragraphs = repair_text("Toutes les entreprises de l’ESS doivent respecter les principes suivants :\n"
                             " z un but poursuivi autre que le seul partage des bénéfices ;\n"
                             " z une gouvernance démocratique ;\n")
    assert paragraphs[1] == "• un but poursuivi autre que le seul partage des bénéfices ;"
    assert repair_text("La zone z est au sud.") == ["La zone z est au sud."]


def test_a_split_word_is_rejoined_when_the_whole_word_is_much_more_frequent_than_its_piece():
    # The guide splits "asso ciations" so often that "asso" looks like a word of its own.
    vocabulary = word_vocabulary("associations " * 20 + "asso ciations " * 4 + "coopérative " * 12 + "coo " * 3)
    assert join_split_words("des asso ciations et une coo pérative", vocabulary) == \
        "des associations et une coopérative"
    # Two real words stay apart: "entre" is more frequent than "entreprises".
    vocabulary = word_vocabulary("entre " * 30 + "entreprises " * 10 + "prises " * 3)
    assert join_split_words("entre prises de position", vocabulary) == "entre prises de position"
