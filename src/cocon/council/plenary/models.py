"""Plenary, agenda item, attendance and proxy models."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocon.accounts.models import User
from cocon.council.models import Council
from cocon.db import Base, UTCDateTime
from cocon.organisations.models import Organisation


def _enum(cls):
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class PlenaryKind(str, enum.Enum):
    """Ordinary or extraordinary session."""

    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"


class AttendanceStatus(str, enum.Enum):
    """What a member said (or the facilitator saw) about their attendance."""

    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"


class Plenary(Base):
    """A séance plénière; its life cycle is derived from its timestamps (see state.py)."""

    __tablename__ = "plenaries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"),
                                            index=True)
    kind: Mapped[PlenaryKind] = mapped_column(_enum(PlenaryKind), default=PlenaryKind.ORDINARY)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    video_url: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    convened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # no FK: the item table points back here, and a cycle would complicate migrations
    current_item_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    council: Mapped[Council] = relationship()
    created_by: Mapped[User | None] = relationship()
    items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="plenary", order_by="AgendaItem.position", cascade="all, delete-orphan")
    attendances: Mapped[list["Attendance"]] = relationship(cascade="all, delete-orphan")
    proxies: Mapped[list["Proxy"]] = relationship(cascade="all, delete-orphan")

    @property
    def current_item(self) -> "AgendaItem | None":
        return next((i for i in self.items if i.id == self.current_item_id), None)


class AgendaItem(Base):
    """One point of the ordre du jour."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plenary_id: Mapped[int] = mapped_column(ForeignKey("plenaries.id", ondelete="CASCADE"),
                                            index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    expected_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)

    plenary: Mapped[Plenary] = relationship(back_populates="items")


class Attendance(Base):
    """One member's attendance at one plenary (émargement)."""

    __tablename__ = "plenary_attendances"
    __table_args__ = (UniqueConstraint("plenary_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plenary_id: Mapped[int] = mapped_column(ForeignKey("plenaries.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[AttendanceStatus] = mapped_column(_enum(AttendanceStatus))
    checked_in_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # the organisation the member speaks for in this session (issue 9), if any
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), nullable=True)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    organisation: Mapped[Organisation | None] = relationship()


class Proxy(Base):
    """A procuration: the giver is represented by the holder at this plenary."""

    __tablename__ = "plenary_proxies"
    __table_args__ = (UniqueConstraint("plenary_id", "giver_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plenary_id: Mapped[int] = mapped_column(ForeignKey("plenaries.id", ondelete="CASCADE"))
    giver_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    holder_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    giver: Mapped[User] = relationship(foreign_keys=[giver_id])
    holder: Mapped[User] = relationship(foreign_keys=[holder_id])
