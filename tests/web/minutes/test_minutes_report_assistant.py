"""The annual report's section on what people asked the assistant: anonymised, in every format."""

from __future__ import annotations

import io
import secrets
from datetime import datetime, timezone
from html import unescape

from cocon.assistant.models import AssistantQuestion

QUESTIONS_2026 = [
    ("Comment créer une coopérative d'habitants ?", False),
    ("Quelle coopérative pour un tiers-lieu ?", False),
    ("Une coopérative peut-elle recevoir une subvention ?", True),
    ("Monsieur Dupontel veut une subvention pour sa boulangerie", True),
]


def _log(app_db):
    for text, abstained in QUESTIONS_2026:
        app_db.add(AssistantQuestion(token=secrets.token_hex(8), question=text, abstained=abstained,
                                     confidence=0.5, asked_at=datetime(2026, 5, 4, 10, tzinfo=timezone.utc)))
    for when in (datetime(2025, 12, 31, 22, 30, tzinfo=timezone.utc),  # 23:30 in Paris: 2025
                 datetime(2026, 12, 31, 23, 30, tzinfo=timezone.utc)):  # 00:30 in Paris: 2027
        app_db.add(AssistantQuestion(token=secrets.token_hex(8), question="Coopérative d'ailleurs hors année",
                                     abstained=True, confidence=0.1, asked_at=when))
    app_db.commit()


def _readers():
    from docx import Document
    from odf import teletype
    from odf.opendocument import load
    from pypdf import PdfReader
    return {
        "md": lambda d: d.decode("utf-8"),
        "pdf": lambda d: "".join(p.extract_text() for p in PdfReader(io.BytesIO(d)).pages),
        "odt": lambda d: teletype.extractText(load(io.BytesIO(d)).text),
        "docx": lambda d: " ".join([p.text for p in Document(io.BytesIO(d)).paragraphs] + [
            c.text for t in Document(io.BytesIO(d)).tables for r in t.rows for c in r.cells]),
    }


def _check(text: str) -> None:
    text = " ".join(text.split()).replace("\\", "").replace("’", "'").replace("\u202f", " ").replace("\xa0", " ")
    assert "assistant" in text
    assert "4 questions" in text  # the year's questions, Paris time, and no others
    assert "2 of them" in text or "2 d'entre elles" in text
    assert "cooperative" in text and "subvention" in text  # shared by several questions
    assert "Dupontel" not in text and "dupontel" not in text  # a word from one question never shows
    assert "boulangerie" not in text and "tiers-lieu" not in text and "habitants" not in text


def test_the_annual_report_lists_anonymised_assistant_themes_in_every_format(client, met, app_db):
    _log(app_db)
    page = client.get(f"/conseils/{met.slug}/bilan/2026")
    assert page.status_code == 200
    _check(unescape(page.get_data(as_text=True)))
    for fmt, read in _readers().items():
        response = client.get(f"/conseils/{met.slug}/bilan/2026/telecharger/{fmt}")
        assert response.status_code == 200, fmt
        _check(read(response.data))


def test_a_year_without_questions_says_so(client, met, app_db):
    html = unescape(client.get(f"/conseils/{met.slug}/bilan/2026").get_data(as_text=True)).replace("’", "'")
    assert "Nobody asked the assistant" in html or "Personne n'a posé" in html
