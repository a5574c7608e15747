"""Members' comments on submitted minutes, accepted during the comment period only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from cocon.accounts.models import User
from cocon.db import Base, UTCDateTime
from cocon.errors import Conflict, Forbidden
from cocon.validation import clean_text

from .models import Minutes
from .permissions import can_comment_minutes


class MinutesComment(Base):
    """A member's remark on a compte rendu submitted to the members."""

    __tablename__ = "minutes_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"),
                                            index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    author: Mapped[User | None] = relationship()


def add_comment(db: Session, *, minutes: Minutes, body: str, actor, now: datetime
                ) -> MinutesComment:
    """A member comments on submitted minutes before the comment period ends."""
    if minutes.status != "submitted":
        raise Conflict("Comments are taken only while the minutes are submitted to the members.")
    if not can_comment_minutes(actor, minutes, now):
        raise Forbidden("The comment period is over, or you are not a member of this council.")
    comment = MinutesComment(minutes_id=minutes.id, author_id=actor.id, created_at=now,
                             body=clean_text(body, field="comment", max_length=5000,
                                             multiline=True))
    db.add(comment)
    db.flush()
    return comment


def comments_on(db: Session, minutes: Minutes | None) -> list[MinutesComment]:
    """The comments on these minutes, oldest first."""
    if minutes is None or minutes.id is None:
        return []
    return list(db.scalars(select(MinutesComment).where(MinutesComment.minutes_id == minutes.id)
                           .order_by(MinutesComment.created_at, MinutesComment.id)))
