"""The facilitator's notes per agenda item: autosaved, with revisions kept and comparable."""

from __future__ import annotations

import difflib
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.errors import InvalidInput
from cocon.validation import clean_text

from .models import Minutes, MinutesNote, MinutesNoteRevision
from .services import _require, ensure_editable

# autosaves by the same author within this window refine one revision instead of adding many
REVISION_WINDOW = timedelta(minutes=10)
NOTE_MAX = 100_000


def save_note(db: Session, *, minutes: Minutes, item, body: str, actor,
              now: datetime) -> MinutesNote:
    """Save the notes of an agenda item (autosave-safe: idempotent for an unchanged text)."""
    _require(actor, minutes)
    ensure_editable(minutes)
    if item.plenary_id != minutes.plenary_id:
        raise InvalidInput("This agenda item belongs to another session.")
    body = clean_text(body, field="notes", max_length=NOTE_MAX, required=False, multiline=True)
    note = db.scalar(select(MinutesNote).where(MinutesNote.minutes_id == minutes.id,
                                               MinutesNote.agenda_item_id == item.id))
    if note is None:
        note = MinutesNote(minutes_id=minutes.id, agenda_item_id=item.id, body="",
                           updated_at=now)
        db.add(note)
    elif note.body == body:
        return note
    last = note.revisions[-1] if note.revisions else None
    if (last is not None and last.author_id == getattr(actor, "id", None)
            and now - last.created_at < REVISION_WINDOW):
        last.body, last.updated_at = body, now
    else:
        note.revisions.append(MinutesNoteRevision(
            number=(last.number + 1) if last else 1, body=body,
            author_id=getattr(actor, "id", None), created_at=now, updated_at=now))
    note.body, note.updated_at, note.updated_by_id = body, now, getattr(actor, "id", None)
    minutes.updated_at = now
    db.flush()
    return note


def compare_revisions(older: MinutesNoteRevision, newer: MinutesNoteRevision) -> list[str]:
    """A unified diff between two revisions of a note, line by line."""
    return list(difflib.unified_diff(
        older.body.splitlines(), newer.body.splitlines(),
        fromfile=f"revision {older.number}", tofile=f"revision {newer.number}", lineterm=""))
