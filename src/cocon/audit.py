"""The audit log: append-only, each entry chained to the previous one by a SHA-256."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, column, insert, select, table, update, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from cocon.db import Base, UTCDateTime
from cocon.errors import Conflict

GENESIS = "0" * 64


class AuditEntry(Base):
    """One action that matters: who did what, on what, when."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int | None] = mapped_column(
        ForeignKey("councils.id", ondelete="SET NULL"), nullable=True, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    actor_name: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(80))
    target_type: Mapped[str] = mapped_column(String(40), default="")
    target_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


def _body(entry) -> dict[str, Any]:
    return {
        "council_id": entry.council_id, "actor_name": entry.actor_name,
        "action": entry.action, "target_type": entry.target_type, "target_id": entry.target_id,
        "details": entry.details, "created_at": entry.created_at.isoformat(),
        "prev_hash": entry.prev_hash,
    }


def _sha(body: dict[str, Any]) -> str:
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest(entry) -> str:
    """The seal of an entry: its fields, the actor's id included, and the previous seal."""
    return _sha({**_body(entry), "actor_id": entry.actor_id})


def _legacy_digest(entry) -> str:
    """The seal entries had before 0010_privacy: the actor's name sealed, not their id."""
    return _sha(_body(entry))


# any constant: the key of PostgreSQL's advisory lock that orders appends to the chain
APPEND_LOCK = 0x636F636F6E


def _one_writer_at_a_time(db: Session) -> None:
    """Two transactions appending at once would both link to the same last entry and fork the
    chain (a false alarm of tampering); on PostgreSQL they queue on a transaction-scoped lock.
    SQLite lets one writer at a time anyway."""
    if db.get_bind().dialect.name == "postgresql":
        db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPEND_LOCK})


def record(db: Session, *, action: str, now: datetime, actor=None, council_id: int | None = None,
           target_type: str = "", target_id: int | None = None,
           details: dict[str, Any] | None = None) -> AuditEntry:
    """Append an entry to the log, chained to the last one.

    Only the actor's id is kept, never their name or e-mail (RGPD: an erased account's id
    stays in the log but no longer leads to a person); `actor_name` stays empty.
    """
    _one_writer_at_a_time(db)
    last = db.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    entry = AuditEntry(council_id=council_id, actor_id=getattr(actor, "id", None),
                       actor_name="", action=action,
                       target_type=target_type, target_id=target_id, details=details or {},
                       created_at=now.replace(microsecond=0), prev_hash=last or GENESIS)
    entry.hash = _digest(entry)
    db.add(entry)
    db.flush()
    return entry


def verify_chain(db: Session) -> list[int]:
    """The ids of entries whose hash or link does not match; empty when the log is intact."""
    broken: list[int] = []
    previous = GENESIS
    for entry in db.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        if entry.prev_hash != previous or entry.hash not in (_digest(entry),
                                                             _legacy_digest(entry)):
            broken.append(entry.id)
        previous = entry.hash
    return broken


# the columns as 0010_privacy found them: the re-sealing must not depend on later models
_TABLE = table("audit_entries", column("id", Integer), column("council_id", Integer),
               column("actor_id", Integer), column("actor_name", String),
               column("action", String), column("target_type", String),
               column("target_id", Integer), column("details", JSON),
               column("created_at", UTCDateTime), column("prev_hash", String),
               column("hash", String))


def reseal_without_names(db, *, now: datetime) -> int:
    """Empty the actor names older entries carry and seal the chain again; return how many.

    Run once by the migration 0010_privacy, so that no name stays in the log (RGPD). Only an
    intact chain is re-sealed (Conflict otherwise); a last entry "audit.resealed" keeps the
    previous last seal, so a copy of it kept elsewhere still identifies the former log.
    """
    rows = db.execute(select(_TABLE).order_by(_TABLE.c.id)).all()
    named = sum(1 for row in rows if row.actor_name)
    if not named:
        return 0
    previous, broken = GENESIS, []
    for row in rows:
        if row.prev_hash != previous or row.hash not in (_digest(row), _legacy_digest(row)):
            broken.append(row.id)
        previous = row.hash
    if broken:
        raise Conflict("The audit log is broken at entries %(ids)s: it was not re-sealed.",
                       ids=", ".join(map(str, broken[:20])))
    old_last, previous = rows[-1].hash, GENESIS
    for row in rows:
        fields = {**row._asdict(), "actor_name": "", "prev_hash": previous}
        fields["hash"] = _digest(_Fields(fields))
        db.execute(update(_TABLE).where(_TABLE.c.id == row.id).values(
            actor_name="", prev_hash=previous, hash=fields["hash"]))
        previous = fields["hash"]
    last = {"council_id": None, "actor_id": None, "actor_name": "", "action": "audit.resealed",
            "target_type": "", "target_id": None, "created_at": now.replace(microsecond=0),
            "details": {"entries": named, "previous_last_hash": old_last}, "prev_hash": previous}
    db.execute(insert(_TABLE).values(**last, hash=_digest(_Fields(last))))
    return named


class _Fields:
    """Attribute access over a dict, for the digest."""

    def __init__(self, values: dict) -> None:
        self.__dict__.update(values)
