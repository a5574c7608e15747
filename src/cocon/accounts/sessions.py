"""Server-side login sessions and the brute-force guard (OWASP ASVS 5, V7 and V6)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from cocon.accounts.models import LoginAttempt, LoginSession, User

IDLE_LIFETIME = timedelta(hours=2)
REMEMBER_IDLE_LIFETIME = timedelta(days=30)
ABSOLUTE_LIFETIME = timedelta(days=30)
ATTEMPT_WINDOW = timedelta(hours=1)
MAX_FAILURES_PER_ACCOUNT = 100
MAX_FAILURES_PER_ADDRESS = 300
TOUCH_EVERY = timedelta(minutes=1)


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def start_session(db: Session, user: User, *, remember: bool, now: datetime) -> str:
    """Open a new session for the user and return its secret token (only its hash is kept)."""
    token = secrets.token_urlsafe(32)
    db.add(LoginSession(user_id=user.id, token_hash=_digest(token), remember=bool(remember),
                        created_at=now, last_seen_at=now))
    db.flush()
    return token


def resolve_session(db: Session, token: object, *, now: datetime) -> User | None:
    """The user of a live session, or None when unknown, revoked, idle or too old."""
    if not isinstance(token, str) or not token:
        return None
    login = db.scalar(select(LoginSession).where(LoginSession.token_hash == _digest(token)))
    if login is None or login.revoked_at is not None:
        return None
    idle = REMEMBER_IDLE_LIFETIME if login.remember else IDLE_LIFETIME
    if now - login.last_seen_at > idle or now - login.created_at > ABSOLUTE_LIFETIME:
        login.revoked_at = now
        db.flush()
        return None
    user = db.get(User, login.user_id)
    if user is None or user.is_erased:
        return None
    if now - login.last_seen_at > TOUCH_EVERY:
        login.last_seen_at = now  # left unflushed: the caller commits only when it changed
    return user


def end_session(db: Session, token: object, *, now: datetime) -> None:
    """Revoke this session (logout)."""
    if isinstance(token, str) and token:
        db.execute(update(LoginSession).where(LoginSession.token_hash == _digest(token),
                                              LoginSession.revoked_at.is_(None))
                   .values(revoked_at=now))


def end_other_sessions(db: Session, user: User, *, keep: object, now: datetime) -> int:
    """Revoke every session of the user except `keep`; returns how many were ended."""
    query = update(LoginSession).where(LoginSession.user_id == user.id,
                                       LoginSession.revoked_at.is_(None))
    if isinstance(keep, str) and keep:
        query = query.where(LoginSession.token_hash != _digest(keep))
    return db.execute(query.values(revoked_at=now)).rowcount or 0


def record_failure(db: Session, *, email: str, address: str, now: datetime) -> None:
    """Remember a failed login (hashed account and address only)."""
    db.add(LoginAttempt(account_hash=_digest((email or "").strip().lower()),
                        address_hash=_digest(address or ""), attempted_at=now))
    db.flush()


def login_blocked(db: Session, *, email: str, address: str, now: datetime) -> bool:
    """Whether too many recent failures were seen for this account or this address.

    The window slides, so the real owner is never locked out for more than an hour.
    """
    since = now - ATTEMPT_WINDOW
    by_account = db.scalar(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.account_hash == _digest((email or "").strip().lower()),
        LoginAttempt.attempted_at > since))
    if by_account >= MAX_FAILURES_PER_ACCOUNT:
        return True
    by_address = db.scalar(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.address_hash == _digest(address or ""), LoginAttempt.attempted_at > since))
    return by_address >= MAX_FAILURES_PER_ADDRESS


def purge_old_records(db: Session, *, now: datetime) -> None:
    """Delete failed attempts past their window and sessions ended long ago (retention)."""
    db.execute(LoginAttempt.__table__.delete().where(
        LoginAttempt.attempted_at < now - ATTEMPT_WINDOW))
    db.execute(LoginSession.__table__.delete().where(
        LoginSession.last_seen_at < now - ABSOLUTE_LIFETIME - timedelta(days=1)))
