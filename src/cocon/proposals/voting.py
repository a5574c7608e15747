"""The life of a ballot: create, open, close (count, sever secrecy), reopen, déport, paper."""

from __future__ import annotations

import random
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cocon import audit
from cocon.council.permissions import can_facilitate, membership_of
from cocon.council.plenary.state import PlenaryState, plenary_state
from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.events import Event
from cocon.proposals.casting import room, voted_count
from cocon.proposals.counting.ballots import (CONSENT_CHOICES, DEFAULT_GRADES,
                                              MAJORITY_JUDGMENT, METHODS, YES_NO_CHOICES)
from cocon.proposals.permissions import BallotState, ballot_state
from cocon.proposals.tally_input import count_ballot, colleges_of
from cocon.proposals.voting_models import (Ballot, BallotParticipation, BallotWithdrawal,
                                           SecretVote)
from cocon.validation import clean_text

_shuffle = random.SystemRandom().shuffle
MAX_PAPER_COUNT = 10_000  # paper ballots of one option in one college: far above any council


def _facilitator(actor, council) -> None:
    if not can_facilitate(actor, council):
        raise Forbidden("Only facilitators run votes.")


def _plenary_open(plenary, message: str) -> None:
    """Votes are created and opened only during an open plenary session."""
    if plenary is None or plenary_state(plenary) != PlenaryState.OPEN:
        raise Conflict(message)


def create_ballot(db: Session, *, item, question: str, method: str, secret: bool = True,
                  candidates: list[str] | None = None, grades: list[str] | None = None,
                  proposal=None, actor, now: datetime) -> Ballot:
    """Prepare a ballot on an agenda item (not open yet)."""
    plenary = item.plenary
    _facilitator(actor, plenary.council)
    _plenary_open(plenary, "A vote can only be created while its plenary session is open.")
    if method not in METHODS:
        raise InvalidInput("Unknown voting method.")
    question = clean_text(question, field="question", max_length=2000, multiline=True)
    candidates = [c.strip() for c in (candidates or []) if c and c.strip()]
    grades = [g.strip() for g in (grades or []) if g and g.strip()] or list(DEFAULT_GRADES)
    if method == MAJORITY_JUDGMENT:
        if len(candidates) < 2 or len(set(candidates)) != len(candidates):
            raise InvalidInput("A majority judgment needs at least two distinct options.")
        if len(grades) < 2 or len(set(grades)) != len(grades):
            raise InvalidInput("A majority judgment needs at least two distinct grades.")
    else:
        candidates, grades = [], []
    if sum(w for w in colleges_of_council(plenary.council).values()) <= 0:
        raise InvalidInput("The college weights must not all be zero.")
    ballot = Ballot(council_id=plenary.council_id, council=plenary.council, plenary=plenary,
                    agenda_item=item, proposal=proposal, question=question, method=method,
                    secret=bool(secret), candidates=candidates, grades=grades, created_at=now)
    db.add(ballot)
    db.flush()
    audit.record(db, action="ballot.create", now=now, actor=actor, council_id=ballot.council_id,
                 target_type="ballot", target_id=ballot.id,
                 details={"question": question, "method": method, "secret": ballot.secret})
    return ballot


def colleges_of_council(council) -> dict:
    """Weights of the colleges that vote."""
    return {c.name: c.weight for c in council.colleges if c.votes}


def open_ballot(db: Session, *, ballot: Ballot, actor, now: datetime) -> list[Event]:
    """Open the ballot: members may vote from now on."""
    _facilitator(actor, ballot.council)
    db.refresh(ballot, with_for_update=True)
    if ballot_state(ballot) != BallotState.DRAFT:
        raise Conflict("This vote has already been opened.")
    _plenary_open(ballot.plenary, "A vote can only be opened while its plenary session is open.")
    ballot.opened_at, ballot.opened_by_id = now, actor.id
    db.flush()
    audit.record(db, action="ballot.open", now=now, actor=actor, council_id=ballot.council_id,
                 target_type="ballot", target_id=ballot.id)
    return [Event("ballot.opened", room(ballot), {"ballot_id": ballot.id,
                                                  "question": ballot.question})]


def _sever_secret_votes(db: Session, ballot: Ballot) -> None:
    """Rewrite the secret votes in a random order with fresh ids, in the closing transaction."""
    rows = db.scalars(select(SecretVote).where(SecretVote.ballot_id == ballot.id)).all()
    copies = [dict(college=r.college, choice=r.choice, reason=r.reason, grades=r.grades)
              for r in rows]
    _shuffle(copies)
    db.execute(delete(SecretVote).where(SecretVote.ballot_id == ballot.id))
    for row in rows:
        db.expunge(row)
    db.add_all(SecretVote(ballot_id=ballot.id, **copy) for copy in copies)
    db.flush()


def close_ballot(db: Session, *, ballot: Ballot, actor, now: datetime) -> list[Event]:
    """Close, count with `tally_document`, freeze the result; an adopted proposal is registered."""
    _facilitator(actor, ballot.council)
    db.refresh(ballot, with_for_update=True)  # waits for votes being cast
    state = ballot_state(ballot)
    if state == BallotState.CLOSED:
        raise Conflict("This vote is already closed.")
    if state == BallotState.DRAFT:
        raise Conflict("This vote is not open yet.")
    if ballot.secret:
        _sever_secret_votes(db, ballot)
    result = count_ballot(db, ballot)
    result["withdrawn"] = len(ballot.withdrawals)
    result["proxies"] = sum(1 for p in ballot.participations if p.by_proxy)
    ballot.result, ballot.closed_at, ballot.closed_by_id = result, now, actor.id
    db.flush()
    audit.record(db, action="ballot.close", now=now, actor=actor, council_id=ballot.council_id,
                 target_type="ballot", target_id=ballot.id,
                 details={"adopted": result.get("adopted"), "winner": result.get("winner")})
    if ballot.proposal is not None and "adopted" in result:
        from cocon.proposals.register import record_decision
        record_decision(db, ballot=ballot, adopted=bool(result["adopted"]), now=now)
    summary = {k: result.get(k) for k in ("adopted", "winner", "counts") if k in result}
    return [Event("ballot.closed", room(ballot), {"ballot_id": ballot.id, "result": summary})]


