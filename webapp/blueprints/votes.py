"""Votes (scrutins) in a plenary: prepare, open, vote, close, results; no rules of its own."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from cocon.council.permissions import can_facilitate, is_voting_member, membership_of
from cocon.council.plenary.permissions import can_view_plenary
from cocon.council.plenary.models import Plenary, Proxy
from cocon.db import utcnow
from cocon.errors import CoconError, InvalidInput
from cocon.events import Event
from cocon.proposals import permissions as perm
from cocon.proposals.casting import cast_vote, has_voted, voted_count
from cocon.proposals.counting.ballots import CONSENT, MAJORITY_JUDGMENT, METHODS
from cocon.proposals.models import Proposal
from cocon.proposals.voting import (close_ballot, create_ballot, enter_paper_counts, open_ballot,
                                    reopen_ballot, withdraw_from_ballot)
from cocon.proposals.voting_models import Ballot, PublicVote
from cocon.validation import parse_id
from webapp import auth
from webapp.blueprints.councils import load_council
from webapp.blueprints.vote_labels import METHOD_LABELS, choices_for
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.live import publish
from webapp.actions import perform

bp = Blueprint("votes", __name__, url_prefix="/conseils/<slug>")


def _plenary(slug: str, pid: int) -> Plenary:
    council = load_council(slug)
    plenary = get_db().get(Plenary, pid)
    if plenary is None or plenary.council_id != council.id or not can_view_plenary(g.user,
                                                                                  plenary):
        abort(404)  # a draft session is the facilitators' until it is convened
    return plenary


def _ballot(slug: str, bid: int) -> Ballot:
    council = load_council(slug)
    ballot = get_db().get(Ballot, bid)
    if ballot is None or ballot.council_id != council.id:
        abort(404)
    return ballot


def _back(ballot: Ballot):
    return redirect(url_for("votes.view", slug=ballot.council.slug, bid=ballot.id))


def _csrf_ok() -> bool:
    return FlaskForm().validate_on_submit()


@bp.get("/seances/<int:pid>/scrutins")
def plenary_ballots(slug: str, pid: int):
    plenary = _plenary(slug, pid)
    ballots = get_db().scalars(select(Ballot).where(Ballot.plenary_id == plenary.id)
                               .order_by(Ballot.id)).all()
    proposals = get_db().scalars(select(Proposal).where(
        Proposal.council_id == plenary.council_id, Proposal.decision.is_(None),
        Proposal.submitted_at.is_not(None))).all()
    return render_template("votes/plenary.html", plenary=plenary, council=plenary.council,
                           ballots=ballots, proposals=proposals, methods=METHOD_LABELS,
                           can_run=can_facilitate(g.user, plenary.council), form=FlaskForm())


@bp.post("/seances/<int:pid>/scrutins")
@auth.login_required
def create(slug: str, pid: int):
    plenary = _plenary(slug, pid)
    auth.require(can_facilitate(g.user, plenary.council))
    if not _csrf_ok():
        abort(400)
    db = get_db()
    item = next((i for i in plenary.items if str(i.id) == request.form.get("item_id")), None)
    if item is None:
        flash(_("Choose an agenda item."), "error")
        return redirect(url_for("votes.plenary_ballots", slug=slug, pid=pid))
    proposal = None
    if request.form.get("proposal_id", "").isdigit():
        proposal = db.get(Proposal, parse_id(request.form["proposal_id"]) or 0)
        if proposal is None or proposal.council_id != plenary.council_id:
            abort(404)
    candidates = [line.strip() for line in request.form.get("candidates", "").splitlines()]
    try:
        ballot = create_ballot(db, item=item, question=request.form.get("question", ""),
                               method=request.form.get("method", ""),
                               secret=request.form.get("secret") == "y", candidates=candidates,
                               proposal=proposal, actor=g.user, now=utcnow())
    except CoconError as exc:
        db.rollback()
        flash(error_message(exc), "error")
        return redirect(url_for("votes.plenary_ballots", slug=slug, pid=pid))
    commit()
    flash(_("The vote is ready; open it when the assembly is ready."), "success")
    return _back(ballot)


def _proxies_for(ballot: Ballot) -> list:
    if g.user is None:
        return []
    proxies = get_db().scalars(select(Proxy).where(Proxy.plenary_id == ballot.plenary_id,
                                                   Proxy.holder_id == g.user.id)).all()
    return [p.giver for p in proxies if not has_voted(get_db(), ballot, p.giver)]


@bp.get("/scrutins/<int:bid>")
def view(slug: str, bid: int):
    ballot = _ballot(slug, bid)
    db = get_db()
    council = ballot.council
    public_votes = []
    if not ballot.secret and perm.ballot_state(ballot) == perm.BallotState.CLOSED:
        public_votes = db.scalars(select(PublicVote).where(PublicVote.ballot_id == ballot.id)
                                  .order_by(PublicVote.id)).all()
    return render_template(
        "votes/view.html", ballot=ballot, council=council, state=perm.ballot_state(ballot).value,
        methods=METHOD_LABELS, choices=choices_for(ballot.method), form=FlaskForm(),
        can_vote=perm.can_vote(g.user, ballot), voted=g.user is not None and has_voted(
            db, ballot, g.user), proxies=_proxies_for(ballot), voted_count=voted_count(db, ballot),
        can_run=can_facilitate(g.user, council), membership=membership_of(g.user, council),
        withdrawn=g.user is not None and any(w.user_id == g.user.id for w in ballot.withdrawals),
        public_votes=public_votes, CONSENT=CONSENT, MJ=MAJORITY_JUDGMENT)


@bp.post("/scrutins/<int:bid>/voter")
@auth.login_required
def vote(slug: str, bid: int):
    ballot = _ballot(slug, bid)
    auth.require(is_voting_member(membership_of(g.user, ballot.council)))
    if not _csrf_ok():
        abort(400)
    db = get_db()
    behalf = None
    if request.form.get("on_behalf_of", "").isdigit():
        giver_id = parse_id(request.form["on_behalf_of"])
        behalf = next((u for u in _all_givers(ballot) if u.id == giver_id),
                      None)
        if behalf is None:
            flash(_("You do not hold this proxy."), "error")
            return _back(ballot)
    grades = None
    if ballot.method == MAJORITY_JUDGMENT:
        grades = {c: request.form[f"grade-{i}"] for i, c in enumerate(ballot.candidates)
                  if request.form.get(f"grade-{i}")}
    try:
        events = cast_vote(db, ballot=ballot, voter=g.user, choice=request.form.get("choice"),
                           reason=request.form.get("reason"), grades=grades,
                           on_behalf_of=behalf, now=utcnow())
        commit()  # stored durably before the voter is told it counted
    except CoconError as exc:
        db.rollback()
        flash(error_message(exc), "error")
        return _back(ballot)
    publish(_recounted(db, ballot, events))
    if behalf is not None:
        flash(_("The vote of %(name)s is recorded.", name=behalf.display_name), "success")
    else:
        flash(_("Your vote is recorded."), "success")
    return _back(ballot)


def _recounted(db, ballot: Ballot, events: list) -> list:
    """The live count read again after the commit. Counted inside the transaction, two votes
    committing together would both announce the same number, and the room would never hear
    the last one (seen with 500 voters in bench/bench_plenary.py)."""
    try:
        voted = voted_count(db, ballot)
    except SQLAlchemyError:  # the vote is stored; its live count can stay as it was
        return events
    finally:
        try:
            db.rollback()  # a read only: end its transaction
        except SQLAlchemyError:
            pass
    return [Event(e.name, e.room, {**e.payload, "voted": max(voted, e.payload.get("voted", 0))})
            if e.name == "ballot.voted" else e for e in events]


def _all_givers(ballot: Ballot) -> list:
    proxies = get_db().scalars(select(Proxy).where(Proxy.plenary_id == ballot.plenary_id,
                                                   Proxy.holder_id == g.user.id)).all()
    return [p.giver for p in proxies]


def _facilitator_action(slug: str, bid: int, action, success: str):
    ballot = _ballot(slug, bid)
    auth.require(can_facilitate(g.user, ballot.council))
    if not _csrf_ok():
        abort(400)
    perform(lambda: action(ballot), success)
    return _back(ballot)


@bp.post("/scrutins/<int:bid>/ouvrir")
@auth.login_required
def open_(slug: str, bid: int):
    return _facilitator_action(slug, bid, lambda b: open_ballot(
        get_db(), ballot=b, actor=g.user, now=utcnow()), _("The vote is open."))


@bp.post("/scrutins/<int:bid>/fermer")
@auth.login_required
def close(slug: str, bid: int):
    return _facilitator_action(slug, bid, lambda b: close_ballot(
        get_db(), ballot=b, actor=g.user, now=utcnow()), _("The vote is closed and counted."))


@bp.post("/scrutins/<int:bid>/rouvrir")
@auth.login_required
def reopen(slug: str, bid: int):
    return _facilitator_action(slug, bid, lambda b: reopen_ballot(
        get_db(), ballot=b, actor=g.user, reason=request.form.get("reason", ""), now=utcnow()),
        _("The vote is open again."))


@bp.post("/scrutins/<int:bid>/papier")
@auth.login_required
def paper(slug: str, bid: int):
    def enter(ballot):
        counts: dict = {}
        for key, value in request.form.items():
            if key.startswith("paper|") and key.count("|") >= 2 and value.strip():
                _, college, option, *grade = key.split("|")
                if grade:
                    cell = counts.setdefault(college, {}).setdefault(option, {})
                    if not isinstance(cell, dict):  # a count and grades for the same option
                        raise InvalidInput("Paper counts must be given per college.")
                    cell[grade[0]] = value
                else:
                    counts.setdefault(college, {})[option] = value
        enter_paper_counts(get_db(), ballot=ballot, counts=counts, actor=g.user, now=utcnow())
    return _facilitator_action(slug, bid, enter, _("The paper counts are recorded."))


@bp.post("/scrutins/<int:bid>/deport")
@auth.login_required
def withdraw(slug: str, bid: int):
    ballot = _ballot(slug, bid)
    auth.require(membership_of(g.user, ballot.council) is not None)
    if not _csrf_ok():
        abort(400)
    perform(lambda: withdraw_from_ballot(get_db(), ballot=ballot, member=g.user,
                                         reason=request.form.get("reason", ""), now=utcnow()),
            _("Your withdrawal from this vote is recorded."))
    return _back(ballot)


__all__ = ["bp", "METHODS"]


@bp.app_context_processor
def _vote_labels():
    from webapp.blueprints.vote_labels import labels_context
    return labels_context()
