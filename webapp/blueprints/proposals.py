"""Proposals pages: draft, submit, support, comment, amend, agenda. Rules live in the core."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from sqlalchemy import select

from cocon.accounts.models import User
from cocon.council.plenary.models import AgendaItem, Plenary
from cocon.db import utcnow
from cocon.errors import CoconError
from cocon.proposals import drafting, permissions as perm
from cocon.proposals.markup import diff_html, diff_stats
from cocon.proposals.models import Amendment
from cocon.proposals.register_models import Orientation
from cocon.validation import parse_id
from cocon.workshops.models import Workshop
from webapp import auth
from webapp.blueprints.councils import load_council
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.actions import perform

bp = Blueprint("proposals", __name__, url_prefix="/conseils/<slug>/propositions")


def _load(slug: str, pid: int):
    council = load_council(slug)
    try:
        return drafting.get_proposal(get_db(), council, pid)
    except CoconError:
        abort(404)


def _back(proposal):
    return redirect(url_for("proposals.view", slug=proposal.council.slug, pid=proposal.id))


def _workshops(council):
    return get_db().scalars(select(Workshop).where(Workshop.council_id == council.id)).all()


def _members(council):
    """The council's members, offered as co-authors."""
    return sorted((m.user for m in council.memberships if m.user is not None),
                  key=lambda u: u.display_name.casefold())


def _chosen_coauthors():
    """The users ticked as co-authors (an unknown id becomes None: the core refuses it)."""
    return [get_db().get(User, parse_id(v) or 0) if v.isdigit() else None
            for v in request.form.getlist("coauthors")]


@bp.get("")
def index(slug: str):
    council = load_council(slug)
    proposals = drafting.list_proposals(get_db(), council)
    orientations = {o.proposal_id: o for o in get_db().scalars(
        select(Orientation).where(Orientation.council_id == council.id))}
    return render_template("proposals/index.html", council=council, proposals=proposals,
                           states={p.id: perm.proposal_state(p, orientations.get(p.id)).value
                                   for p in proposals},
                           can_create=perm.can_create_proposal(g.user, council))


