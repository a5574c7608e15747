"""Workshops: opening them, joining, leaving, inviting, changing their status."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon import audit
from cocon.accounts.models import User
from cocon.council import permissions as council_perms
from cocon.council.models import Council
from cocon.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocon.validation import clean_text
from cocon.workshops import permissions
from cocon.workshops.models import Workshop, WorkshopMember, WorkshopStatus


def get_workshop(db: Session, council: Council, workshop_id: int) -> Workshop:
    """The workshop of this council with this id, or NotFound."""
    workshop = db.get(Workshop, workshop_id)
    if workshop is None or workshop.council_id != council.id:
        raise NotFound("This workshop does not exist.")
    return workshop


def list_workshops(db: Session, council: Council, user: User | None, *,
                   include_archived: bool = False) -> list[Workshop]:
    """The council's workshops this person may see, open ones first."""
    order = {WorkshopStatus.OPEN: 0, WorkshopStatus.CLOSED: 1, WorkshopStatus.ARCHIVED: 2}
    found = db.scalars(select(Workshop).where(Workshop.council_id == council.id)).all()
    visible = [w for w in found if permissions.can_view_workshop(user, w)
               and (include_archived or w.status != WorkshopStatus.ARCHIVED)]
    return sorted(visible, key=lambda w: (order[w.status], w.title.lower()))


def visible_workshop_ids(db: Session, user: User | None, council_ids) -> set[int]:
    """The ids of every workshop of these councils this person may see (for search)."""
    ids = list(council_ids)
    if not ids:
        return set()
    found = db.scalars(select(Workshop).where(Workshop.council_id.in_(ids))).all()
    return {w.id for w in found if permissions.can_view_workshop(user, w)}


def create_workshop(db: Session, council: Council, *, title: str, theme: str = "",
                    description: str = "", is_public: bool = True,
                    citizens_may_post: bool = False, facilitator: User | None = None,
                    actor: User, now: datetime) -> Workshop:
    """Open a workshop in a council; its facilitator defaults to the person opening it."""
    if not permissions.can_create_workshop(actor, council):
        raise Forbidden("Only the council's facilitators may open a workshop.")
    facilitator = facilitator or actor
    if not council_perms.can_facilitate(facilitator, council) and \
            council_perms.role_in(facilitator, council) is None:
        raise InvalidInput("The facilitator must be a member of the council.")
    workshop = Workshop(
        council=council, council_id=council.id,
        title=clean_text(title, field="title", max_length=200),
        theme=clean_text(theme, field="theme", max_length=200, required=False),
        description=clean_text(description, field="description", max_length=5000,
                               required=False, multiline=True),
        facilitator_id=facilitator.id, status=WorkshopStatus.OPEN,
        is_public=bool(is_public) and council.is_public, citizens_may_post=bool(citizens_may_post),
        created_at=now)
    db.add(workshop)
    db.flush()
    db.add(WorkshopMember(workshop=workshop, user_id=facilitator.id, joined_at=now))
    db.flush()
    audit.record(db, action="workshop.create", now=now, actor=actor, council_id=council.id,
                 target_type="workshop", target_id=workshop.id, details={"title": workshop.title})
    return workshop


def join_workshop(db: Session, workshop: Workshop, *, user: User, now: datetime) -> WorkshopMember:
    """Join an open workshop one may write in."""
    if permissions.is_workshop_member(user, workshop):
        raise Conflict("You are already a member of this workshop.")
    if not permissions.can_join_workshop(user, workshop):
        raise Forbidden("You may not join this workshop.")
    member = WorkshopMember(workshop=workshop, user_id=user.id, joined_at=now)
    db.add(member)
    db.flush()
    return member


def leave_workshop(db: Session, workshop: Workshop, *, user: User) -> None:
    """Leave a workshop (the facilitator stays in charge even if they leave the list)."""
    member = next((m for m in workshop.members if m.user_id == user.id), None)
    if member is None:
        raise Conflict("You are not a member of this workshop.")
    workshop.members.remove(member)
    db.flush()


def invite_member(db: Session, workshop: Workshop, *, invitee: User, actor: User,
                  now: datetime) -> WorkshopMember:
    """A moderator adds a member of the council to the workshop."""
    if not permissions.can_manage_workshop(actor, workshop):
        raise Forbidden("Only the workshop's facilitators may invite people.")
    if council_perms.role_in(invitee, workshop.council) is None:
        raise InvalidInput("Only members of the council can be invited.")
    if permissions.is_workshop_member(invitee, workshop):
        raise Conflict("This person is already a member of the workshop.")
    member = WorkshopMember(workshop=workshop, user_id=invitee.id, invited_by_id=actor.id,
                            joined_at=now)
    db.add(member)
    db.flush()
    return member


def set_status(db: Session, workshop: Workshop, *, status, actor: User,
               now: datetime) -> Workshop:
    """Open, close or archive a workshop."""
    if not permissions.can_manage_workshop(actor, workshop):
        raise Forbidden("Only the workshop's facilitators may change its status.")
    try:
        workshop.status = WorkshopStatus(status)
    except ValueError:
        raise InvalidInput("Unknown workshop status.") from None
    db.flush()
    audit.record(db, action="workshop.status", now=now, actor=actor,
                 council_id=workshop.council_id, target_type="workshop", target_id=workshop.id,
                 details={"status": workshop.status.value})
    return workshop
