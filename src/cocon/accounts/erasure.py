"""Erasing an account (RGPD article 17): the name and e-mail go, the council's record stays.

This module sits above every domain because erasure touches them all. What happens:
- the User row stays (posts, votes and the audit log point to its id) but holds no name,
  e-mail or password any more; templates show it as "Deleted participant" (ERASED_NAME);
- what exists only for the person goes: login sessions and failed attempts, notifications and
  their settings, invitations sent to their address, memberships of councils and workshops,
  links to organisations, attendance and proxies of sessions not yet closed (a proxy they held
  is cancelled, audited, and its giver told);
- what belongs to the council's record stays, without the name: posts and their history,
  proposals, comments, roll-call votes (they keep counting), participations in secret ballots
  (the papers themselves never pointed to anyone), closed results, the audit log;
- the name is also taken out of other people's notifications and of the short name fields
  others typed (an action's "responsible", an orientation's "carried by");
- locked minutes are archives and are not changed (their hash proves them): the report says
  how many name the person.
Mentions of the person inside other people's messages are left as written: they are those
people's words (a moderator can edit or hide a message on request).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from cocon import audit, notifications
from cocon.accounts.models import ERASED_NAME, LoginAttempt, LoginSession, User
from cocon.accounts.sessions import _digest as account_key
from cocon.council.models import Council, Invitation, Membership, Role
from cocon.council.plenary import live
from cocon.council.plenary.models import Attendance, Plenary, Proxy
from cocon.council.plenary.state import PlenaryState, plenary_state
from cocon.errors import Conflict
from cocon.events import Event
from cocon.minutes.models import Minutes, MinutesAction
from cocon.organisations.models import Affiliation
from cocon.proposals.register_models import Orientation
from cocon.workshops.models import WorkshopMember

ERASED_LABEL = {"fr": ERASED_NAME, "en": "Deleted participant"}
PROXY_CANCELLED = {
    "fr": "Votre procuration pour «\u00a0%(plenary)s\u00a0» est annulée\u00a0: la personne "
          "qui la détenait a supprimé son compte. Vous pouvez en donner une autre.",
    "en": "Your proxy for “%(plenary)s” is cancelled: the person who held it deleted their "
          "account. You may give another one.",
}


@dataclass
class ErasureReport:
    """What the erasure did, for the person and the audit log; events and mails for the shell."""

    user_id: int
    counts: dict[str, int] = field(default_factory=dict)
    archived_minutes: int = 0
    events: list[Event] = field(default_factory=list)
    notes: list = field(default_factory=list)


def placeholder_email(user_id: int) -> str:
    """An address that identifies no one and can never receive mail (RFC 2606 .invalid)."""
    return f"compte-supprime-{user_id}@cocon.invalid"


def check_erasable(db: Session, user: User) -> None:
    """Refuse, with the reason, an erasure that would leave a council or the site unmanaged."""
    if user.is_erased:
        raise Conflict("This account is already deleted.")
    alone = []
    for membership in db.scalars(select(Membership).where(Membership.user_id == user.id,
                                                          Membership.role == Role.ADMIN)):
        others = db.scalar(select(func.count()).select_from(Membership).join(User).where(
            Membership.council_id == membership.council_id, Membership.role == Role.ADMIN,
            Membership.user_id != user.id, User.erased_at.is_(None)))
        if not others:
            alone.append(membership.council.name)
    if alone:
        raise Conflict("You are the last administrator of %(councils)s: make another member "
                       "administrator before deleting your account.",
                       councils=", ".join(f"«\u00a0{name}\u00a0»" for name in sorted(alone)))
    if user.is_site_admin and not db.scalar(select(func.count()).select_from(User).where(
            User.is_site_admin.is_(True), User.id != user.id, User.erased_at.is_(None))):
        raise Conflict("You are the only site administrator: make another person site "
                       "administrator before deleting your account.")


def _cancel_proxies(db: Session, user: User, report: ErasureReport,
                    now: datetime) -> list[Plenary]:
    """Proxies and attendance of sessions not yet closed: the person will not be there."""
    proxies = db.scalars(select(Proxy).where((Proxy.holder_id == user.id)
                                             | (Proxy.giver_id == user.id))).all()
    touched: dict[int, Plenary] = {}
    for proxy in proxies:
        plenary = db.get(Plenary, proxy.plenary_id)
        if plenary_state(plenary) == PlenaryState.CLOSED:
            continue
        audit.record(db, action="proxy.cancelled", now=now, actor=user,
                     council_id=plenary.council_id, target_type="plenary", target_id=plenary.id,
                     details={"giver_id": proxy.giver_id, "holder_id": proxy.holder_id,
                              "reason": "account erased"})
        if proxy.holder_id == user.id:
            giver = db.get(User, proxy.giver_id)
            title = PROXY_CANCELLED["en" if giver.locale == "en" else "fr"]
            report.notes.append(notifications.notify(
                db, user_id=giver.id, kind="convocation", title=title % {"plenary": plenary.title},
                url=f"/conseils/{plenary.council.slug}/seances/{plenary.id}", now=now))
        plenary.proxies.remove(proxy)
        touched[plenary.id] = plenary
        report.counts["proxies_cancelled"] = report.counts.get("proxies_cancelled", 0) + 1
    for attendance in db.scalars(select(Attendance).where(Attendance.user_id == user.id)).all():
        plenary = db.get(Plenary, attendance.plenary_id)
        if plenary_state(plenary) in (PlenaryState.DRAFT, PlenaryState.CONVENED):
            plenary.attendances.remove(attendance)
            touched[plenary.id] = plenary
    db.flush()
    report.notes = [n for n in report.notes if n is not None]
    return list(touched.values())


def _delete(db: Session, report: ErasureReport, key: str, statement) -> None:
    report.counts[key] = db.execute(
        statement.execution_options(synchronize_session="fetch")).rowcount or 0


def _mentioning(column, words: list[str]):
    """SQL prefilter of rows whose column may hold one of the words (the regex decides)."""
    return or_(*(c for w in words for c in (column.contains(w, autoescape=True),
                                            func.lower(column).contains(w.lower(),
                                                                        autoescape=True))))


def _scrub_names(db: Session, name: str, email: str, report: ErasureReport) -> None:
    """Take the name out of others' notifications and of the name fields others typed."""
    words = [name, email]
    pattern = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, words)),
                         re.IGNORECASE)
    Note = notifications.Notification
    scrubbed = 0
    for note, locale in db.execute(select(Note, User.locale).join(User, User.id == Note.user_id)
                                   .where(_mentioning(Note.title, words)
                                          | _mentioning(Note.body, words))).all():
        label = ERASED_LABEL["en" if locale == "en" else "fr"]
        note.title, note.body = pattern.sub(label, note.title), pattern.sub(label, note.body)
        scrubbed += 1
    for model, attribute in ((MinutesAction, "responsible"), (Orientation, "carried_by")):
        column = getattr(model, attribute)
        for row in db.scalars(select(model).where(_mentioning(column, words))):
            value = getattr(row, attribute)
            if pattern.search(value):
                setattr(row, attribute, pattern.sub(ERASED_NAME, value))
                scrubbed += 1
    for council in db.scalars(select(Council).where(
            func.lower(Council.contact_email) == email.lower())):
        council.contact_email, scrubbed = "", scrubbed + 1
    report.counts["texts_scrubbed"] = scrubbed
    locked = db.scalars(select(Minutes.locked_content).where(Minutes.locked_content.is_not(None)))
    report.archived_minutes = sum(1 for content in locked if pattern.search(
        json.dumps(content, ensure_ascii=False)))


