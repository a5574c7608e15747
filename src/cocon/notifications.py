"""Notifications: what a person should know about, in the app, by e-mail or in a daily digest."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from cocon.db import Base, UTCDateTime
from cocon.errors import InvalidInput


class NotificationKind(str, Enum):
    """Why someone is told something."""

    MENTION = "mention"
    REPLY = "reply"
    CONVOCATION = "convocation"
    MODERATION = "moderation"
    VOTE = "vote"


CHANNELS = ("app", "email", "digest", "none")
# without a stored preference: e-mail for what concerns the person directly, else in-app only
DEFAULT_CHANNEL = {NotificationKind.MENTION: "email", NotificationKind.REPLY: "email",
                   NotificationKind.CONVOCATION: "email", NotificationKind.MODERATION: "app",
                   NotificationKind.VOTE: "app"}


class Notification(Base):
    """One thing to tell one person; read_at and emailed_at record what became of it."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # whether the author of the event wanted an immediate e-mail to be possible
    email_wanted: Mapped[bool] = mapped_column(default=True)


class NotificationPreference(Base):
    """How one person wants to hear about one kind of notification."""

    __tablename__ = "notification_preferences"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))


def _kind(kind) -> NotificationKind:
    try:
        return NotificationKind(kind)
    except ValueError:
        raise InvalidInput("Unknown notification kind.") from None


def channel_for(db: Session, user_id: int, kind) -> str:
    """The channel this person chose for this kind, or the default."""
    kind = _kind(kind)
    chosen = db.scalar(select(NotificationPreference.channel).where(
        NotificationPreference.user_id == user_id, NotificationPreference.kind == kind.value))
    return chosen or DEFAULT_CHANNEL[kind]


def preferences(db: Session, user_id: int) -> dict[NotificationKind, str]:
    """Every kind with the channel in effect for this person."""
    return {kind: channel_for(db, user_id, kind) for kind in NotificationKind}


def set_preference(db: Session, *, user_id: int, kind, channel: str) -> None:
    """Record how this person wants to hear about this kind."""
    kind = _kind(kind)
    if channel not in CHANNELS:
        raise InvalidInput("Unknown notification channel.")
    pref = db.scalar(select(NotificationPreference).where(
        NotificationPreference.user_id == user_id, NotificationPreference.kind == kind.value))
    if pref is None:
        db.add(NotificationPreference(user_id=user_id, kind=kind.value, channel=channel))
    else:
        pref.channel = channel
    db.flush()


def notify(db: Session, *, user_id: int, kind, title: str, url: str, now: datetime,
           body: str = "", email: bool = True) -> Notification | None:
    """Store an in-app notification unless the person chose "none"; return it."""
    kind = _kind(kind)
    if channel_for(db, user_id, kind) == "none":
        return None
    note = Notification(user_id=user_id, kind=kind.value, title=title[:300], body=body,
                        url=url[:500], created_at=now, email_wanted=email)
    db.add(note)
    db.flush()
    return note


def unread_count(db: Session, user_id: int) -> int:
    """How many notifications this person has not read yet."""
    return db.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))) or 0


def list_notifications(db: Session, user_id: int, *, limit: int = 100) -> list[Notification]:
    """This person's notifications, newest first."""
    return list(db.scalars(select(Notification).where(Notification.user_id == user_id)
                           .order_by(Notification.id.desc()).limit(limit)))


def mark_all_read(db: Session, *, user_id: int, now: datetime) -> int:
    """Mark every unread notification of this person as read; return how many."""
    notes = db.scalars(select(Notification).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))).all()
    for note in notes:
        note.read_at = now
    db.flush()
    return len(notes)


def pending_emails(db: Session, ids: list[int]) -> list[Notification]:
    """Among these notifications, those to e-mail now (channel "email", not sent yet)."""
    if not ids:
        return []
    notes = db.scalars(select(Notification).where(
        Notification.id.in_(ids), Notification.emailed_at.is_(None),
        Notification.email_wanted.is_(True))).all()
    return [n for n in notes if channel_for(db, n.user_id, n.kind) == "email"]


def pending_digests(db: Session) -> dict[int, list[Notification]]:
    """Per person who chose the digest for a kind, the notifications of that kind not yet sent."""
    prefs = db.scalars(select(NotificationPreference).where(
        NotificationPreference.channel == "digest")).all()
    result: dict[int, list[Notification]] = {}
    for pref in prefs:
        notes = db.scalars(select(Notification).where(
            Notification.user_id == pref.user_id, Notification.kind == pref.kind,
            Notification.emailed_at.is_(None)).order_by(Notification.id)).all()
        if notes:
            result.setdefault(pref.user_id, []).extend(notes)
    return result


def mark_emailed(notes: list[Notification], *, now: datetime) -> None:
    """Record that these notifications went out by e-mail."""
    for note in notes:
        note.emailed_at = now
