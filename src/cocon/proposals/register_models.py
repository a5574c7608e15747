"""The register of adopted orientations and how each is followed up."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, Enum, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocon.accounts.models import User
from cocon.council.models import Council
from cocon.db import Base, UTCDateTime


class OrientationStatus(str, enum.Enum):
    """Where an adopted orientation stands."""

    TO_START = "to_start"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ABANDONED = "abandoned"


def _enum(cls):
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class Orientation(Base):
    """An orientation the council adopted, followed afterwards."""

    __tablename__ = "orientations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"),
                                            index=True)
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposals.id", ondelete="SET NULL"), nullable=True, unique=True)
    ballot_id: Mapped[int | None] = mapped_column(
        ForeignKey("ballots.id", ondelete="SET NULL"), nullable=True)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    text_html: Mapped[str] = mapped_column(Text)
    adopted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    carried_by: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[OrientationStatus] = mapped_column(_enum(OrientationStatus),
                                                      default=OrientationStatus.TO_START)

    council: Mapped[Council] = relationship()
    proposal = relationship("Proposal")
    ballot = relationship("Ballot")
    updates: Mapped[list["OrientationUpdate"]] = relationship(
        order_by="OrientationUpdate.id", cascade="all, delete-orphan")
    indicators: Mapped[list["Indicator"]] = relationship(
        order_by="Indicator.id", cascade="all, delete-orphan")


class OrientationUpdate(Base):
    """A dated note on an orientation, possibly changing its status."""

    __tablename__ = "orientation_updates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    orientation_id: Mapped[int] = mapped_column(
        ForeignKey("orientations.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    note: Mapped[str] = mapped_column(Text)
    status: Mapped[OrientationStatus | None] = mapped_column(_enum(OrientationStatus),
                                                             nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    author: Mapped[User | None] = relationship()


class Indicator(Base):
    """Something measured to see whether an orientation takes effect."""

    __tablename__ = "orientation_indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    orientation_id: Mapped[int] = mapped_column(
        ForeignKey("orientations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(40), default="")
    target: Mapped[Decimal | None] = mapped_column(Numeric(14, 4), nullable=True)

    values: Mapped[list["IndicatorValue"]] = relationship(
        order_by="IndicatorValue.measured_on", cascade="all, delete-orphan")


class IndicatorValue(Base):
    """One measurement of an indicator at a date."""

    __tablename__ = "orientation_indicator_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("orientation_indicators.id", ondelete="CASCADE"), index=True)
    measured_on: Mapped[date] = mapped_column(Date)
    value: Mapped[Decimal] = mapped_column(Numeric(14, 4))
