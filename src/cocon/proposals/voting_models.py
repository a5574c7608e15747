"""Ballots (scrutins), who took part, and the votes themselves, kept apart when secret."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocon.accounts.models import User
from cocon.council.models import Council
from cocon.db import Base, UTCDateTime


class Ballot(Base):
    """A vote on an agenda item; its state is derived from opened_at / closed_at."""

    __tablename__ = "ballots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"),
                                            index=True)
    plenary_id: Mapped[int] = mapped_column(ForeignKey("plenaries.id", ondelete="CASCADE"),
                                            index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), nullable=True)
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposals.id", ondelete="SET NULL"), nullable=True)
    question: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(30))
    secret: Mapped[bool] = mapped_column(Boolean, default=True)
    candidates: Mapped[list[str]] = mapped_column(JSON, default=list)
    grades: Mapped[list[str]] = mapped_column(JSON, default=list)
    # {college: {choice: n}} or, for majority judgment, {college: {candidate: {grade: n}}}
    paper_counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    opened_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    closed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)

    council: Mapped[Council] = relationship()
    plenary = relationship("Plenary")
    agenda_item = relationship("AgendaItem")
    proposal = relationship("Proposal")
    participations: Mapped[list["BallotParticipation"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True)
    withdrawals: Mapped[list["BallotWithdrawal"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True)


class BallotParticipation(Base):
    """Who took part (never how): one row per member whose vote was cast, unique."""

    __tablename__ = "ballot_participations"
    __table_args__ = (UniqueConstraint("ballot_id", "member_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballots.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    cast_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    by_proxy: Mapped[bool] = mapped_column(Boolean, default=False)

    member: Mapped[User] = relationship(foreign_keys=[member_id])
    cast_by: Mapped[User | None] = relationship(foreign_keys=[cast_by_id])


class BallotWithdrawal(Base):
    """A déport: the member declared an interest and takes no part; the minutes record it."""

    __tablename__ = "ballot_withdrawals"
    __table_args__ = (UniqueConstraint("ballot_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballots.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


def _random_id() -> str:
    return str(uuid.uuid4())


class SecretVote(Base):
    """A secret ballot paper: no voter, no sequence, no time; only the college, for weights."""

    __tablename__ = "secret_votes"
    __table_args__ = {"sqlite_with_rowid": False}

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=_random_id)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballots.id", ondelete="CASCADE"),
                                           index=True)
    college: Mapped[str] = mapped_column(String(120))
    choice: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    grades: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)


class PublicVote(Base):
    """A roll-call vote: the member's choice recorded by name, and who cast it."""

    __tablename__ = "public_votes"
    __table_args__ = (UniqueConstraint("ballot_id", "voter_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballots.id", ondelete="CASCADE"),
                                           index=True)
    voter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    cast_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    college: Mapped[str] = mapped_column(String(120))
    choice: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    grades: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)

    voter: Mapped[User] = relationship(foreign_keys=[voter_id])
