"""Questions asked to the assistant, logged without personal data, and their feedback."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cocon.db import Base, UTCDateTime


class AssistantQuestion(Base):
    """One question and what the assistant did with it; no account, address or cookie is kept.

    `token` is a random secret given back with the answer so that whoever asked can rate it
    without being identified.
    """

    __tablename__ = "assistant_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    question: Mapped[str] = mapped_column(Text)
    abstained: Mapped[bool] = mapped_column(Boolean)
    confidence: Mapped[float] = mapped_column(Float)
    top_doc: Mapped[str] = mapped_column(String(255), default="")
    top_passage: Mapped[str] = mapped_column(String(300), default="")
    channel: Mapped[str] = mapped_column(String(10), default="web")  # web, api
    useful: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
