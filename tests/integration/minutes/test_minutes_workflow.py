"""Draft → submitted → approved → locked; a locked compte rendu never changes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from minutes_session import NOW

from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.minutes.export import export_minutes
from cocon.minutes.hashing import content_hash
from cocon.minutes.notes_service import compare_revisions, save_note
from cocon.minutes.services import (add_action, approve_minutes, get_or_create_minutes,
                                    lock_minutes, minutes_document, record_export,
                                    return_to_draft, set_next_session, submit_minutes,
                                    verify_file)

LATER = NOW + timedelta(days=1)


def locked_minutes(db, s):
    minutes = get_or_create_minutes(db, plenary=s.plenary, now=NOW)
    save_note(db, minutes=minutes, item=s.items[0], body="Débat **vif**.", actor=s.facilitator,
              now=NOW)
    add_action(db, minutes=minutes, description="Envoyer la charte", responsible="Claire",
               due=date(2027, 1, 15), actor=s.facilitator, now=NOW)
    submit_minutes(db, minutes=minutes, comments_until=LATER, actor=s.facilitator, now=NOW)
    approve_minutes(db, minutes=minutes, actor=s.facilitator, now=LATER)
    return lock_minutes(db, minutes=minutes, actor=s.facilitator, now=LATER)


def test_the_full_path_ends_locked_with_the_hash_of_its_snapshot(db, met_session):
    minutes = locked_minutes(db, met_session)
    assert minutes.status == "locked" and minutes.locked_at == LATER
    doc = minutes_document(db, met_session.plenary.id)
    assert doc.status == "locked" and content_hash(doc) == minutes.locked_hash
    assert doc.items[0].notes == "Débat **vif**." and doc.actions[0].description == (
        "Envoyer la charte")
    from sqlalchemy import select
    from cocon.audit import AuditEntry, verify_chain
    actions = db.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "minutes")
                         .order_by(AuditEntry.id)).all()
    assert actions == ["minutes.submitted", "minutes.approved", "minutes.locked"]
    assert verify_chain(db) == []


def test_a_locked_compte_rendu_refuses_every_change(db, met_session):
    s = met_session
    minutes = locked_minutes(db, s)
    for change in (
            lambda: save_note(db, minutes=minutes, item=s.items[0], body="autre", actor=s.facilitator,
                              now=LATER),
            lambda: add_action(db, minutes=minutes, description="x", actor=s.facilitator, now=LATER),
            lambda: set_next_session(db, minutes=minutes, when=None, actor=s.facilitator, now=LATER),
            lambda: submit_minutes(db, minutes=minutes, comments_until=LATER + LATER.resolution,
                                   actor=s.facilitator, now=LATER),
            lambda: return_to_draft(db, minutes=minutes, actor=s.facilitator, now=LATER),
            lambda: lock_minutes(db, minutes=minutes, actor=s.facilitator, now=LATER)):
        with pytest.raises(Conflict):
            change()


def test_the_locked_snapshot_ignores_later_changes_to_the_session(db, met_session):
    minutes = locked_minutes(db, met_session)
    met_session.plenary.place = "Ailleurs"
    db.flush()
    doc = minutes_document(db, met_session.plenary.id)
    assert doc.place == "Mairie & annexe" and content_hash(doc) == minutes.locked_hash


def test_the_comment_period_must_be_over_before_approval(db, met_session):
    s = met_session
    minutes = get_or_create_minutes(db, plenary=s.plenary, now=NOW)
    with pytest.raises(InvalidInput):
        submit_minutes(db, minutes=minutes, comments_until=NOW, actor=s.facilitator, now=NOW)
    submit_minutes(db, minutes=minutes, comments_until=LATER, actor=s.facilitator, now=NOW)
    with pytest.raises(Conflict):
        approve_minutes(db, minutes=minutes, actor=s.facilitator, now=NOW)
    with pytest.raises(Conflict):
        lock_minutes(db, minutes=minutes, actor=s.facilitator, now=NOW)


def test_only_facilitators_change_the_minutes(db, met_session):
    s = met_session
    minutes = get_or_create_minutes(db, plenary=s.plenary, now=NOW)
    with pytest.raises(Forbidden):
        save_note(db, minutes=minutes, item=s.items[0], body="x", actor=s.member, now=NOW)
    with pytest.raises(Forbidden):
        submit_minutes(db, minutes=minutes, comments_until=LATER, actor=s.member, now=NOW)


def test_autosaves_refine_a_revision_and_later_edits_add_comparable_ones(db, met_session):
    s = met_session
    minutes = get_or_create_minutes(db, plenary=s.plenary, now=NOW)
    item = s.items[0]
    save_note(db, minutes=minutes, item=item, body="Ligne un", actor=s.facilitator, now=NOW)
    save_note(db, minutes=minutes, item=item, body="Ligne un\nLigne deux", actor=s.facilitator,
              now=NOW + timedelta(seconds=30))
    note = save_note(db, minutes=minutes, item=item, body="Ligne 1\nLigne deux",
                     actor=s.facilitator, now=NOW + timedelta(hours=1))
    same = save_note(db, minutes=minutes, item=item, body="Ligne 1\nLigne deux",
                     actor=s.facilitator, now=NOW + timedelta(hours=2))
    assert same is note and [r.number for r in note.revisions] == [1, 2]
    diff = compare_revisions(*note.revisions)
    assert "-Ligne un" in diff and "+Ligne 1" in diff and " Ligne deux" in diff


def test_notes_are_sanitised_text_and_control_characters_are_refused_or_removed(db, met_session):
    s = met_session
    minutes = get_or_create_minutes(db, plenary=s.plenary, now=NOW)
    note = save_note(db, minutes=minutes, item=s.items[1], body="<script>x</script>\x00ok",
                     actor=s.facilitator, now=NOW)
    html = export_minutes(minutes_document(db, s.plenary.id), "html").decode()
    assert "<script>x" not in html and "\x00" not in note.body


def test_an_exported_locked_file_is_verified_and_recognised(db, met_session):
    minutes = locked_minutes(db, met_session)
    data = export_minutes(minutes_document(db, met_session.plenary.id, locale="en"), "docx")
    record_export(db, plenary_id=met_session.plenary.id, fmt="docx", data=data, now=LATER)
    result, found = verify_file(db, data)
    assert found is minutes and result.ok and result.file_known is True
    tampered = export_minutes(minutes_document(db, met_session.plenary.id), "md").replace(
        "Mairie".encode(), b"Maison")
    result, found = verify_file(db, tampered)
    assert found is minutes and result.hash_matches and not result.ok


def test_a_draft_export_matches_no_locked_record(db, met_session):
    data = export_minutes(minutes_document(db, met_session.plenary.id), "md")
    result, found = verify_file(db, data)
    assert found is None and not result.ok
