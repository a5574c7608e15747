"""Delivering notifications by e-mail after commit, and the daily digest."""

from __future__ import annotations

from typing import Iterable

from flask import current_app
from flask_babel import force_locale, gettext as _

from cocon import notifications as core
from cocon.accounts.models import User
from cocon.db import utcnow
from cocon.mail import Mail
from webapp.mailer import send_mail


def _absolute(url: str) -> str:
    if url.startswith("/"):
        return current_app.config["BASE_URL"].rstrip("/") + url
    return url


def deliver(db, notes: Iterable[core.Notification | None]) -> int:
    """After commit: e-mail the notifications whose person chose "email"; return how many."""
    ids = [n.id for n in notes if n is not None]
    pending = core.pending_emails(db, ids)
    for note in pending:
        user = db.get(User, note.user_id)
        if user is None or user.is_erased:
            continue
        with force_locale(user.locale or "fr"):
            body = "\n\n".join(part for part in (note.body, _absolute(note.url)) if part)
            footer = _("You can choose how you are notified in your notification settings.")
            send_mail(Mail(to=user.email, subject=note.title, body=f"{body}\n\n-- \n{footer}"))
    core.mark_emailed(pending, now=utcnow())
    if pending:
        db.commit()
    return len(pending)


def send_digests(db) -> int:
    """Send one e-mail per person who chose the digest, with what they have not received yet."""
    sent = 0
    for user_id, notes in core.pending_digests(db).items():
        user = db.get(User, user_id)
        if user is None or user.is_erased:
            core.mark_emailed(notes, now=utcnow())
            continue
        with force_locale(user.locale or "fr"):
            lines = [f"- {n.title}\n  {_absolute(n.url)}" for n in notes]
            subject = _("Your daily cocon digest: %(n)s notifications", n=len(notes))
            send_mail(Mail(to=user.email, subject=subject, body="\n".join(lines)))
        core.mark_emailed(notes, now=utcnow())
        sent += 1
    db.commit()
    return sent
