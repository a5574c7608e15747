"""Plenary services: create, edit, convene, open, close, and move through the agenda."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon import audit
from cocon.accounts.models import User
from cocon.council.models import Council
from cocon.council.plenary import live, permissions
from cocon.council.plenary.convocation import convocation_mails
from cocon.council.plenary.models import Plenary, PlenaryKind
from cocon.council.plenary.state import PlenaryState, opening_allowed, plenary_state
from cocon.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocon.events import Event
from cocon.mail import Mail
from cocon.notifications import notify
from cocon.validation import clean_text


def _fields(*, kind, title, starts_at, ends_at, place, video_url, description) -> dict:
    try:
        kind = PlenaryKind(kind)
    except ValueError:
        raise InvalidInput("Unknown kind of session.") from None
    if not isinstance(starts_at, datetime) or starts_at.tzinfo is None:
        raise InvalidInput("The session needs a date and a time.")
    if ends_at is not None and (not isinstance(ends_at, datetime) or ends_at.tzinfo is None
                                or ends_at <= starts_at):
        raise InvalidInput("The end must come after the start.")
    video_url = clean_text(video_url, field="video_url", max_length=500, required=False)
    if video_url and not video_url.startswith(("https://", "http://")):
        raise InvalidInput("The video link must start with https://.")
    return {"kind": kind, "title": clean_text(title, field="title", max_length=200),
            "starts_at": starts_at, "ends_at": ends_at, "video_url": video_url,
            "place": clean_text(place, field="place", max_length=300, required=False),
            "description": clean_text(description, field="description", max_length=5000,
                                      required=False, multiline=True)}


def create_plenary(db: Session, council: Council, *, title: str, starts_at: datetime,
                   kind: str = "ordinary", ends_at: datetime | None = None, place: str = "",
                   video_url: str = "", description: str = "", actor: User | None,
                   now: datetime) -> Plenary:
    """Create a draft session; only facilitators may."""
    if actor is not None and not permissions.can_manage_plenary(actor, council):
        raise Forbidden("Only facilitators may prepare sessions.")
    plenary = Plenary(council=council, created_by=actor, created_at=now, **_fields(
        kind=kind, title=title, starts_at=starts_at, ends_at=ends_at, place=place,
        video_url=video_url, description=description))
    db.add(plenary)
    db.flush()
    audit.record(db, action="plenary.created", now=now, actor=actor, council_id=council.id,
                 target_type="plenary", target_id=plenary.id, details={"title": plenary.title})
    return plenary


def update_plenary(db: Session, plenary: Plenary, *, actor: User | None, now: datetime,
                   **values) -> list[Event]:
    """Change the session's details; refused once it is open."""
    if plenary_state(plenary) in {PlenaryState.OPEN, PlenaryState.CLOSED}:
        raise Conflict("A session cannot be changed once it has opened.")
    if actor is not None and not permissions.can_edit_plenary(actor, plenary):
        raise Forbidden("Only facilitators may change sessions.")
    for name, value in _fields(**values).items():
        setattr(plenary, name, value)
    db.flush()
    return [live.updated(plenary)]


def get_plenary(db: Session, council: Council, plenary_id: int) -> Plenary:
    """The council's session with this id, or NotFound."""
    plenary = db.get(Plenary, plenary_id)
    if plenary is None or plenary.council_id != council.id:
        raise NotFound("This session does not exist.")
    return plenary


def list_plenaries(db: Session, council: Council | None = None) -> list[Plenary]:
    """Sessions, latest first; of one council, or of every council."""
    query = select(Plenary).order_by(Plenary.starts_at.desc(), Plenary.id.desc())
    if council is not None:
        query = query.where(Plenary.council_id == council.id)
    return list(db.scalars(query))


def _require(allowed: bool, actor, message: str) -> None:
    if actor is not None and not allowed:
        raise Forbidden(message)


