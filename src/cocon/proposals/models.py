"""Proposals, their supports, comments, amendments and text history."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (Column, Enum, ForeignKey, Integer, String, Table, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocon.accounts.models import User
from cocon.council.models import Council
from cocon.db import Base, UTCDateTime


def _enum(cls):
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class Decision(str, enum.Enum):
    """What the plenary decided about a proposal."""

    ADOPTED = "adopted"
    REJECTED = "rejected"


class AmendmentStatus(str, enum.Enum):
    """An amendment waits, then is accepted (the text changes) or rejected."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


proposal_coauthors = Table(
    "proposal_coauthors", Base.metadata,
    Column("proposal_id", ForeignKey("proposals.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class Proposal(Base):
    """A proposition drafted by members, supported, put on an agenda and voted."""

    __tablename__ = "proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"),
                                            index=True)
    workshop_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshops.id", ondelete="SET NULL"), nullable=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), nullable=True)
    decision: Mapped[Decision | None] = mapped_column(_enum(Decision), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    council: Mapped[Council] = relationship()
    author: Mapped[User | None] = relationship()
    workshop = relationship("Workshop")
    coauthors: Mapped[list[User]] = relationship(secondary=proposal_coauthors)
    supports: Mapped[list["Support"]] = relationship(cascade="all, delete-orphan")
    comments: Mapped[list["ProposalComment"]] = relationship(
        order_by="ProposalComment.id", cascade="all, delete-orphan")
    amendments: Mapped[list["Amendment"]] = relationship(
        order_by="Amendment.id", cascade="all, delete-orphan")
    revisions: Mapped[list["ProposalRevision"]] = relationship(
        order_by="ProposalRevision.id", cascade="all, delete-orphan")


class Support(Base):
    """A member's soutien; the database allows one per member and proposal."""

    __tablename__ = "proposal_supports"
    __table_args__ = (UniqueConstraint("proposal_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


class ProposalComment(Base):
    """A comment on a proposal (Markdown, sanitised)."""

    __tablename__ = "proposal_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"),
                                             index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    author: Mapped[User | None] = relationship()


class Amendment(Base):
    """A proposed new text for a proposal, with its reason, decided before the vote."""

    __tablename__ = "proposal_amendments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"),
                                             index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    base_body: Mapped[str] = mapped_column(Text)
    new_body: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[AmendmentStatus] = mapped_column(_enum(AmendmentStatus),
                                                    default=AmendmentStatus.PENDING)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class ProposalRevision(Base):
    """A former text of a proposal, kept when an amendment or an edit replaced it."""

    __tablename__ = "proposal_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"),
                                             index=True)
    body: Mapped[str] = mapped_column(Text)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime)
    amendment_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposal_amendments.id", ondelete="SET NULL"), nullable=True)
