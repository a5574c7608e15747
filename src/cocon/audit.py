"""The audit log: append-only, each entry chained to the previous one by a SHA-256."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from cocon.db import Base, UTCDateTime

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


def _digest(entry: AuditEntry) -> str:
    body = json.dumps({
        "council_id": entry.council_id, "actor_name": entry.actor_name,
        "action": entry.action, "target_type": entry.target_type, "target_id": entry.target_id,
        "details": entry.details, "created_at": entry.created_at.isoformat(),
        "prev_hash": entry.prev_hash,
    }, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def record(db: Session, *, action: str, now: datetime, actor=None, council_id: int | None = None,
           target_type: str = "", target_id: int | None = None,
           details: dict[str, Any] | None = None) -> AuditEntry:
    """Append an entry to the log, chained to the last one."""
    last = db.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    entry = AuditEntry(council_id=council_id, actor_id=getattr(actor, "id", None),
                       actor_name=getattr(actor, "display_name", "") or "", action=action,
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
        if entry.prev_hash != previous or _digest(entry) != entry.hash:
            broken.append(entry.id)
        previous = entry.hash
    return broken
