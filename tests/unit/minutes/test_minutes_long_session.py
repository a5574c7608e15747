"""A very long session (fifty items, three hundred attendees) exports in reasonable time."""

from __future__ import annotations

import time

import pytest
from minutes_factories import make_long_document

from cocon.minutes.export import FORMATS, export_minutes
from cocon.minutes.extract import embedded_fingerprint, extract_text, normalise
from cocon.minutes.hashing import content_hash

# generous bounds for a 2-core machine (measured: md 0.1 s, odt 0.6 s, docx 3 s, pdf 10–30 s under load)
BOUNDS = {"md": 10, "html": 10, "odt": 20, "docx": 30, "pdf": 150}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_fifty_items_and_three_hundred_attendees_export_completely(fmt):
    doc = make_long_document(items=50, attendees=300)
    started = time.perf_counter()
    data = export_minutes(doc, fmt)
    elapsed = time.perf_counter() - started
    text = normalise(extract_text(data, fmt).replace("|", " "))
    print(f"{fmt}: {elapsed:.2f} s, {len(data)} bytes")
    assert elapsed < BOUNDS[fmt]
    assert f"Total {doc.attendance_total('present')} " in text
    assert text.count("Résultat : adoptée") == 50
    assert all(f"Point {n}. Point numéro {n}" in text for n in range(1, 51))
    assert sum(len(c.attendees) for c in doc.attendance) == 300
    assert "Agent Personne 100 " in text
    assert embedded_fingerprint(text) == content_hash(doc)
