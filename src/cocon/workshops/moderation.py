"""Reports and the moderation queue: hide, restore, warn, each with a recorded reason."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon import audit, notifications
from cocon.accounts.models import User
from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.events import Event
from cocon.validation import clean_text
from cocon.workshops import permissions
from cocon.workshops.forum import Outcome, _index, post_payload, post_url
from cocon.workshops.models import Post, Report, Thread, Workshop

WARNING_TITLE = {"fr": "Avertissement des modérateurs de « %(workshop)s »",
                 "en": "Warning from the moderators of “%(workshop)s”"}
HIDDEN_TITLE = {"fr": "Votre message dans « %(thread)s » a été masqué",
                "en": "Your post in “%(thread)s” was hidden"}


def _reason(reason: object) -> str:
    return clean_text(reason, field="reason", max_length=1000, multiline=True)


def _check(actor: User, post: Post) -> Workshop:
    workshop = post.thread.workshop
    if not permissions.can_moderate(actor, workshop):
        raise Forbidden("Only the workshop's facilitators may moderate.")
    return workshop


def _lang(user: User) -> str:
    return "en" if user.locale == "en" else "fr"


def report_post(db: Session, post: Post, *, reporter: User, reason: str, now: datetime) -> Report:
    """Tell the moderators that a post breaks the rules, and why."""
    if not permissions.can_report_post(reporter, post, post.thread.workshop):
        raise Forbidden("You may not report this message.")
    reason = _reason(reason)
    open_report = db.scalar(select(Report).where(
        Report.post_id == post.id, Report.reporter_id == reporter.id,
        Report.resolved_at.is_(None)))
    if open_report is not None:
        raise Conflict("You have already reported this message.")
    report = Report(post=post, post_id=post.id, reporter_id=reporter.id, reason=reason,
                    created_at=now)
    db.add(report)
    db.flush()
    return report


def queue(db: Session, workshop: Workshop) -> list[Report]:
    """The workshop's unresolved reports, oldest first."""
    return list(db.scalars(select(Report).join(Post).join(Thread).where(
        Thread.workshop_id == workshop.id, Report.resolved_at.is_(None)).order_by(Report.id)))


def _resolve(db: Session, post: Post, resolution: str, now: datetime) -> None:
    for report in db.scalars(select(Report).where(Report.post_id == post.id,
                                                  Report.resolved_at.is_(None))):
        report.resolved_at, report.resolution = now, resolution


def hide_post(db: Session, post: Post, *, actor: User, reason: str, now: datetime) -> Outcome:
    """Hide a post from everyone but the moderators; its author is told why."""
    workshop = _check(actor, post)
    reason = _reason(reason)
    if post.hidden_at is not None:
        raise Conflict("This message is already hidden.")
    post.hidden_at, post.hidden_by, post.hidden_by_id, post.hide_reason = now, actor, actor.id, reason
    _resolve(db, post, "hidden", now)
    db.flush()
    _index(db, post, now)
    audit.record(db, action="post.hide", now=now, actor=actor, council_id=workshop.council_id,
                 target_type="post", target_id=post.id, details={"reason": reason})
    notes = []
    if post.author is not None:
        title = HIDDEN_TITLE[_lang(post.author)] % {"thread": post.thread.title}
        notes.append(notifications.notify(db, user_id=post.author.id, kind="moderation",
                                          title=title, body=reason, url=post_url(post), now=now))
    return Outcome(post, [Event("post.hidden", f"thread:{post.thread_id}", post_payload(post))],
                   [n for n in notes if n is not None])


def restore_post(db: Session, post: Post, *, actor: User, reason: str, now: datetime) -> Outcome:
    """Show a hidden post again."""
    workshop = _check(actor, post)
    reason = _reason(reason)
    if post.hidden_at is None:
        raise Conflict("This message is not hidden.")
    post.hidden_at, post.hidden_by, post.hidden_by_id, post.hide_reason = None, None, None, ""
    db.flush()
    _index(db, post, now)
    audit.record(db, action="post.restore", now=now, actor=actor, council_id=workshop.council_id,
                 target_type="post", target_id=post.id, details={"reason": reason})
    return Outcome(post, [Event("post.updated", f"thread:{post.thread_id}", post_payload(post))])


def dismiss_reports(db: Session, post: Post, *, actor: User, reason: str, now: datetime) -> None:
    """Close the reports on a post that breaks no rule."""
    workshop = _check(actor, post)
    reason = _reason(reason)
    _resolve(db, post, "dismissed", now)
    db.flush()
    audit.record(db, action="report.dismiss", now=now, actor=actor,
                 council_id=workshop.council_id, target_type="post", target_id=post.id,
                 details={"reason": reason})


def warn_author(db: Session, post: Post, *, actor: User, reason: str, now: datetime) -> list:
    """Send the author a warning with the moderators' reason; return the notifications."""
    workshop = _check(actor, post)
    reason = _reason(reason)
    if post.author is None:
        raise InvalidInput("This message has no author to warn.")
    _resolve(db, post, "warned", now)
    audit.record(db, action="post.warn", now=now, actor=actor, council_id=workshop.council_id,
                 target_type="post", target_id=post.id,
                 details={"reason": reason, "author_id": post.author.id})
    title = WARNING_TITLE[_lang(post.author)] % {"workshop": workshop.title}
    note = notifications.notify(db, user_id=post.author.id, kind="moderation", title=title,
                                body=reason, url=post_url(post), now=now)
    return [note] if note is not None else []
