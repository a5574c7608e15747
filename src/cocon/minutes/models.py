"""The minutes of a plenary: workflow, notes with revisions, actions, exports issued."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocon.accounts.models import User
from cocon.council.plenary.models import AgendaItem, Plenary
from cocon.db import Base, UTCDateTime


class Minutes(Base):
    """One compte rendu per plenary: draft → submitted → approved → locked."""

    __tablename__ = "minutes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plenary_id: Mapped[int] = mapped_column(
        ForeignKey("plenaries.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    next_session_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    comments_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # the approving ballot lives in the votes domain; no FK so this table needs only plenaries
    approval_ballot_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    locked_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    # the canonical document at locking time: exports and checks never depend on later edits
    locked_content: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    plenary: Mapped[Plenary] = relationship()
    notes: Mapped[list["MinutesNote"]] = relationship(cascade="all, delete-orphan")
    actions: Mapped[list["MinutesAction"]] = relationship(
        cascade="all, delete-orphan", order_by="MinutesAction.position")
    exports: Mapped[list["MinutesExport"]] = relationship(cascade="all, delete-orphan")


class MinutesNote(Base):
    """The facilitator's notes on one agenda item (Markdown, rendered sanitised)."""

    __tablename__ = "minutes_notes"
    __table_args__ = (UniqueConstraint("minutes_id", "agenda_item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)

    agenda_item: Mapped[AgendaItem] = relationship()
    revisions: Mapped[list["MinutesNoteRevision"]] = relationship(
        cascade="all, delete-orphan", order_by="MinutesNoteRevision.number")


class MinutesNoteRevision(Base):
    """A kept version of a note; autosaves by one author within minutes share a revision."""

    __tablename__ = "minutes_note_revisions"
    __table_args__ = (UniqueConstraint("note_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("minutes_notes.id", ondelete="CASCADE"),
                                         index=True)
    number: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    author: Mapped[User | None] = relationship()


class MinutesAction(Base):
    """An action decided during the session."""

    __tablename__ = "minutes_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"),
                                            index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None] = mapped_column(Date, nullable=True)


class MinutesExport(Base):
    """The SHA-256 of a file exported from locked minutes, so a file can be recognised."""

    __tablename__ = "minutes_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"),
                                            index=True)
    format: Mapped[str] = mapped_column(String(10))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
