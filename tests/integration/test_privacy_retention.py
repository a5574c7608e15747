"""Retention periods (cocon.retention) and the `cocon purge` command a cron runs."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

from click.testing import CliRunner
from sqlalchemy import func, select

from cocon import retention
from cocon.accounts.models import LoginAttempt, LoginSession
from cocon.accounts.services import register_user
from cocon.assistant.models import AssistantQuestion
from cocon.council.models import Invitation, Role
from cocon.council.services import create_council
from cocon.db import utcnow
from cocon.notifications import Notification
from webapp.commands.privacy import purge

MODELS = {"login_sessions": LoginSession, "login_attempts": LoginAttempt,
          "notifications": Notification, "invitations": Invitation,
          "assistant_questions": AssistantQuestion}


def _populate(db, now: datetime, outbox) -> None:
    """For each kind, one record just past its period and one just within it."""
    user = register_user(db, email="garde@example.org", password="un mot de passe assez long",
                         display_name="Gaston Garde", now=now - timedelta(days=900))
    council = create_council(db, name="C", territory="T", creator=user, now=now)
    day, hour = timedelta(days=1), timedelta(hours=1)
    db.add_all([
        LoginSession(user_id=user.id, token_hash="a" * 64, remember=False,
                     created_at=now - 40 * day, last_seen_at=now - 40 * day,
                     revoked_at=now - 31 * day),
        LoginSession(user_id=user.id, token_hash="b" * 64, remember=False,
                     created_at=now - 40 * day,
                     last_seen_at=now - 31 * day),  # idle two hours, then thirty days
        LoginSession(user_id=user.id, token_hash="c" * 64, remember=True,
                     created_at=now - 20 * day,
                     last_seen_at=now - 20 * day),  # remembered: still alive
        LoginSession(user_id=user.id, token_hash="d" * 64, remember=False, created_at=now,
                     last_seen_at=now, revoked_at=now - 29 * day),
        LoginAttempt(account_hash="x", address_hash="y", attempted_at=now - 25 * hour),
        LoginAttempt(account_hash="x", address_hash="y", attempted_at=now - 23 * hour),
        Notification(user_id=user.id, kind="vote", title="lu il y a longtemps", url="",
                     created_at=now - 200 * day, read_at=now - 91 * day),
        Notification(user_id=user.id, kind="vote", title="lu récemment", url="",
                     created_at=now - 200 * day, read_at=now - 89 * day),
        Notification(user_id=user.id, kind="vote", title="jamais lu, ancien", url="",
                     created_at=now - 400 * day),
        Notification(user_id=user.id, kind="vote", title="jamais lu, récent", url="",
                     created_at=now - 300 * day),
        Invitation(council_id=council.id, email="a@example.org", role=Role.MEMBER,
                   token_hash="1" * 64, created_at=now - 50 * day, expires_at=now - 31 * day),
        Invitation(council_id=council.id, email="b@example.org", role=Role.MEMBER,
                   token_hash="2" * 64, created_at=now - 50 * day, expires_at=now + day,
                   accepted_at=now - 31 * day),
        Invitation(council_id=council.id, email="c@example.org", role=Role.MEMBER,
                   token_hash="3" * 64, created_at=now - 50 * day, expires_at=now - 29 * day),
        *(AssistantQuestion(token=f"t{n}", asked_at=now - days * day, abstained=False,
                            question="Qu'est-ce qu'une SCIC ?", confidence=0.5)
          for n, days in ((1, 367), (2, 360))),
    ])
    db.flush()
    outbox.mkdir(parents=True, exist_ok=True)
    for name, age in (("old.eml", 31), ("new.eml", 29)):
        path = outbox / name
        path.write_text("To: someone@example.org\n\nbody")
        stamp = (now - age * day).timestamp()
        os.utime(path, (stamp, stamp))


def _counts(db) -> dict[str, int]:
    return {key: db.scalar(select(func.count()).select_from(model))
            for key, model in MODELS.items()}


EXPECTED = {"login_sessions": 2, "login_attempts": 1, "read_notifications": 1,
            "unread_notifications": 1, "invitations": 2, "assistant_questions": 1, "outbox": 1}


def test_every_period_is_stated_once_and_shown_in_its_unit():
    assert {p.key for p in retention.PERIODS} == set(EXPECTED)
    assert all(p.unit in {"days", "months"} and p.amount > 0 for p in retention.PERIODS)
    assert retention.months_before(datetime(2026, 3, 31, tzinfo=timezone.utc), 1) \
        == datetime(2026, 2, 28, tzinfo=timezone.utc)


def test_purge_deletes_exactly_what_is_past_its_period(db, tmp_path):
    now = datetime(2026, 11, 24, 3, 0, tzinfo=timezone.utc)
    _populate(db, now, tmp_path / "outbox")
    before = _counts(db)
    assert retention.purge(db, now=now, outbox=tmp_path / "outbox", dry_run=True) == EXPECTED
    assert _counts(db) == before and (tmp_path / "outbox" / "old.eml").exists()
    assert retention.purge(db, now=now, outbox=tmp_path / "outbox") == EXPECTED
    db.commit()
    assert _counts(db) == {"login_sessions": 2, "login_attempts": 1, "notifications": 2,
                           "invitations": 1, "assistant_questions": 1}
    assert sorted(n.title for n in db.scalars(select(Notification))) == [
        "jamais lu, récent", "lu récemment"]
    assert [p.name for p in (tmp_path / "outbox").iterdir()] == ["new.eml"]
    assert retention.purge(db, now=now, outbox=tmp_path / "outbox") == dict.fromkeys(EXPECTED, 0)


def test_the_purge_command_counts_in_a_dry_run_then_deletes(db, database_url, tmp_path):
    _populate(db, utcnow(), tmp_path / "outbox")
    db.commit()
    env = {"COCON_DATABASE_URL": database_url, "COCON_INSTANCE_PATH": str(tmp_path),
           "COCON_SECRET_KEY": "test"}
    dry = CliRunner().invoke(purge, ["--dry-run"], env=env)
    assert dry.exit_code == 0, dry.output
    assert "login_sessions: 2 would be deleted (kept 30 days)" in dry.output
    assert "assistant_questions: 1 would be deleted (kept 12 months)" in dry.output
    assert "outbox: 1 would be deleted" in dry.output
    db.expire_all()
    assert _counts(db)["login_sessions"] == 4
    done = CliRunner().invoke(purge, [], env=env)
    assert done.exit_code == 0, done.output
    assert "invitations: 2 deleted" in done.output
    db.expire_all()
    assert _counts(db)["login_sessions"] == 2
    assert [p.name for p in (tmp_path / "outbox").iterdir()] == ["new.eml"]