def erase_account(db: Session, *, user: User, now: datetime) -> ErasureReport:
    """Erase this person's account as described above; audited under their id only."""
    check_erasable(db, user)
    name, email = user.display_name, user.email
    report = ErasureReport(user.id)
    touched = _cancel_proxies(db, user, report, now)
    uid = user.id
    _delete(db, report, "login_sessions", delete(LoginSession).where(LoginSession.user_id == uid))
    _delete(db, report, "login_attempts", delete(LoginAttempt).where(
        LoginAttempt.account_hash == account_key(email.strip().lower())))
    _delete(db, report, "notifications", delete(notifications.Notification).where(
        notifications.Notification.user_id == uid))
    _delete(db, report, "notification_settings", delete(notifications.NotificationPreference)
            .where(notifications.NotificationPreference.user_id == uid))
    _delete(db, report, "invitations", delete(Invitation).where(
        func.lower(Invitation.email) == email.lower()))
    _delete(db, report, "organisation_links", delete(Affiliation).where(
        Affiliation.user_id == uid))
    _delete(db, report, "workshop_memberships", delete(WorkshopMember).where(
        WorkshopMember.user_id == uid))
    _delete(db, report, "council_memberships", delete(Membership).where(
        Membership.user_id == uid))
    _scrub_names(db, name, email, report)
    user.display_name, user.email, user.password_hash = ERASED_NAME, placeholder_email(uid), ""
    user.locale, user.is_site_admin, user.last_login_at, user.erased_at = "fr", False, None, now
    db.flush()
    audit.record(db, action="account.erased", now=now, actor=user, target_type="user",
                 target_id=uid, details={**report.counts,
                                         "archived_minutes": report.archived_minutes})
    db.expire_all()  # loaded collections (a council's members…) must not show deleted rows
    report.events = [live.attendance_changed(plenary) for plenary in touched]  # new quorum
    return report
