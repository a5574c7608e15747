"""Organisations of a territory's ESS directory, and the members who belong to them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean, Date, Enum, Float, ForeignKey, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocon.accounts.models import User
from cocon.db import Base, UTCDateTime
from cocon.organisations.vocabularies import Status


class Organisation(Base):
    """An ESS actor of the territory, in the directory of one council."""

    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("council_id", "name_key", "commune_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"),
                                            index=True)
    name: Mapped[str] = mapped_column(String(200))
    legal_form: Mapped[str] = mapped_column(String(30))
    cooperative_kind: Mapped[str | None] = mapped_column(String(30), nullable=True)
    esus: Mapped[bool] = mapped_column(Boolean, default=False)
    esus_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # codes between spaces (" emploi logement "), so that SQL can filter with LIKE anywhere
    sectors: Mapped[str] = mapped_column(String(500), default=" ")
    stakes: Mapped[str] = mapped_column(String(500), default=" ")
    address: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    commune: Mapped[str] = mapped_column(String(120))
    website: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    size_range: Mapped[str | None] = mapped_column(String(10), nullable=True)
    is_network_head: Mapped[bool] = mapped_column(Boolean, default=False)
    is_council_member: Mapped[bool] = mapped_column(Boolean, default=False)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    status: Mapped[Status] = mapped_column(Enum(Status, native_enum=False, length=20,
                                                values_callable=lambda e: [m.value for m in e]))
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    validated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # derived keys kept by the services: duplicates and French-aware search
    name_key: Mapped[str] = mapped_column(String(200))
    commune_key: Mapped[str] = mapped_column(String(120), index=True)
    search_text: Mapped[str] = mapped_column(Text, default=" ")

    affiliations: Mapped[list["Affiliation"]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan")

    @property
    def sector_list(self) -> list[str]:
        return self.sectors.split()

    @property
    def stake_list(self) -> list[str]:
        return self.stakes.split()

    @property
    def is_validated(self) -> bool:
        return self.status == Status.VALIDATED

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Affiliation(Base):
    """A member belongs to an organisation; a representative may edit its profile."""

    __tablename__ = "affiliations"
    __table_args__ = (UniqueConstraint("organisation_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    is_representative: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    organisation: Mapped[Organisation] = relationship(back_populates="affiliations")
    user: Mapped[User] = relationship()
