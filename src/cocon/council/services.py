"""Council services: create councils and colleges, add, invite and manage members."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon import audit
from cocon.accounts.models import User
from cocon.accounts.services import find_user_by_email
from cocon.council.models import College, Council, Invitation, Membership, Role
from cocon.errors import Conflict, InvalidInput, NotFound
from cocon.validation import clean_email, clean_text, slugify

INVITATION_DAYS = 14


def _decimal(value: object, *, field: str, low: Decimal, high: Decimal) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        raise InvalidInput("The field %(field)s must be a number.", field=field) from None
    if not number.is_finite() or number < low or number > high:
        raise InvalidInput("The field %(field)s must be between %(low)s and %(high)s.",
                           field=field, low=low, high=high)
    return number


def create_council(db: Session, *, name: str, territory: str, description: str = "",
                   is_public: bool = True, quorum: object = "0.5", max_proxies: object = 1,
                   creator: User | None, now: datetime) -> Council:
    """Create a council; its creator becomes its first administrator."""
    name = clean_text(name, field="name", max_length=200)
    council = Council(
        name=name, territory=clean_text(territory, field="territory", max_length=200),
        description=clean_text(description, field="description", max_length=5000,
                               required=False, multiline=True),
        is_public=bool(is_public), quorum=_decimal(quorum, field="quorum", low=Decimal(0),
                                                   high=Decimal(1)),
        max_proxies=int(_decimal(max_proxies, field="max_proxies", low=Decimal(0),
                                 high=Decimal(10))),
        slug=_unique_slug(db, slugify(name)), created_at=now)
    db.add(council)
    db.flush()
    if creator is not None:
        db.add(Membership(council_id=council.id, user_id=creator.id, role=Role.ADMIN,
                          joined_at=now))
        audit.record(db, action="council.created", now=now, actor=creator,
                     council_id=council.id, target_type="council", target_id=council.id)
    db.flush()
    return council


def _unique_slug(db: Session, base: str) -> str:
    slug, n = base, 2
    while db.scalar(select(Council.id).where(Council.slug == slug)) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def get_council(db: Session, slug: str) -> Council:
    """The council with this slug, or NotFound."""
    council = db.scalar(select(Council).where(Council.slug == slug))
    if council is None:
        raise NotFound("This council does not exist.")
    return council


def add_college(db: Session, council: Council, *, name: str, weight: object = 1,
                votes: bool = True, description: str = "", actor: User | None = None,
                now: datetime) -> College:
    """Add a college with its vote weight; a college that does not vote only advises."""
    name = clean_text(name, field="name", max_length=120)
    if any(c.name.lower() == name.lower() for c in council.colleges):
        raise Conflict("A college with this name already exists in the council.")
    college = College(council=council, name=name,
                      weight=_decimal(weight, field="weight", low=Decimal(0),
                                      high=Decimal(1000)),
                      votes=bool(votes), position=len(council.colleges),
                      description=clean_text(description, field="description",
                                             max_length=2000, required=False))
    db.add(college)
    db.flush()
    audit.record(db, action="college.created", now=now, actor=actor, council_id=council.id,
                 target_type="college", target_id=college.id,
                 details={"name": name, "weight": str(college.weight), "votes": college.votes})
    return college


def _check_role_college(council: Council, role: Role, college_id: int | None) -> College | None:
    college = None
    if college_id is not None:
        college = next((c for c in council.colleges if c.id == college_id), None)
        if college is None:
            raise InvalidInput("This college does not belong to the council.")
    if role == Role.MEMBER and college is None:
        raise InvalidInput("A member must belong to a college.")
    return college


def add_member(db: Session, council: Council, user: User, *, role: Role,
               college_id: int | None = None, actor: User | None = None,
               now: datetime) -> Membership:
    """Give an existing account a role (and a college) in the council."""
    role = Role(role)
    college = _check_role_college(council, role, college_id)
    if any(m.user_id == user.id for m in council.memberships):
        raise Conflict("This person is already a member of the council.")
    membership = Membership(council=council, user=user, role=role, college=college,
                            joined_at=now)
    db.add(membership)
    db.flush()
    audit.record(db, action="member.added", now=now, actor=actor, council_id=council.id,
                 target_type="membership", target_id=membership.id,
                 details={"role": role.value, "college": college.name if college else None})
    return membership


def change_member(db: Session, council: Council, membership_id: int, *, role: Role,
                  college_id: int | None, actor: User | None, now: datetime) -> Membership:
    """Change a member's role or college."""
    membership = next((m for m in council.memberships if m.id == membership_id), None)
    if membership is None:
        raise NotFound("This member does not exist.")
    role = Role(role)
    college = _check_role_college(council, role, college_id)
    if membership.role == Role.ADMIN and role != Role.ADMIN and sum(
            1 for m in council.memberships if m.role == Role.ADMIN) == 1:
        raise Conflict("The council must keep at least one administrator.")
    membership.role, membership.college = role, college
    db.flush()
    audit.record(db, action="member.changed", now=now, actor=actor, council_id=council.id,
                 target_type="membership", target_id=membership.id,
                 details={"role": role.value, "college": college.name if college else None})
    return membership


def invite_member(db: Session, council: Council, *, email: str, role: Role,
                  college_id: int | None = None, actor: User | None,
                  now: datetime) -> tuple[Invitation, str]:
    """Invite someone by e-mail; returns the invitation and the secret token to send."""
    email = clean_email(email)
    role = Role(role)
    college = _check_role_college(council, role, college_id)
    existing = find_user_by_email(db, email)
    if existing is not None and any(m.user_id == existing.id for m in council.memberships):
        raise Conflict("This person is already a member of the council.")
    token = secrets.token_urlsafe(32)
    invitation = Invitation(council=council, email=email, role=role, college=college,
                            token_hash=hashlib.sha256(token.encode()).hexdigest(),
                            invited_by_id=actor.id if actor else None, created_at=now,
                            expires_at=now + timedelta(days=INVITATION_DAYS))
    db.add(invitation)
    db.flush()
    audit.record(db, action="member.invited", now=now, actor=actor, council_id=council.id,
                 target_type="invitation", target_id=invitation.id, details={"role": role.value})
    return invitation, token


def find_invitation(db: Session, token: str, *, now: datetime) -> Invitation:
    """The pending invitation for this token, or NotFound when unknown, used or expired."""
    digest = hashlib.sha256((token or "").encode()).hexdigest()
    invitation = db.scalar(select(Invitation).where(Invitation.token_hash == digest))
    if invitation is None or invitation.accepted_at is not None or invitation.expires_at < now:
        raise NotFound("This invitation is unknown, already used or expired.")
    return invitation


def accept_invitation(db: Session, token: str, user: User, *, now: datetime) -> Membership:
    """Join the council the invitation names, with its role and college."""
    invitation = find_invitation(db, token, now=now)
    membership = add_member(db, invitation.council, user, role=invitation.role,
                            college_id=invitation.college_id, actor=user, now=now)
    invitation.accepted_at = now
    db.flush()
    return membership


def list_councils(db: Session) -> list[Council]:
    """Every council, by name."""
    return list(db.scalars(select(Council).order_by(Council.name)))