@bp.route("/nouvelle", methods=["GET", "POST"])
@auth.login_required
def create(slug: str):
    council = load_council(slug)
    auth.require(perm.can_create_proposal(g.user, council))
    form, errors = FlaskForm(), []
    if form.validate_on_submit():
        workshop_id = request.form.get("workshop_id", "")
        workshop_id = parse_id(workshop_id) if parse_id(workshop_id) in {
            w.id for w in _workshops(council)} else None
        try:
            proposal = drafting.create_proposal(
                get_db(), council=council, title=request.form.get("title", ""),
                body=request.form.get("body", ""), author=g.user, workshop_id=workshop_id,
                coauthors=_chosen_coauthors(), now=utcnow())
            if request.form.get("submit_now") == "y":
                drafting.submit_proposal(get_db(), proposal=proposal, actor=g.user, now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            errors.append(error_message(exc))
        else:
            commit()
            flash(_("The proposal is saved."), "success")
            return _back(proposal)
    return render_template("proposals/form.html", council=council, errors=errors,
                           workshops=_workshops(council), values=request.form,
                           members=[u for u in _members(council) if u.id != g.user.id],
                           chosen={parse_id(v) for v in request.form.getlist("coauthors")
                                   if v.isdigit()})


@bp.get("/<int:pid>")
def view(slug: str, pid: int):
    proposal = _load(slug, pid)
    db = get_db()
    orientation = db.scalar(select(Orientation).where(Orientation.proposal_id == proposal.id))
    items = []
    if perm.can_put_on_agenda(g.user, proposal):
        items = db.scalars(select(AgendaItem).join(Plenary).where(
            Plenary.council_id == proposal.council_id, Plenary.closed_at.is_(None))
            .order_by(Plenary.starts_at, AgendaItem.position)).all()
    diffs = {a.id: (diff_html(a.base_body, a.new_body), diff_stats(a.base_body, a.new_body))
             for a in proposal.amendments}
    return render_template(
        "proposals/view.html", proposal=proposal, council=proposal.council, pperm=perm,
        state=perm.proposal_state(proposal, orientation).value, orientation=orientation,
        diffs=diffs, items=items, form=FlaskForm(),
        supported=g.user is not None and any(s.user_id == g.user.id for s in proposal.supports))


def _act(slug: str, pid: int, action, success: str, allowed):
    proposal = _load(slug, pid)
    auth.require(allowed(g.user, proposal))  # 401 for visitors, 403 for the others
    if not FlaskForm().validate_on_submit():
        abort(400)
    perform(lambda: action(proposal), success)
    return _back(proposal)


@bp.post("/<int:pid>/soumettre")
def submit(slug: str, pid: int):
    return _act(slug, pid, lambda p: drafting.submit_proposal(
        get_db(), proposal=p, actor=g.user, now=utcnow()), _("The proposal is submitted."),
        perm.can_edit_proposal)


@bp.post("/<int:pid>/soutenir")
def support(slug: str, pid: int):
    return _act(slug, pid, lambda p: drafting.support_proposal(
        get_db(), proposal=p, user=g.user, now=utcnow()), _("You support this proposal."),
        perm.can_support)


@bp.post("/<int:pid>/commenter")
def comment(slug: str, pid: int):
    return _act(slug, pid, lambda p: drafting.comment_proposal(
        get_db(), proposal=p, author=g.user, body=request.form.get("body", ""), now=utcnow()),
        _("Your comment is published."), perm.can_participate_in)


@bp.post("/<int:pid>/amender")
def amend(slug: str, pid: int):
    return _act(slug, pid, lambda p: drafting.propose_amendment(
        get_db(), proposal=p, author=g.user, new_body=request.form.get("new_body", ""),
        reason=request.form.get("reason", ""), now=utcnow()), _("Your amendment is proposed."),
        perm.can_amend)


@bp.post("/<int:pid>/amendements/<int:aid>")
def decide(slug: str, pid: int, aid: int):
    def run(proposal):
        amendment = get_db().get(Amendment, aid)
        if amendment is None or amendment.proposal_id != proposal.id:
            abort(404)
        drafting.decide_amendment(get_db(), amendment=amendment,
                                  accept=request.form.get("decision") == "accept",
                                  actor=g.user, now=utcnow())
    return _act(slug, pid, run, _("The amendment is decided."), perm.can_decide_amendment)


@bp.post("/<int:pid>/ordre-du-jour")
def agenda(slug: str, pid: int):
    def run(proposal):
        item_id = request.form.get("item_id", "")
        item = get_db().get(AgendaItem, parse_id(item_id) or 0) if item_id.isdigit() else None
        if item is None:
            abort(404)
        drafting.put_on_agenda(get_db(), proposal=proposal, item=item, actor=g.user,
                               now=utcnow())
    return _act(slug, pid, run, _("The proposal is on the agenda."), perm.can_put_on_agenda)


@bp.route("/<int:pid>/modifier", methods=["GET", "POST"])
@auth.login_required
def edit(slug: str, pid: int):
    proposal = _load(slug, pid)
    auth.require(perm.can_edit_proposal(g.user, proposal))
    form, errors = FlaskForm(), []
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        coauthors = _chosen_coauthors() if request.form.get("coauthors_shown") else None
        try:
            drafting.edit_proposal(get_db(), proposal=proposal,
                                   title=request.form.get("title", ""),
                                   body=request.form.get("body", ""), coauthors=coauthors,
                                   actor=g.user, now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            errors.append(error_message(exc))
        else:
            commit()
            flash(_("The proposal is updated."), "success")
            return _back(proposal)
        values = request.form
        chosen = {parse_id(v) for v in request.form.getlist("coauthors") if v.isdigit()}
    else:
        values = {"title": proposal.title, "body": proposal.body}
        chosen = {u.id for u in proposal.coauthors}
    return render_template("proposals/form.html", council=proposal.council, errors=errors,
                           proposal=proposal, values=values, chosen=chosen,
                           members=[u for u in _members(proposal.council)
                                    if u.id != proposal.author_id],
                           on_agenda=proposal.agenda_item_id is not None)