def convene_plenary(db: Session, plenary: Plenary, *, actor: User | None, now: datetime,
                    url: str = "") -> tuple[list[Event], list[Mail]]:
    """Convene the members: returns the live event and the convocation mails (with .ics)."""
    if plenary_state(plenary) != PlenaryState.DRAFT:
        raise Conflict("This session has already been convened.")
    if not plenary.items:
        raise InvalidInput("Add at least one agenda item before convening the session.")
    _require(permissions.can_convene(actor, plenary), actor,
             "Only facilitators may convene sessions.")
    plenary.convened_at = now
    db.flush()
    mails = convocation_mails(plenary, now=now, url=url)
    _notify_members(db, plenary, now=now, url=url)
    audit.record(db, action="plenary.convened", now=now, actor=actor,
                 council_id=plenary.council_id, target_type="plenary", target_id=plenary.id,
                 details={"recipients": len(mails), "items": len(plenary.items)})
    return [live.updated(plenary)], mails


def _notify_members(db: Session, plenary: Plenary, *, now: datetime, url: str) -> None:
    for membership in plenary.council.memberships:
        if membership.user.erased_at is None:
            # the convocation mail (with its .ics) is sent here; the notice stays in-app
            notify(db, user_id=membership.user_id, kind="convocation", title=plenary.title,
                   url=url, now=now, body=plenary.council.name, email=False)


def open_plenary(db: Session, plenary: Plenary, *, actor: User | None,
                 now: datetime) -> list[Event]:
    """Open the session on its day; the first agenda item becomes current."""
    state = plenary_state(plenary)
    if state == PlenaryState.DRAFT:
        raise Conflict("Convene the session before opening it.")
    if state != PlenaryState.CONVENED:
        raise Conflict("This session is already open or closed.")
    if not opening_allowed(plenary, now):
        raise Conflict("A session opens only on the day it is convened for.")
    _require(permissions.can_open_plenary(actor, plenary, now), actor,
             "Only facilitators may open sessions.")
    plenary.opened_at = now
    plenary.current_item_id = plenary.items[0].id if plenary.items else None
    db.flush()
    audit.record(db, action="plenary.opened", now=now, actor=actor,
                 council_id=plenary.council_id, target_type="plenary", target_id=plenary.id)
    return [live.updated(plenary)]


def close_plenary(db: Session, plenary: Plenary, *, actor: User | None,
                  now: datetime) -> list[Event]:
    """Close an open session; nothing about its attendance changes afterwards."""
    if plenary_state(plenary) != PlenaryState.OPEN:
        raise Conflict("Only an open session can be closed.")
    _require(permissions.can_run_plenary(actor, plenary), actor,
             "Only facilitators may close sessions.")
    plenary.closed_at, plenary.current_item_id = now, None
    db.flush()
    audit.record(db, action="plenary.closed", now=now, actor=actor,
                 council_id=plenary.council_id, target_type="plenary", target_id=plenary.id)
    return [live.updated(plenary)]


def set_current_item(db: Session, plenary: Plenary, item_id: int | None, *,
                     actor: User | None, now: datetime) -> list[Event]:
    """Show this agenda item as the one being discussed (None: no item)."""
    if plenary_state(plenary) != PlenaryState.OPEN:
        raise Conflict("The current item can change only while the session is open.")
    _require(permissions.can_run_plenary(actor, plenary), actor,
             "Only facilitators may run the session.")
    if item_id is not None and all(item.id != item_id for item in plenary.items):
        raise InvalidInput("This agenda item does not belong to the session.")
    plenary.current_item_id = item_id
    db.flush()
    return [live.updated(plenary)]


def next_item_id(plenary: Plenary) -> int | None:
    """The item after the current one (the first when none is current), or None at the end."""
    ids = [item.id for item in plenary.items]
    if plenary.current_item_id not in ids:
        return ids[0] if ids else None
    index = ids.index(plenary.current_item_id)
    return ids[index + 1] if index + 1 < len(ids) else None
