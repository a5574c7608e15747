"""Vocabularies, field checks and French-aware text keys of the directory."""

from datetime import date

import pytest

from cocon.errors import InvalidInput
from cocon.organisations import vocabularies as voc
from cocon.organisations.fields import clean_organisation, clean_website
from cocon.organisations.text import name_key, search_key, search_terms


def test_legal_forms_are_the_five_ess_families():
    assert {f.value for f in voc.LegalForm} == {
        "association", "cooperative", "mutuelle", "fondation", "entreprise_ess"}
    assert set(voc.LEGAL_FORMS) == set(voc.LegalForm) == set(voc.FRENCH_LEGAL_FORMS)


def test_every_vocabulary_has_a_french_label_for_each_code():
    assert set(voc.SECTORS) == set(voc.FRENCH_SECTORS)
    assert set(voc.STAKES) == set(voc.FRENCH_STAKES)
    assert set(voc.COOPERATIVE_KINDS) == set(voc.FRENCH_COOPERATIVE_KINDS)
    assert {"emploi", "logement", "alimentation", "economie_circulaire", "sante", "culture",
            "mobilite", "numerique", "transition_ecologique", "cohesion_sociale"} <= set(voc.STAKES)


@pytest.mark.parametrize("value, expected", [
    ("association", ("association", None)), ("Coopérative", ("cooperative", None)),
    ("COOPERATIVE", ("cooperative", None)), ("SCOP", ("cooperative", "scop")),
    ("scic", ("cooperative", "scic")), ("Mutuelle", ("mutuelle", None)),
    ("Entreprise commerciale de l'ESS", ("entreprise_ess", None)), ("SARL", (None, None)),
])
def test_legal_forms_are_found_by_code_or_french_label(value, expected):
    assert voc.legal_form_code(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("10-49", "10-49"), ("10 à 49 salariés", "10-49"), ("250+", "250+"), ("aucun", "0"),
    ("0", "0"), ("1-9", "1-9"), ("beaucoup", None)])
def test_size_ranges_accept_loose_spellings(value, expected):
    assert voc.size_code(value) == expected


def test_sectors_and_stakes_are_found_by_label_without_accents():
    assert voc.sector_code("energie") == "energie"
    assert voc.stake_code("Économie circulaire") == "economie_circulaire"
    assert voc.stake_code("economie circulaire") == "economie_circulaire"


def test_search_is_accent_folded_and_stemmed():
    assert search_terms("cooperative") == search_terms("Coopérative")
    assert search_terms("recycleries") == search_terms("recyclerie")
    assert search_terms("les coopératives d'habitants") == ["cooper", "habit"]


def test_search_key_puts_stems_between_spaces_for_prefix_matching():
    key = search_key("La Recyclerie", "Strasbourg")
    assert key.startswith(" ") and key.endswith(" ") and " recycler " in key


def test_name_key_makes_spellings_of_one_name_equal():
    assert name_key("Épicerie  Solidaire-du Port") == name_key("epicerie solidaire du port")
    assert name_key("Illkirch-Graffenstaden") == name_key("ILLKIRCH GRAFFENSTADEN")


@pytest.mark.parametrize("value", ["javascript:alert(1)", "ftp://example.org", "data:text/html,x",
                                   "http://", "https://exa mple.org"])
def test_websites_other_than_http_are_refused(value):
    with pytest.raises(InvalidInput):
        clean_website(value)


def test_websites_get_https_when_the_scheme_is_left_out():
    assert clean_website("example.org") == "https://example.org"
    assert clean_website("http://example.org/x") == "http://example.org/x"


BASE = {"name": "La Recyclerie", "legal_form": "association", "commune": "Strasbourg"}


def test_a_complete_organisation_is_normalised():
    out = clean_organisation(BASE | {"legal_form": "SCIC", "sectors": "energie|Culture et arts",
                                     "stakes": ["emploi", "emploi"], "esus": True,
                                     "esus_date": "03/02/2021", "postcode": "67000",
                                     "latitude": "48,58", "longitude": "7.75",
                                     "size_range": "10-49"})
    assert (out["legal_form"], out["cooperative_kind"]) == ("cooperative", "scic")
    assert out["sectors"] == " energie culture " and out["stakes"] == " emploi "
    assert out["esus_date"] == date(2021, 2, 3) and out["latitude"] == 48.58


@pytest.mark.parametrize("change, message", [
    ({"legal_form": "SARL"}, "Unknown legal form"), ({"name": " "}, "required"),
    ({"stakes": "bonheur"}, "Unknown stake"), ({"postcode": "6700"}, "five digits"),
    ({"latitude": "48.5"}, "both"), ({"latitude": "120", "longitude": "7"}, "out of range"),
    ({"cooperative_kind": "kolkhoze", "legal_form": "cooperative"}, "cooperative kind"),
    ({"size_range": "beaucoup"}, "size range"),
])
def test_bad_fields_are_refused_with_a_clear_message(change, message):
    with pytest.raises(InvalidInput, match=message):
        clean_organisation(BASE | change)


def test_the_kind_of_a_non_cooperative_is_dropped_and_a_cooperative_has_one():
    assert clean_organisation(BASE | {"cooperative_kind": "scop"})["cooperative_kind"] is None
    assert clean_organisation(BASE | {"legal_form": "cooperative"})["cooperative_kind"] == "autre"
