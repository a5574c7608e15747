"""How long cocon keeps what it keeps, in one place, and the purge that enforces it.

The periods below are shown on the privacy page (/confidentialite) and applied by
`cocon purge`, which a cron runs once a day. Labels are English msgids marked with N_ so the
web layer translates them (the core has no locale).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.utils import getaddresses
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from cocon.accounts.models import LoginAttempt, LoginSession
from cocon.accounts.sessions import ABSOLUTE_LIFETIME, IDLE_LIFETIME, REMEMBER_IDLE_LIFETIME
from cocon.assistant.models import AssistantQuestion
from cocon.council.models import Invitation
from cocon.notifications import Notification


def N_(message: str) -> str:
    """Mark a label for extraction without translating it here."""
    return message


@dataclass(frozen=True)
class Period:
    """One retention rule: what, for how long (amount and unit), counted from when."""

    key: str
    amount: int
    unit: str  # "days" or "months"
    what: str  # msgid
    since: str  # msgid: the moment the period starts

    def cutoff(self, now: datetime) -> datetime:
        """The moment before which records of this kind are deleted."""
        if self.unit == "days":
            return now - timedelta(days=self.amount)
        return months_before(now, self.amount)


PERIODS: tuple[Period, ...] = (
    Period("login_sessions", 30, "days", N_("Login sessions (dates, no address)"),
           N_("after the session ended (sign-out, expiry)")),
    Period("login_attempts", 1, "days", N_("Failed sign-in attempts (hashed account and address)"),
           N_("after the attempt")),
    Period("read_notifications", 90, "days", N_("Notifications already read"),
           N_("after they were read")),
    Period("unread_notifications", 12, "months", N_("Notifications never read"),
           N_("after they were sent")),
    Period("invitations", 30, "days", N_("Invitations by e-mail"),
           N_("after they expired or were accepted")),
    Period("assistant_questions", 12, "months", N_("Questions asked to the assistant (anonymous)"),
           N_("after the question")),
    Period("outbox", 30, "days", N_("Copies of e-mails kept by the server when no mail server "
                                    "is configured"), N_("after they were written")),
)
BY_KEY = {period.key: period for period in PERIODS}


def months_before(moment: datetime, months: int) -> datetime:
    """The same day `months` calendar months earlier (clamped to the month's last day)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    month += 1
    following = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=moment.tzinfo)
    last_day = (following - timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def _session_filter(now: datetime):
    cutoff = BY_KEY["login_sessions"].cutoff(now)
    return or_(LoginSession.revoked_at < cutoff,
               LoginSession.created_at < cutoff - ABSOLUTE_LIFETIME,
               LoginSession.last_seen_at < cutoff - REMEMBER_IDLE_LIFETIME,
               and_(LoginSession.remember.is_(False),
                    LoginSession.last_seen_at < cutoff - IDLE_LIFETIME))


def _filters(now: datetime) -> dict:
    cut = {p.key: p.cutoff(now) for p in PERIODS}
    return {
        "login_sessions": (LoginSession, _session_filter(now)),
        "login_attempts": (LoginAttempt, LoginAttempt.attempted_at < cut["login_attempts"]),
        "read_notifications": (Notification, Notification.read_at < cut["read_notifications"]),
        "unread_notifications": (Notification, and_(
            Notification.read_at.is_(None),
            Notification.created_at < cut["unread_notifications"])),
        "invitations": (Invitation, or_(Invitation.expires_at < cut["invitations"],
                                        Invitation.accepted_at < cut["invitations"])),
        "assistant_questions": (AssistantQuestion,
                                AssistantQuestion.asked_at < cut["assistant_questions"]),
    }


def expired_outbox(folder: str | Path | None, now: datetime) -> list[Path]:
    """The .eml files of the outbox folder written before the outbox period."""
    if folder is None or not Path(folder).is_dir():
        return []
    limit = BY_KEY["outbox"].cutoff(now).timestamp()
    return sorted(p for p in Path(folder).glob("*.eml") if p.stat().st_mtime < limit)


def outbox_mail_to(folder: str | Path | None, address: str) -> list[Path]:
    """The .eml files of the outbox addressed to this address (an erased account's mail)."""
    if folder is None or not Path(folder).is_dir() or not address:
        return []
    wanted = address.strip().lower()
    found = []
    for path in sorted(Path(folder).glob("*.eml")):
        with path.open("rb") as handle:
            headers = BytesHeaderParser().parse(handle)
        if any(wanted == a.lower() for _, a in getaddresses(headers.get_all("To") or [])):
            found.append(path)
    return found


def purge(db: Session, *, now: datetime, outbox: str | Path | None = None,
          dry_run: bool = False) -> dict[str, int]:
    """Delete every record past its period; return how many per kind (nothing deleted in a dry run).

    The database work is flushed, not committed: the caller commits (or rolls back).
    """
    counts: dict[str, int] = {}
    for key, (model, condition) in _filters(now).items():
        if dry_run:
            counts[key] = int(db.scalar(select(func.count()).select_from(model)
                                        .where(condition)) or 0)
        else:
            counts[key] = db.execute(delete(model).where(condition)
                                     .execution_options(synchronize_session=False)).rowcount or 0
    files = expired_outbox(outbox, now)
    if not dry_run:
        for path in files:
            path.unlink(missing_ok=True)
    counts["outbox"] = len(files)
    db.flush()
    return counts

