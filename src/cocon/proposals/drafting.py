"""Drafting proposals: write, submit, support, comment, amend, put on the agenda."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cocon import audit
from cocon.council.permissions import membership_of
from cocon.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocon.proposals import permissions as perms
from cocon.proposals.markup import render_markdown
from cocon.proposals.models import (Amendment, AmendmentStatus, Proposal, ProposalComment,
                                    ProposalRevision, Support)
from cocon.validation import clean_text


def check_coauthors(council, author, coauthors) -> list:
    """Co-authors are members of the council, other than the author, each named once."""
    chosen, seen = [], set()
    for user in coauthors:
        if user is None or membership_of(user, council) is None:
            raise InvalidInput("Co-authors must be members of the council.")
        if author is not None and user.id == author.id:
            raise InvalidInput("The author cannot also be a co-author.")
        if user.id in seen:
            raise InvalidInput("A co-author is named twice.")
        seen.add(user.id)
        chosen.append(user)
    return chosen


def create_proposal(db: Session, *, council, title: str, body: str, author, workshop_id=None,
                    coauthors=(), now: datetime) -> Proposal:
    """Draft a proposal (not yet submitted)."""
    if not perms.can_create_proposal(author, council):
        raise Forbidden("Only members of the council can draft proposals.")
    body = clean_text(body, field="body", max_length=20000, multiline=True)
    coauthors = check_coauthors(council, author, coauthors)
    proposal = Proposal(council_id=council.id, council=council, workshop_id=workshop_id,
                        title=clean_text(title, field="title", max_length=200), body=body,
                        body_html=render_markdown(body), author=author, created_at=now,
                        coauthors=coauthors)
    db.add(proposal)
    db.flush()
    return proposal


def get_proposal(db: Session, council, proposal_id: int) -> Proposal:
    """One proposal of this council, or NotFound."""
    proposal = db.get(Proposal, proposal_id)
    if proposal is None or proposal.council_id != council.id:
        raise NotFound("This proposal does not exist.")
    return proposal


def list_proposals(db: Session, council) -> list[Proposal]:
    """The council's proposals, newest first."""
    return list(db.scalars(select(Proposal).where(Proposal.council_id == council.id)
                           .order_by(Proposal.created_at.desc(), Proposal.id.desc())))


def submit_proposal(db: Session, *, proposal: Proposal, actor, now: datetime) -> None:
    """Submit a draft so that others may support and amend it."""
    if not perms.can_edit_proposal(actor, proposal):
        raise Forbidden("Only the authors can submit this proposal.")
    if proposal.submitted_at is not None:
        raise Conflict("This proposal is already submitted.")
    proposal.submitted_at = now
    db.flush()


def edit_proposal(db: Session, *, proposal: Proposal, title: str, body: str, actor,
                  now: datetime, coauthors=None) -> None:
    """Change the text (and co-authors), keeping the former text; audited once on an agenda."""
    if not perms.can_edit_proposal(actor, proposal):
        raise Forbidden("You cannot edit this proposal.")
    body = clean_text(body, field="body", max_length=20000, multiline=True)
    title = clean_text(title, field="title", max_length=200)
    if coauthors is not None:
        proposal.coauthors = check_coauthors(proposal.council, proposal.author, coauthors)
    if body != proposal.body:
        proposal.revisions.append(ProposalRevision(body=proposal.body, replaced_at=now))
    proposal.title, proposal.body, proposal.body_html = title, body, render_markdown(body)
    db.flush()
    if proposal.agenda_item_id is not None:
        audit.record(db, action="proposal.edit", now=now, actor=actor,
                     council_id=proposal.council_id, target_type="proposal",
                     target_id=proposal.id, details={"title": title})


def support_proposal(db: Session, *, proposal: Proposal, user, now: datetime) -> Support:
    """Add the member's soutien; a second one is refused by the database."""
    if not perms.can_support(user, proposal):
        raise Forbidden("You cannot support this proposal.")
    support = Support(proposal_id=proposal.id, user=user, created_at=now)
    try:
        with db.begin_nested():
            db.add(support)
            db.flush()
    except IntegrityError:
        raise Conflict("You already support this proposal.") from None
    return support


def comment_proposal(db: Session, *, proposal: Proposal, author, body: str,
                     now: datetime) -> ProposalComment:
    """Comment on a proposal (Markdown, sanitised)."""
    if not perms.can_participate_in(author, proposal):
        raise Forbidden("Only members of the council can comment.")
    body = clean_text(body, field="body", max_length=5000, multiline=True)
    comment = ProposalComment(author=author, body=body, body_html=render_markdown(body),
                              created_at=now)
    proposal.comments.append(comment)
    db.flush()
    return comment


def propose_amendment(db: Session, *, proposal: Proposal, author, new_body: str, reason: str,
                      now: datetime) -> Amendment:
    """Propose a new text for the proposal, with a reason."""
    if not perms.can_amend(author, proposal):
        raise Forbidden("You cannot amend this proposal.")
    new_body = clean_text(new_body, field="body", max_length=20000, multiline=True)
    if new_body == proposal.body:
        raise Conflict("The amendment does not change the text.")
    amendment = Amendment(author=author, base_body=proposal.body, new_body=new_body,
                          reason=clean_text(reason, field="reason", max_length=2000,
                                            multiline=True),
                          created_at=now)
    proposal.amendments.append(amendment)
    db.flush()
    return amendment


def decide_amendment(db: Session, *, amendment: Amendment, accept: bool, actor,
                     now: datetime) -> None:
    """Accept (the text is replaced, the old one kept) or reject an amendment."""
    proposal = db.get(Proposal, amendment.proposal_id)
    if not perms.can_decide_amendment(actor, proposal):
        raise Forbidden("Only facilitators decide on amendments.")
    if amendment.status != AmendmentStatus.PENDING:
        raise Conflict("This amendment has already been decided.")
    amendment.status = AmendmentStatus.ACCEPTED if accept else AmendmentStatus.REJECTED
    amendment.decided_by, amendment.decided_at = actor, now
    if accept:
        proposal.revisions.append(ProposalRevision(body=proposal.body, replaced_at=now,
                                                   amendment_id=amendment.id))
        proposal.body, proposal.body_html = amendment.new_body, render_markdown(amendment.new_body)
    db.flush()
    audit.record(db, action="amendment." + amendment.status.value, now=now, actor=actor,
                 council_id=proposal.council_id, target_type="proposal", target_id=proposal.id,
                 details={"amendment_id": amendment.id})


def put_on_agenda(db: Session, *, proposal: Proposal, item, actor, now: datetime) -> None:
    """Place the proposal on an agenda item of one of the council's plenaries."""
    if not perms.can_put_on_agenda(actor, proposal):
        raise Forbidden("Only facilitators put proposals on the agenda.")
    if item.plenary.council_id != proposal.council_id:
        raise NotFound("This agenda item does not exist.")
    proposal.agenda_item_id = item.id
    db.flush()
    audit.record(db, action="proposal.agenda", now=now, actor=actor,
                 council_id=proposal.council_id, target_type="proposal", target_id=proposal.id,
                 details={"agenda_item_id": item.id})
