"""Council, college, membership and invitation models."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, Enum, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocon.accounts.models import User
from cocon.db import Base, UTCDateTime


class Role(str, enum.Enum):
    """A member's role in one council."""

    ADMIN = "admin"
    FACILITATOR = "facilitator"
    MEMBER = "member"
    OBSERVER = "observer"


class Council(Base):
    """A Conseil de l'ESS: the body whose work cocon holds."""

    __tablename__ = "councils"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    territory: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)
    # share of voting members present or represented for a vote to count
    quorum: Mapped[Decimal] = mapped_column(Numeric(6, 5), default=Decimal("0.5"))
    max_proxies: Mapped[int] = mapped_column(Integer, default=1)
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    colleges: Mapped[list["College"]] = relationship(
        back_populates="council", order_by="College.position", cascade="all, delete-orphan")
    memberships: Mapped[list["Membership"]] = relationship(
        back_populates="council", cascade="all, delete-orphan")


class College(Base):
    """A group of members with a vote weight (élu·es, acteurs de l'ESS…)."""

    __tablename__ = "colleges"
    __table_args__ = (UniqueConstraint("council_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[Decimal] = mapped_column(Numeric(10, 4), default=Decimal("1"))
    votes: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    council: Mapped[Council] = relationship(back_populates="colleges")


class Membership(Base):
    """One person's place in one council: a role and, for members, a college."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("council_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=20,
                                            values_callable=lambda e: [m.value for m in e]))
    college_id: Mapped[int | None] = mapped_column(
        ForeignKey("colleges.id", ondelete="SET NULL"), nullable=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)

    council: Mapped[Council] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship()
    college: Mapped[College | None] = relationship()


class Invitation(Base):
    """An invitation sent by e-mail to join a council; only a hash of its token is kept."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=20,
                                            values_callable=lambda e: [m.value for m in e]))
    college_id: Mapped[int | None] = mapped_column(
        ForeignKey("colleges.id", ondelete="SET NULL"), nullable=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    council: Mapped[Council] = relationship()
    college: Mapped[College | None] = relationship()