def reopen_ballot(db: Session, *, ballot: Ballot, actor, reason: str, now: datetime
                  ) -> list[Event]:
    """Reopen a closed ballot (an incident); the frozen result is dropped, the reason audited."""
    _facilitator(actor, ballot.council)
    reason = clean_text(reason, field="reason", max_length=1000)
    db.refresh(ballot, with_for_update=True)
    if ballot_state(ballot) != BallotState.CLOSED:
        raise Conflict("Only a closed vote can be reopened.")
    if ballot.proposal is not None and ballot.proposal.decision is not None:
        from cocon.proposals.register import undo_decision
        undo_decision(db, ballot=ballot)
    previous = ballot.result
    ballot.closed_at = ballot.closed_by_id = ballot.result = None
    db.flush()
    audit.record(db, action="ballot.reopen", now=now, actor=actor, council_id=ballot.council_id,
                 target_type="ballot", target_id=ballot.id,
                 details={"reason": reason, "previous_result": previous})
    return [Event("ballot.opened", room(ballot), {"ballot_id": ballot.id,
                                                  "question": ballot.question})]


def withdraw_from_ballot(db: Session, *, ballot: Ballot, member, reason: str = "",
                         now: datetime) -> BallotWithdrawal:
    """A member declares an interest and takes no part (se déporter); the minutes record it."""
    if membership_of(member, ballot.council) is None:
        raise Forbidden("Only members of the council can vote.")
    if ballot_state(ballot) == BallotState.CLOSED:
        raise Conflict("This vote is closed.")
    reason = clean_text(reason, field="reason", max_length=1000, required=False)
    if db.scalar(select(BallotParticipation.id).where(
            BallotParticipation.ballot_id == ballot.id,
            BallotParticipation.member_id == member.id)) is not None:
        raise Conflict("You have already voted; you can no longer withdraw.")
    if any(w.user_id == member.id for w in ballot.withdrawals):
        raise Conflict("You have already withdrawn from this vote.")
    withdrawal = BallotWithdrawal(ballot_id=ballot.id, user_id=member.id, user=member,
                                  reason=reason, created_at=now)
    ballot.withdrawals.append(withdrawal)
    db.flush()
    audit.record(db, action="ballot.withdraw", now=now, actor=member,
                 council_id=ballot.council_id, target_type="ballot", target_id=ballot.id,
                 details={"reason": reason})
    return withdrawal


def enter_paper_counts(db: Session, *, ballot: Ballot, counts: dict, actor, now: datetime
                       ) -> None:
    """Record the counts of paper ballots per college (replacing earlier ones), audited."""
    _facilitator(actor, ballot.council)
    if ballot_state(ballot) == BallotState.CLOSED:
        raise Conflict("This vote is closed.")
    if not isinstance(counts, dict):
        raise InvalidInput("Paper counts must be given per college.")
    voting = {name for name, w in colleges_of(ballot).items() if w}
    cleaned: dict = {}
    for college, per in counts.items():
        if college not in voting:
            raise InvalidInput("Unknown or advisory college: %(college)s.", college=str(college))
        cleaned[college] = _clean_counts(ballot, per)
    ballot.paper_counts = cleaned
    db.flush()
    audit.record(db, action="ballot.paper_counts", now=now, actor=actor,
                 council_id=ballot.council_id, target_type="ballot", target_id=ballot.id,
                 details={"counts": cleaned})


def _clean_counts(ballot: Ballot, per) -> dict:
    if not isinstance(per, dict):
        raise InvalidInput("Paper counts must be given per college.")
    if ballot.method == MAJORITY_JUDGMENT:
        out = {}
        for candidate, grades in per.items():
            if candidate not in ballot.candidates or not isinstance(grades, dict):
                raise InvalidInput("Unknown option: %(option)s.", option=str(candidate)[:80])
            out[candidate] = {g: _count(n) for g, n in grades.items() if _grade(ballot, g)}
        return out
    allowed = CONSENT_CHOICES if ballot.method == "consent" else YES_NO_CHOICES
    for choice in per:
        if choice not in allowed:
            raise InvalidInput("Unknown option: %(option)s.", option=str(choice)[:80])
    return {choice: _count(n) for choice, n in per.items()}


def _grade(ballot: Ballot, grade) -> bool:
    if grade not in ballot.grades:
        raise InvalidInput("%(grade)s is not a grade of this vote.", grade=str(grade)[:80])
    return True


def _count(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise InvalidInput("A count must be a whole number.") from None
    if number < 0 or str(number) != str(value).strip() and not isinstance(value, int):
        raise InvalidInput("A count must be a whole number.")
    if number > MAX_PAPER_COUNT:  # closing expands the counts into ballots, one by one
        raise InvalidInput("A paper count cannot exceed %(max)s.", max=MAX_PAPER_COUNT)
    return number


__all__ = ["create_ballot", "open_ballot", "close_ballot", "reopen_ballot",
           "withdraw_from_ballot", "enter_paper_counts", "voted_count"]
