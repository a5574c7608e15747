"""The demonstration council's past plenary has draft minutes that export completely."""

from __future__ import annotations

from sqlalchemy import select

from cocon.db import utcnow
from cocon.demo import populate
from cocon.minutes.export import export_minutes
from cocon.minutes.extract import extract_text, normalise
from cocon.minutes.models import Minutes
from cocon.minutes.services import minutes_document


def test_the_demo_plenary_has_draft_minutes_with_notes_votes_and_actions(db):
    populate(db, now=utcnow())
    minutes = db.scalar(select(Minutes))
    assert minutes.status == "draft" and len(minutes.notes) == 5 and len(minutes.actions) == 2
    doc = minutes_document(db, minutes.plenary_id)
    assert sum(len(i.votes) for i in doc.items) >= 1 and doc.orientations
    assert doc.quorum.eligible > 0 and doc.attendance
    text = normalise(extract_text(export_minutes(doc, "odt"), "odt"))
    assert "Publier l'inventaire des locaux vacants" in text
    assert "fonds d'amorçage : 12 projets soutenus" in text
