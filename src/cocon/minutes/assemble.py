"""Assemble a plenary's compte rendu from what the platform knows, plus the facilitator's notes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.council.models import Role
from cocon.council.plenary.models import AttendanceStatus, Plenary
from cocon.council.plenary.quorum import quorum_state
from cocon.errors import NotFound
from cocon.organisations.representation import session_labels
from cocon.proposals.models import Proposal
from cocon.proposals.register_models import Orientation
from cocon.proposals.voting_models import Ballot

from .document import (ActionEntry, AgendaItemMinutes, Attendee, CollegeAttendance,
                       MinutesDocument, OrientationEntry, QuorumFigures)
from .models import Minutes
from .votes import vote_from_result

NO_COLLEGE = "—"


def _attendance(db: Session, plenary: Plenary) -> list[CollegeAttendance]:
    council = plenary.council
    status = {a.user_id: a.status for a in plenary.attendances}
    present = {uid for uid, s in status.items() if s == AttendanceStatus.PRESENT}
    holders = {p.giver_id: p.holder for p in plenary.proxies if p.holder_id in present}
    orgs = session_labels(db, plenary)  # chosen for the session, else the usual organisation
    groups: dict[str, list[Attendee]] = {c.name: [] for c in council.colleges}
    members = sorted((m for m in council.memberships if m.role != Role.OBSERVER),
                     key=lambda m: m.user.display_name.casefold())
    for m in members:
        uid = m.user_id
        if uid in present:
            state, holder = "present", None
        elif uid in holders:
            state, holder = "represented", holders[uid].display_name
        elif status.get(uid) == AttendanceStatus.EXCUSED:
            state, holder = "excused", None
        else:
            state, holder = "absent", None
        college = m.college.name if m.college else NO_COLLEGE
        groups.setdefault(college, []).append(
            Attendee(m.user.display_name, state, orgs.get(uid), holder))
    return [CollegeAttendance(name, people) for name, people in groups.items() if people]


def _items(db: Session, plenary: Plenary, minutes: Minutes | None) -> list[AgendaItemMinutes]:
    notes = {n.agenda_item_id: n.body for n in (minutes.notes if minutes else [])}
    ballots = db.scalars(select(Ballot).where(Ballot.plenary_id == plenary.id,
                                              Ballot.closed_at.is_not(None))
                         .order_by(Ballot.closed_at, Ballot.id)).all()
    out = []
    for item in plenary.items:
        proposals = db.scalars(select(Proposal.title).where(Proposal.agenda_item_id == item.id)
                               .order_by(Proposal.id)).all()
        votes = [vote_from_result(b.result, question=b.question, secret=b.secret,
                                  withdrawals=[w.user.display_name for w in b.withdrawals])
                 for b in ballots if b.agenda_item_id == item.id and b.result]
        out.append(AgendaItemMinutes(item.title, notes.get(item.id, ""), list(proposals), votes))
    return out


def _next_session(db: Session, plenary: Plenary, minutes: Minutes | None):
    if minutes is not None and minutes.next_session_at is not None:
        return minutes.next_session_at
    return db.scalar(select(Plenary.starts_at).where(
        Plenary.council_id == plenary.council_id, Plenary.starts_at > plenary.starts_at)
        .order_by(Plenary.starts_at).limit(1))


def assemble_minutes(db: Session, plenary_id: int, *, locale: str = "fr") -> MinutesDocument:
    """The compte rendu of a plenary as it stands now (not the locked snapshot)."""
    plenary = db.get(Plenary, plenary_id)
    if plenary is None:
        raise NotFound("No session with id %(id)s.", id=plenary_id)
    minutes = db.scalar(select(Minutes).where(Minutes.plenary_id == plenary.id))
    memberships = list(plenary.council.memberships)
    q = quorum_state(plenary, memberships, plenary.attendances, plenary.proxies)
    ballot_ids = select(Ballot.id).where(Ballot.plenary_id == plenary.id)
    orientations = db.scalars(select(Orientation).where(Orientation.ballot_id.in_(ballot_ids))
                              .order_by(Orientation.adopted_at, Orientation.id)).all()
    return MinutesDocument(
        council_name=plenary.council.name, session_title=plenary.title,
        kind=getattr(plenary.kind, "value", str(plenary.kind)), starts_at=plenary.starts_at,
        ends_at=plenary.ends_at, place=plenary.place, convened_at=plenary.convened_at,
        items=_items(db, plenary, minutes), attendance=_attendance(db, plenary),
        quorum=QuorumFigures(eligible=q.voting, present=q.present, represented=q.represented,
                             required=q.required, met=q.met),
        orientations=[OrientationEntry(o.title, o.text) for o in orientations],
        actions=[ActionEntry(a.description, a.responsible or None, a.due)
                 for a in (minutes.actions if minutes else [])],
        next_session_at=_next_session(db, plenary, minutes),
        status=minutes.status if minutes else "draft", locale=locale)
