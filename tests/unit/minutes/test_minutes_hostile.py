"""Hostile notes and names that break formats: every export stays valid, nothing is lost."""

from __future__ import annotations

import re

import pytest
from minutes_factories import make_document, make_yes_no_vote
from markdown_it import MarkdownIt

from cocon.minutes.document import (ActionEntry, AgendaItemMinutes, Attendee, CollegeAttendance,
                                    OrientationEntry)
from cocon.minutes.export import FORMATS, export_minutes
from cocon.minutes.extract import embedded_fingerprint, extract_text
from cocon.minutes.hashing import content_hash

LONG_WORD = "Anticonstitutionnellement" * 12
NAME = f'A&B <b>"O\'Neil"</b> \x00\x01\x0b\x1f\x7f ]]> 🌱 {LONG_WORD} | # * _ `\\'
NOTES = ("<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n"
         "[clic](javascript:alert(1)) <iframe src=//evil></iframe>\n\n" + NAME)


@pytest.fixture(scope="module")
def hostile():
    doc = make_document(
        council_name=NAME, session_title=NAME, place=NAME,
        items=[AgendaItemMinutes(NAME, NOTES, [NAME],
                                 [make_yes_no_vote(question=NAME, withdrawals=[NAME])])],
        attendance=[CollegeAttendance(NAME, [Attendee(NAME, "represented", NAME, NAME)])],
        orientations=[OrientationEntry(NAME, NAME)], actions=[ActionEntry(NAME, NAME)])
    return doc, {fmt: export_minutes(doc, fmt) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_content_exports_to_files_their_parsers_read(hostile, fmt):
    doc, files = hostile
    text = extract_text(files[fmt], fmt)
    assert embedded_fingerprint(text) == content_hash(doc)
    flat = re.sub(r"\s|\\", "", text)
    assert LONG_WORD in flat  # a very long word is wrapped, never cut
    assert "O'Neil" in text.replace("\\", "") or "O&#x27;Neil" in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)


@pytest.mark.parametrize("fmt", ["md", "odt", "docx", "html"])
def test_emoji_are_kept(hostile, fmt):
    assert "🌱" in extract_text(hostile[1][fmt], fmt)


def test_emoji_without_a_font_are_spelled_out_in_the_pdf(hostile):
    assert "[U+1F331]" in extract_text(hostile[1]["pdf"], "pdf")


def test_scripts_and_handlers_in_notes_are_neutralised_in_html(hostile):
    html = hostile[1]["html"].decode()
    assert not re.search(r"<(script|img|iframe)\b", html, re.I)
    assert "javascript:" not in re.sub(r">[^<]*<", "><", html)  # never inside a tag
    assert "&lt;script&gt;" in html  # shown as text, not dropped


def test_the_markdown_export_stays_inert_even_under_a_renderer_that_allows_html(hostile):
    rendered = MarkdownIt("commonmark").render(hostile[1]["md"].decode())
    assert not re.search(r"<(script|img|iframe|b)\b", rendered, re.I)
    assert 'href="javascript' not in rendered


def test_hostile_notes_are_kept_as_text_in_office_formats(hostile):
    for fmt in ("odt", "docx"):
        assert "<script>alert('x')</script>" in extract_text(hostile[1][fmt], fmt)
