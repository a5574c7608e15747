"""Which organisation a member speaks for in a session, and what an organisation took part in."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from cocon.accounts.models import User
from cocon.errors import InvalidInput
from cocon.organisations.models import Affiliation, Organisation
from cocon.organisations.services import organisations_of
from cocon.organisations.vocabularies import Status
from cocon.proposals.models import Proposal, Support, proposal_coauthors
from cocon.workshops.models import Post, Thread, Workshop, WorkshopMember
from cocon.workshops.permissions import can_view_workshop


def check_representation(db: Session, user_id: int, council_id: int,
                         organisation_id: int | None) -> int | None:
    """The organisation a member may speak for: one they belong to, validated, in this council."""
    if organisation_id in (None, "", 0):
        return None
    allowed = {a.organisation_id for a in organisations_of(db, user_id, council_id)}
    if organisation_id not in allowed:
        raise InvalidInput("You can only speak for an organisation you belong to and that the "
                           "council has validated.")
    return organisation_id


def default_labels(db: Session, council_id: int) -> dict[int, str]:
    """Each member's usual organisation: the validated one they represent, else the first by name."""
    rows = db.execute(select(Affiliation.user_id, Organisation.name)
                      .join(Organisation, Affiliation.organisation_id == Organisation.id)
                      .where(Organisation.council_id == council_id,
                             Organisation.status == Status.VALIDATED)
                      .order_by(Affiliation.is_representative.desc(), Organisation.name_key))
    out: dict[int, str] = {}
    for user_id, name in rows:
        out.setdefault(user_id, name)
    return out


def session_labels(db: Session, plenary) -> dict[int, str]:
    """The organisation beside each person in a session: the one chosen for it, else the usual one."""
    labels = default_labels(db, plenary.council_id)
    for record in plenary.attendances:
        if record.organisation is not None:
            labels[record.user_id] = record.organisation.name
    return labels


@dataclass
class Participation:
    """The workshops and proposals an organisation took part in through its members."""

    workshops: list = field(default_factory=list)
    proposals: list = field(default_factory=list)


def participation(db: Session, organisation: Organisation, viewer: User | None) -> Participation:
    """Workshops its members joined or posted in; proposals they wrote, co-signed or supported.

    Only what the viewer may see: visitors get public workshops and the proposals outside
    members-only workshops.
    """
    people = [a.user_id for a in organisation.affiliations]
    if not people:
        return Participation()
    council_id = organisation.council_id
    joined = select(WorkshopMember.workshop_id).where(WorkshopMember.user_id.in_(people))
    posted = (select(Thread.workshop_id).join(Post, Post.thread_id == Thread.id)
              .where(Post.author_id.in_(people), Post.deleted_at.is_(None),
                     Post.hidden_at.is_(None)))
    workshops = db.scalars(select(Workshop).where(
        Workshop.council_id == council_id,
        or_(Workshop.id.in_(joined), Workshop.id.in_(posted))).order_by(Workshop.title)).all()
    coauthored = select(proposal_coauthors.c.proposal_id).where(
        proposal_coauthors.c.user_id.in_(people))
    supported = select(Support.proposal_id).where(Support.user_id.in_(people))
    proposals = db.scalars(select(Proposal).where(
        Proposal.council_id == council_id, Proposal.submitted_at.is_not(None),
        or_(Proposal.author_id.in_(people), Proposal.id.in_(coauthored),
            Proposal.id.in_(supported))).order_by(Proposal.submitted_at.desc(),
                                                  Proposal.id.desc())).all()
    return Participation(
        [w for w in workshops if can_view_workshop(viewer, w)],
        [p for p in proposals if p.workshop is None or can_view_workshop(viewer, p.workshop)])
