"""Attendance (émargement) and proxies (procurations), with the council's rules."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from cocon.accounts.models import User
from cocon.council.permissions import is_voting_member
from cocon.council.plenary import live, permissions
from cocon.council.plenary.models import Attendance, AttendanceStatus, Plenary, Proxy
from cocon.council.plenary.state import PlenaryState, plenary_state
from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.events import Event
from cocon.organisations.models import Organisation
from cocon.organisations.representation import check_representation


def _status(value) -> AttendanceStatus:
    try:
        return AttendanceStatus(value)
    except ValueError:
        raise InvalidInput("Choose present, excused or absent.") from None


def _membership(plenary: Plenary, user_id: int):
    return next((m for m in plenary.council.memberships if m.user_id == user_id), None)


def _not_closed(plenary: Plenary, message: str) -> None:
    if plenary_state(plenary) == PlenaryState.CLOSED:
        raise Conflict(message)
    if plenary_state(plenary) == PlenaryState.DRAFT:
        raise Conflict("This session has not been convened yet.")


def attendance_of(plenary: Plenary, user_id: int) -> Attendance | None:
    """This person's attendance record, if any."""
    return next((a for a in plenary.attendances if a.user_id == user_id), None)


def proxy_given_by(plenary: Plenary, user_id: int) -> Proxy | None:
    """The proxy this person gave, if any."""
    return next((p for p in plenary.proxies if p.giver_id == user_id), None)


def _set(db: Session, plenary: Plenary, user_id: int, status: AttendanceStatus, *,
         checked_in_by: User | None, now: datetime) -> None:
    record = attendance_of(plenary, user_id)
    if record is None:
        record = Attendance(user_id=user_id, status=status, updated_at=now)
        plenary.attendances.append(record)
    record.status, record.updated_at = status, now
    record.checked_in_by_id = checked_in_by.id if checked_in_by else None
    given = proxy_given_by(plenary, user_id)
    if status == AttendanceStatus.PRESENT and given is not None:
        plenary.proxies.remove(given)  # whoever comes in person takes their vote back
    db.flush()


def register_attendance(db: Session, plenary: Plenary, user: User, status, *,
                        now: datetime, organisation_id: int | None = None) -> list[Event]:
    """A member says they are present, excused or absent, and which organisation they speak for."""
    _not_closed(plenary, "This session is closed: attendance can no longer change.")
    if not permissions.can_register_attendance(user, plenary):
        raise Forbidden("Only members of the council register their attendance.")
    chosen = (check_representation(db, user.id, plenary.council.id, organisation_id)
              if organisation_id is not None else None)
    _set(db, plenary, user.id, _status(status), checked_in_by=None, now=now)
    attendance_of(plenary, user.id).organisation = (
        db.get(Organisation, chosen) if chosen is not None else None)
    db.flush()
    return [live.attendance_changed(plenary)]


def check_in(db: Session, plenary: Plenary, user_id: int, status, *, actor: User | None,
             now: datetime) -> list[Event]:
    """The facilitator records someone's attendance on the day."""
    _not_closed(plenary, "This session is closed: check-in is no longer possible.")
    if actor is not None and not permissions.can_check_in(actor, plenary):
        raise Forbidden("Only facilitators check people in.")
    if _membership(plenary, user_id) is None:
        raise InvalidInput("This person is not a member of the council.")
    _set(db, plenary, user_id, _status(status), checked_in_by=actor, now=now)
    return [live.attendance_changed(plenary)]


def give_proxy(db: Session, plenary: Plenary, giver: User, holder_id: int, *,
               now: datetime) -> list[Event]:
    """Entrust one's vote to another voting member, within the council's limits."""
    _not_closed(plenary, "This session is closed: proxies can no longer change.")
    if not permissions.can_give_proxy(giver, plenary):
        raise Forbidden("Only voting members of the council may give a proxy.")
    if holder_id == giver.id:
        raise InvalidInput("You cannot give a proxy to yourself.")
    holder = _membership(plenary, holder_id)
    if holder is None:
        raise InvalidInput("A proxy can only go to a member of the council.")
    if not is_voting_member(holder):
        raise InvalidInput("A proxy can only go to a voting member (not an observer or an "
                           "advisory college).")
    mine = attendance_of(plenary, giver.id)
    if mine is not None and mine.status == AttendanceStatus.PRESENT:
        raise Conflict("You are registered as present: you vote yourself.")
    if proxy_given_by(plenary, holder_id) is not None:
        raise Conflict("This member has given their own proxy: proxies cannot be chained.")
    if any(p.holder_id == giver.id for p in plenary.proxies):
        raise Conflict("You hold a proxy yourself: proxies cannot be chained.")
    limit = plenary.council.max_proxies
    held = sum(1 for p in plenary.proxies if p.holder_id == holder_id and p.giver_id != giver.id)
    if held >= limit:
        raise Conflict("This member already holds the maximum number of proxies (%(n)s).",
                       n=limit)
    existing = proxy_given_by(plenary, giver.id)
    if existing is None:
        plenary.proxies.append(Proxy(giver_id=giver.id, holder_id=holder_id, created_at=now))
    else:
        existing.holder_id, existing.created_at = holder_id, now
    if mine is None:
        plenary.attendances.append(Attendance(user_id=giver.id, status=AttendanceStatus.EXCUSED,
                                              updated_at=now))
    db.flush()
    return [live.attendance_changed(plenary)]


def withdraw_proxy(db: Session, plenary: Plenary, giver: User, *, now: datetime) -> list[Event]:
    """Take back one's proxy."""
    _not_closed(plenary, "This session is closed: proxies can no longer change.")
    given = proxy_given_by(plenary, giver.id)
    if given is None:
        raise Conflict("You have not given a proxy.")
    plenary.proxies.remove(given)
    db.flush()
    return [live.attendance_changed(plenary)]
