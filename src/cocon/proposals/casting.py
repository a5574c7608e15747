"""Casting a vote: one person, one vote, enforced by the database; secret votes stay apart."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cocon.council.models import Role
from cocon.council.permissions import membership_of
from cocon.council.plenary.models import Proxy
from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.events import Event
from cocon.proposals.counting.ballots import (CONSENT, CONSENT_CHOICES, MAJORITY_JUDGMENT,
                                              OBJECTION, YES_NO_CHOICES)
from cocon.proposals.permissions import BallotState, ballot_state
from cocon.proposals.voting_models import (Ballot, BallotParticipation, BallotWithdrawal,
                                           PublicVote, SecretVote)


def room(ballot: Ballot) -> str:
    """The live room where a ballot's progress is announced."""
    return f"plenary:{ballot.plenary_id}"


def voted_count(db: Session, ballot: Ballot) -> int:
    """How many members have voted (the only live figure of a secret ballot)."""
    return db.scalar(select(func.count()).select_from(BallotParticipation)
                     .where(BallotParticipation.ballot_id == ballot.id)) or 0


def _voting_college(ballot: Ballot, user) -> str:
    membership = membership_of(user, ballot.council)
    if membership is None:
        raise Forbidden("Only members of the council can vote.")
    if membership.role == Role.OBSERVER:
        raise Forbidden("Observers do not vote.")
    if membership.college is None:
        raise Forbidden("Members without a college do not vote.")
    if not membership.college.votes:
        raise Forbidden("The %(college)s college advises but does not vote.",
                        college=membership.college.name)
    return membership.college.name


def _check_choice(ballot: Ballot, choice, reason, grades) -> tuple:
    if ballot.method == MAJORITY_JUDGMENT:
        if not isinstance(grades, dict) or not grades:
            raise InvalidInput("Give a grade to at least one option.")
        for candidate, grade in grades.items():
            if candidate not in ballot.candidates:
                raise InvalidInput("Unknown option: %(option)s.", option=str(candidate)[:80])
            if grade not in ballot.grades:
                raise InvalidInput("%(grade)s is not a grade of this vote.", grade=str(grade)[:80])
        return None, None, dict(grades)
    allowed = CONSENT_CHOICES if ballot.method == CONSENT else YES_NO_CHOICES
    if choice not in allowed:
        raise InvalidInput("Unknown option: %(option)s.", option=str(choice)[:80])
    reason = (reason or "").strip()[:2000] or None
    if choice == OBJECTION and not reason:
        raise InvalidInput("An objection must give its reason.")
    return choice, reason if choice == OBJECTION else None, None


def _check_proxy(db: Session, ballot: Ballot, holder, giver) -> None:
    held = db.scalar(select(Proxy.id).where(Proxy.plenary_id == ballot.plenary_id,
                                            Proxy.giver_id == giver.id,
                                            Proxy.holder_id == holder.id))
    if held is None:
        raise Forbidden("You do not hold a proxy from %(name)s for this session.",
                        name=giver.display_name)


def cast_vote(db: Session, *, ballot: Ballot, voter, choice: str | None = None,
              reason: str | None = None, grades: dict | None = None, on_behalf_of=None,
              now: datetime) -> list[Event]:
    """Record one member's vote (theirs, or a giver's by proxy) and who took part, atomically."""
    # a shared lock: closing (which locks the row for update) waits for votes in flight
    db.refresh(ballot, with_for_update={"read": True})
    state = ballot_state(ballot)
    if state == BallotState.DRAFT:
        raise Conflict("This vote is not open yet.")
    if state == BallotState.CLOSED:
        raise Conflict("This vote is closed.")
    member = on_behalf_of or voter
    holder_college = _voting_college(ballot, voter)
    college = holder_college if on_behalf_of is None else _voting_college(ballot, member)
    if on_behalf_of is not None:
        if on_behalf_of.id == voter.id:
            raise InvalidInput("You cannot hold your own proxy.")
        _check_proxy(db, ballot, voter, member)
    withdrawn = db.scalar(select(BallotWithdrawal.id).where(
        BallotWithdrawal.ballot_id == ballot.id, BallotWithdrawal.user_id == member.id))
    if withdrawn is not None:
        raise Conflict("This member has withdrawn from this vote.")
    choice, reason, grades = _check_choice(ballot, choice, reason, grades)
    participation = BallotParticipation(ballot_id=ballot.id, member_id=member.id,
                                        cast_by_id=voter.id, by_proxy=on_behalf_of is not None)
    if ballot.secret:
        vote = SecretVote(ballot_id=ballot.id, college=college, choice=choice, reason=reason,
                          grades=grades)
    else:
        vote = PublicVote(ballot_id=ballot.id, voter_id=member.id, cast_by_id=voter.id,
                          college=college, choice=choice, reason=reason, grades=grades)
    try:
        with db.begin_nested():
            db.add_all([participation, vote])
            db.flush()
    except IntegrityError:
        raise Conflict("This vote has already been cast for %(name)s.",
                       name=member.display_name) from None
    payload = {"ballot_id": ballot.id, "voted": voted_count(db, ballot)}
    if not ballot.secret:
        payload["voter"] = member.display_name
        payload["choice"] = choice
    return [Event("ballot.voted", room(ballot), payload)]


def has_voted(db: Session, ballot: Ballot, user) -> bool:
    """Whether this member's vote has been cast (by them or by a proxy holder)."""
    return db.scalar(select(BallotParticipation.id).where(
        BallotParticipation.ballot_id == ballot.id,
        BallotParticipation.member_id == user.id)) is not None
