"""The minutes workflow: draft → submitted (comment period) → approved → locked."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon import audit
from cocon.council.permissions import can_facilitate
from cocon.council.plenary.models import Plenary
from cocon.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocon.validation import clean_text

from .assemble import assemble_minutes
from .document import MinutesDocument
from .extract import detect_format, embedded_fingerprint, extract_text
from .hashing import content_hash, from_data, to_data
from .models import Minutes, MinutesAction, MinutesExport
from .verify import Verification, verify_export

EDITABLE = ("draft", "submitted")


def can_edit_minutes(user, plenary) -> bool:
    """Facilitators and administrators of the council write and validate its minutes."""
    return can_facilitate(user, plenary.council)


def _require(actor, minutes: Minutes) -> None:
    if not can_edit_minutes(actor, minutes.plenary):
        raise Forbidden("Only the council's facilitators can change its minutes.")


def ensure_editable(minutes: Minutes) -> None:
    """Refuse any change once the minutes are approved or locked."""
    if minutes.status not in EDITABLE:
        raise Conflict("These minutes are %(status)s and can no longer change.",
                       status=minutes.status)


def get_or_create_minutes(db: Session, *, plenary: Plenary, now: datetime) -> Minutes:
    """The minutes of a plenary, created as a draft the first time they are asked for."""
    minutes = db.scalar(select(Minutes).where(Minutes.plenary_id == plenary.id))
    if minutes is None:
        minutes = Minutes(plenary=plenary, status="draft", created_at=now, updated_at=now)
        db.add(minutes)
        db.flush()
    return minutes


def _move(db, minutes, actor, now, *, expected, to, **details) -> Minutes:
    _require(actor, minutes)
    if minutes.status not in expected:
        raise Conflict("Minutes that are %(status)s cannot become %(target)s.",
                       status=minutes.status, target=to)
    minutes.status, minutes.updated_at = to, now
    audit.record(db, action=f"minutes.{to}", now=now, actor=actor,
                 council_id=minutes.plenary.council_id, target_type="minutes",
                 target_id=minutes.id, details=details)
    db.flush()
    return minutes


def submit_minutes(db: Session, *, minutes: Minutes, comments_until: datetime, actor,
                   now: datetime) -> Minutes:
    """Submit the draft to the members, who may comment until `comments_until`."""
    if comments_until <= now:
        raise InvalidInput("The comment period must end in the future.")
    minutes.comments_until, minutes.submitted_at = comments_until, now
    return _move(db, minutes, actor, now, expected=("draft",), to="submitted",
                 comments_until=comments_until.isoformat())


def return_to_draft(db: Session, *, minutes: Minutes, actor, now: datetime) -> Minutes:
    """Take submitted minutes back to draft (to rework them after comments)."""
    return _move(db, minutes, actor, now, expected=("submitted",), to="draft")


def approve_minutes(db: Session, *, minutes: Minutes, actor, now: datetime,
                    ballot=None) -> Minutes:
    """Approve submitted minutes once the comment period is over, by an adopted vote if given."""
    if minutes.comments_until is not None and now < minutes.comments_until:
        raise Conflict("The comment period is not over yet.")
    if ballot is not None and not (ballot.closed_at and (ballot.result or {}).get("adopted")):
        raise Conflict("The approval vote is not closed and adopted.")
    minutes.approved_at = now
    minutes.approval_ballot_id = getattr(ballot, "id", None)
    return _move(db, minutes, actor, now, expected=("submitted",), to="approved")


def lock_minutes(db: Session, *, minutes: Minutes, actor, now: datetime) -> Minutes:
    """Freeze approved minutes: keep their canonical snapshot and its SHA-256."""
    document = assemble_minutes(db, minutes.plenary_id)
    document = dataclasses.replace(document, status="locked")
    minutes.locked_content, minutes.locked_hash = to_data(document), content_hash(document)
    minutes.locked_at = now
    return _move(db, minutes, actor, now, expected=("approved",), to="locked",
                 sha256=minutes.locked_hash)


def minutes_document(db: Session, plenary_id: int, *, locale: str = "fr") -> MinutesDocument:
    """What the minutes say: the locked snapshot when locked, else assembled now."""
    minutes = db.scalar(select(Minutes).where(Minutes.plenary_id == plenary_id))
    if minutes is not None and minutes.status == "locked" and minutes.locked_content:
        return dataclasses.replace(from_data(minutes.locked_content), locale=locale)
    return assemble_minutes(db, plenary_id, locale=locale)


def record_export(db: Session, *, plenary_id: int, fmt: str, data: bytes,
                  now: datetime) -> None:
    """Remember the fingerprint of a file exported from locked minutes."""
    minutes = db.scalar(select(Minutes).where(Minutes.plenary_id == plenary_id))
    if minutes is not None and minutes.status == "locked":
        db.add(MinutesExport(minutes_id=minutes.id, format=fmt, created_at=now,
                             file_sha256=hashlib.sha256(data).hexdigest()))
        db.flush()


def verify_file(db: Session, data: bytes) -> tuple[Verification, Minutes | None]:
    """Check a file against the locked minutes whose fingerprint it carries."""
    embedded = embedded_fingerprint(extract_text(data, detect_format(data)))
    minutes = None
    if embedded:
        minutes = db.scalar(select(Minutes).where(Minutes.locked_hash == embedded,
                                                  Minutes.status == "locked"))
    if minutes is None:
        return verify_export(data, locked_hash=None), None
    return verify_export(data, locked_hash=minutes.locked_hash,
                         document=from_data(minutes.locked_content),
                         known_file_hashes=[e.file_sha256 for e in minutes.exports]), minutes


def add_action(db: Session, *, minutes: Minutes, description: str, responsible: str = "",
               due: date | None = None, actor, now: datetime) -> MinutesAction:
    """Record an action decided during the session."""
    _require(actor, minutes)
    ensure_editable(minutes)
    action = MinutesAction(
        description=clean_text(description, field="description", max_length=2000,
                               multiline=True),
        responsible=clean_text(responsible, field="responsible", max_length=200,
                               required=False), due=due, position=len(minutes.actions))
    minutes.actions.append(action)
    minutes.updated_at = now
    db.flush()
    return action


def remove_action(db: Session, *, minutes: Minutes, action_id: int, actor, now: datetime) -> None:
    """Remove an action from draft minutes."""
    _require(actor, minutes)
    ensure_editable(minutes)
    action = next((a for a in minutes.actions if a.id == action_id), None)
    if action is None:
        raise NotFound("No such action.")
    minutes.actions.remove(action)
    minutes.updated_at = now
    db.flush()


def set_next_session(db: Session, *, minutes: Minutes, when: datetime | None, actor,
                     now: datetime) -> Minutes:
    """Set (or clear, to use the council's next plenary) the next session's date."""
    _require(actor, minutes)
    ensure_editable(minutes)
    minutes.next_session_at, minutes.updated_at = when, now
    db.flush()
    return minutes
