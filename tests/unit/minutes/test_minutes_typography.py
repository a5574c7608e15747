"""French typography in the French version; English dates and labels in the English one."""

from __future__ import annotations

from datetime import date, datetime, timezone

from minutes_factories import make_document

from cocon.minutes.export import export_minutes
from cocon.minutes.labels import LABELS, labels_for
from cocon.minutes.typography import NBSP, NNBSP, clean, format_day, format_when, french_spaces

WHEN = datetime(2026, 11, 23, 17, 30, tzinfo=timezone.utc)


def test_question_and_exclamation_marks_and_semicolons_get_a_narrow_no_break_space():
    assert french_spaces("Qui signe ? Tous ! Oui ; non") == (
        f"Qui signe{NNBSP}? Tous{NNBSP}! Oui{NNBSP}; non")
    assert french_spaces("Pourquoi?") == f"Pourquoi{NNBSP}?"


def test_the_colon_gets_a_no_break_space_but_times_and_urls_are_untouched():
    assert french_spaces("Note : voir. Lieu: mairie") == f"Note{NBSP}: voir. Lieu{NBSP}: mairie"
    assert french_spaces("à 18:30 sur https://ess.fr/?q=1") == "à 18:30 sur https://ess.fr/?q=1"


def test_guillemets_get_narrow_no_break_spaces_inside():
    assert french_spaces("«ouvert»") == f"«{NNBSP}ouvert{NNBSP}»"
    assert french_spaces("« ouvert »") == f"«{NNBSP}ouvert{NNBSP}»"


def test_french_spacing_is_idempotent():
    once = french_spaces("« Quoi ? » dit-il : « rien ! »")
    assert french_spaces(once) == once


def test_french_dates_are_written_out_in_paris_time():
    assert format_when(WHEN, "fr") == f"lundi 23 novembre 2026 à 18{NBSP}h{NBSP}30"
    assert format_day(date(2027, 1, 15), "fr") == "vendredi 15 janvier 2027"


def test_english_dates_use_the_english_locale():
    assert format_when(WHEN, "en") == "Monday, November 23, 2026 at 6:30 PM"
    assert format_day(WHEN, "en") == "Monday, November 23, 2026"


def test_both_languages_have_the_same_labels():
    assert set(LABELS["fr"]) == set(LABELS["en"])
    assert labels_for("en_GB")["attendance"] == "Attendance"
    assert labels_for("fr_FR")["attendance"] == "Émargement"


def test_the_french_export_applies_the_typography_to_labels_and_content():
    text = export_minutes(make_document(), "md").decode()
    assert f"Adopter la charte des achats responsables{NNBSP}?" in text
    assert f"Résultat{NBSP}: adoptée" in text
    assert f"«{NNBSP}mobilités{NNBSP}»" in text
    assert f"à 18{NBSP}h{NBSP}30" in text


def test_the_english_export_keeps_plain_spaces():
    text = export_minutes(make_document(locale="en"), "md").decode()
    assert NNBSP not in text
    assert "Result: adopted" in text and "Adopt the" not in text
    assert f"Result{NBSP}:" not in text


def test_clean_removes_control_characters_and_keeps_newlines():
    assert clean("a\x00b\x07c\nd\r\ne\x7f") == "abc\nd\ne"
