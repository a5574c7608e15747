"""Every export, read back with its own parser, says the same thing as the document."""

from __future__ import annotations

import dataclasses

import pytest
from minutes_factories import make_document

from cocon.minutes.export import FORMATS, export_minutes
from cocon.minutes.extract import detect_format, embedded_fingerprint, extract_text, normalise
from cocon.minutes.hashing import content_hash

PARSED = ("md", "pdf", "odt", "docx", "html")


@pytest.fixture(scope="module")
def exports():
    doc = make_document()
    return doc, {fmt: export_minutes(doc, fmt) for fmt in FORMATS}


def read(data: bytes, fmt: str) -> str:
    """The export's text as its parser returns it, table rules and whitespace flattened."""
    return normalise(extract_text(data, fmt).replace("|", " "))


@pytest.mark.parametrize("fmt", PARSED)
def test_each_format_is_detected_from_its_bytes(exports, fmt):
    assert detect_format(exports[1][fmt]) == fmt


@pytest.mark.parametrize("fmt", PARSED)
def test_attendance_figures_by_college_and_quorum_are_in_every_format(exports, fmt):
    text = read(exports[1][fmt], fmt)
    assert "Élu·es 5 1 1 1 8" in text
    assert "Acteurs de l'ESS 6 2 2 2 12" in text
    assert "Total 13 4 4 3 24" in text
    assert "Requis 15 — quorum atteint" in text
    assert "Élu·e Personne 3 représenté·e Claire Dubois" in text


@pytest.mark.parametrize("fmt", PARSED)
def test_each_vote_result_is_in_every_format(exports, fmt):
    text = read(exports[1][fmt], fmt)
    for row in ("Pour 17", "Contre 4", "Abstention 3", "Suffrages exprimés 21", "Bulletins 24"):
        assert row in text
    assert "Résultat : adoptée" in text
    assert "Agents 0 (consultatif) 2 0 0" in text
    assert "Déports (intérêt personnel) : Paul Martin" in text
    assert "Bulletins papier : 5 ; Votes en ligne : 19" in text
    # consent: counts and the reasoned objection
    assert "Consentement 14 Objection 1" in text
    assert ("La charte ne prévoit pas d'accessibilité pour les personnes sourdes "
            "(Acteurs de l'ESS, bloquante)") in text
    assert "Résultat : rejetée" in text
    # majority judgment: merit profiles, majority grades, ranking and winner
    assert "Tiers-lieu 1 Bien 2 3 2 1 1 1" in text
    assert "Monnaie locale 2 Bien 1 2 4 2 1 0" in text
    assert "Option retenue : Tiers-lieu" in text
    assert "jugement majoritaire — scrutin secret" in text


@pytest.mark.parametrize("fmt", PARSED)
def test_orientations_actions_and_next_session_are_in_every_format(exports, fmt):
    text = read(exports[1][fmt], fmt)
    assert ("Le conseil adopte la charte des achats responsables et invite les collectivités "
            "à la signer.") in text
    assert "Envoyer la charte aux communes Claire Dubois vendredi 15 janvier 2027" in text
    assert "Prochaine séance lundi 15 mars 2027 à 18 h 00" in text
    assert "Date : lundi 23 novembre 2026 à 18 h 30" in text


@pytest.mark.parametrize("fmt", PARSED)
def test_every_format_ends_with_the_content_fingerprint(exports, fmt):
    doc, files = exports
    assert embedded_fingerprint(extract_text(files[fmt], fmt)) == content_hash(doc)


@pytest.mark.parametrize("fmt", PARSED)
def test_the_english_version_has_english_labels(fmt):
    data = export_minutes(make_document(locale="en"), fmt)
    text = read(data, fmt)
    for label in ("Attendance", "Adopted orientations", "Result: adopted", "For 17",
                  "Winning option: Tiers-lieu", "Content SHA-256", "Monday, November 23, 2026"):
        assert label in text
    assert "Émargement" not in text


def test_an_item_without_notes_or_votes_still_appears(exports):
    text = read(exports[1]["odt"], "odt")
    assert "Point 4. Questions diverses Pas de notes pour ce point. Aucun vote sur ce point." in text


def test_a_session_that_never_met_exports_in_every_format():
    doc = dataclasses.replace(make_document(), items=[], attendance=[], quorum=None,
                              orientations=[], actions=[], starts_at=None, next_session_at=None)
    for fmt in FORMATS:
        text = read(export_minutes(doc, fmt), fmt)
        assert "Aucune orientation adoptée." in text and "non fixée" in text
        assert embedded_fingerprint(text) == content_hash(doc)
