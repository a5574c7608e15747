"""The audit log keeps user ids, never names; older entries lose their names in 0010_privacy."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from cocon import audit
from cocon.accounts.services import register_user
from cocon.audit import AuditEntry
from cocon.errors import Conflict

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)


def _person(db):
    return register_user(db, email="ancien@example.org", password="un mot de passe assez long",
                         display_name="Ancien Nom", now=NOW)


def _legacy_entries(db, user, count=3):
    """Entries as the code before 0010 wrote them: the name sealed, not the id."""
    previous = db.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    for n in range(count):
        entry = AuditEntry(actor_id=user.id, actor_name=user.display_name, action=f"old.{n}",
                           target_type="", details={"n": n}, created_at=NOW,
                           prev_hash=previous or audit.GENESIS)
        entry.hash = previous = audit._legacy_digest(entry)
        db.add(entry)
        db.flush()


def test_new_entries_keep_the_actor_id_sealed_and_no_name(db):
    user = _person(db)
    entry = audit.record(db, action="member.added", now=NOW, actor=user)
    db.commit()
    assert entry.actor_id == user.id and entry.actor_name == ""
    assert audit.verify_chain(db) == []
    entry.actor_id = None  # pretend someone else did it
    db.commit()
    assert audit.verify_chain(db) == [entry.id]


def test_older_entries_lose_their_names_and_the_chain_still_verifies(db):
    user = _person(db)
    _legacy_entries(db, user)
    audit.record(db, action="after.upgrade", now=NOW, actor=user)
    db.commit()
    assert audit.verify_chain(db) == []  # older seals are still accepted
    old_last = db.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))

    assert audit.reseal_without_names(db, now=NOW) == 3
    db.commit()
    db.expire_all()
    entries = db.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [e.actor_name for e in entries] == [""] * 5
    assert entries[-1].action == "audit.resealed"
    assert entries[-1].details == {"entries": 3, "previous_last_hash": old_last}
    assert audit.verify_chain(db) == []
    assert audit.reseal_without_names(db, now=NOW) == 0  # nothing left to do
    entries[0].details = {"n": 99}
    db.commit()
    assert audit.verify_chain(db) == [entries[0].id]


def test_a_broken_chain_is_not_resealed(db):
    user = _person(db)
    _legacy_entries(db, user)
    first = db.scalar(select(AuditEntry).order_by(AuditEntry.id))
    first.action = "tampered"
    db.commit()
    with pytest.raises(Conflict, match="broken at entries"):
        audit.reseal_without_names(db, now=NOW)
    assert db.scalar(select(AuditEntry.actor_name).order_by(AuditEntry.id)) == "Ancien Nom"


def test_the_0010_migration_takes_the_names_out_of_an_existing_log(tmp_path):
    from cocon.db import make_engine, make_session_factory
    from webapp.migrate import upgrade
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    upgrade(engine, "0009_representation")
    with make_session_factory(engine)() as db:
        entry = AuditEntry(actor_name="Ancien Nom", action="council.created", target_type="",
                           details={}, created_at=NOW, prev_hash=audit.GENESIS)
        entry.hash = audit._legacy_digest(entry)
        db.add(entry)
        db.commit()
    upgrade(engine)
    with make_session_factory(engine)() as db:
        assert db.scalars(select(AuditEntry.actor_name)).all() == ["", ""]
        assert audit.verify_chain(db) == []
    engine.dispose()
