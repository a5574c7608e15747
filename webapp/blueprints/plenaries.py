"""Plenary sessions: list, create, edit, the live page, the projector view, .ics and state."""

from __future__ import annotations

from datetime import datetime

from flask import (
    Blueprint, Response, abort, flash, g, jsonify, redirect, render_template,
    request, url_for,
)
from flask_babel import gettext as _

from cocon.council.permissions import can_view_council
from cocon.council.plenary import live, permissions as perm, services
from cocon.council.plenary.attendance import attendance_of, proxy_given_by
from cocon.council.plenary.ical import plenary_calendar
from cocon.council.plenary.models import Plenary
from cocon.council.plenary.quorum import quorum_state
from cocon.council.plenary.state import PARIS, plenary_state
from cocon.council.services import get_council
from cocon.db import utcnow
from cocon.errors import CoconError
from cocon.validation import parse_id
from webapp import auth
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.mailer import send_mail
from webapp.representation import representation_choices
from webapp.plenary_forms import AttendanceForm, PlenaryForm, ProxyForm

bp = Blueprint("plenaries", __name__, url_prefix="/conseils/<slug>/seances")


def load_council(slug: str):
    """The council if visible, else 404."""
    council = get_council(get_db(), slug)
    if not can_view_council(g.user, council):
        abort(404)
    return council


def load_plenary(slug: str, pid: int) -> Plenary:
    """The session if the current user may see it, else 404 (never reveal it exists)."""
    plenary = services.get_plenary(get_db(), load_council(slug), pid)
    if not perm.can_view_plenary(g.user, plenary):
        abort(404)
    return plenary


def paris(value: datetime | None) -> datetime | None:
    """A form's naive local time, read as Paris time."""
    return None if value is None else value.replace(tzinfo=PARIS)


def plenary_url(plenary: Plenary, endpoint: str = "plenaries.view", **kw) -> str:
    return url_for(endpoint, slug=plenary.council.slug, pid=plenary.id, **kw)


@bp.app_context_processor
def _helpers():
    return {"plenary_perm": perm, "plenary_state": plenary_state}


@bp.get("")
def index(slug: str):
    council = load_council(slug)
    plenaries = [p for p in services.list_plenaries(get_db(), council)
                 if perm.can_view_plenary(g.user, p)]
    return render_template("plenaries/index.html", council=council, plenaries=plenaries)


def _values(form) -> dict:
    return dict(title=form.title.data, kind=form.kind.data, starts_at=paris(form.starts_at.data),
                ends_at=paris(form.ends_at.data), place=form.place.data or "",
                video_url=form.video_url.data or "", description=form.description.data or "")


@bp.route("/nouvelle", methods=["GET", "POST"])
@auth.login_required
def create(slug: str):
    council = load_council(slug)
    auth.require(perm.can_manage_plenary(g.user, council))
    form = PlenaryForm()
    if form.validate_on_submit():
        try:
            plenary = services.create_plenary(get_db(), council, actor=g.user, now=utcnow(),
                                              **_values(form))
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit()
            flash(_("The session is created. Now write its agenda."), "success")
            return redirect(plenary_url(plenary, "plenary_agenda.edit"))
    return render_template("plenaries/form.html", council=council, form=form,
                           plenary=None), 400 if form.is_submitted() else 200


@bp.route("/<int:pid>/modifier", methods=["GET", "POST"])
@auth.login_required
def edit(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    auth.require(perm.can_manage_plenary(g.user, plenary.council))
    form = PlenaryForm(obj=plenary if request.method == "GET" else None)
    if request.method == "GET":
        form.kind.data = plenary.kind.value
        form.starts_at.data = plenary.starts_at.astimezone(PARIS).replace(tzinfo=None)
        form.ends_at.data = plenary.ends_at and plenary.ends_at.astimezone(PARIS).replace(
            tzinfo=None)
    if form.validate_on_submit():
        try:
            events = services.update_plenary(get_db(), plenary, actor=g.user, now=utcnow(),
                                             **_values(form))
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit(events)
            flash(_("The session is updated."), "success")
            return redirect(plenary_url(plenary))
    return render_template("plenaries/form.html", council=plenary.council, form=form,
                           plenary=plenary), 400 if form.is_submitted() else 200


@bp.get("/<int:pid>")
def view(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    return render_template("plenaries/view.html", **_page_context(plenary))


def _page_context(plenary: Plenary) -> dict:
    user = g.user
    quorum = quorum_state(plenary, plenary.council.memberships, plenary.attendances,
                          plenary.proxies)
    mine = attendance_of(plenary, user.id) if user else None
    attendance_form = AttendanceForm(prefix="att", status=mine.status.value if mine else None)
    representation_choices(attendance_form, plenary, user, mine)
    proxy_form = ProxyForm(prefix="proxy")
    given = proxy_given_by(plenary, user.id) if user else None
    proxy_form.holder.choices = [
        (m.user_id, m.user.display_name) for m in sorted(
            plenary.council.memberships, key=lambda m: m.user.display_name.lower())
        if m.user_id != getattr(user, "id", None) and perm.can_hold_proxy(m)]
    if given:
        proxy_form.holder.data = given.holder_id
    return {"plenary": plenary, "council": plenary.council, "quorum": quorum,
            "state": plenary_state(plenary).value, "mine": mine, "given": given,
            "attendance_form": attendance_form, "proxy_form": proxy_form,
            "held": [p for p in plenary.proxies if user and p.holder_id == user.id],
            "now": utcnow()}


@bp.get("/<int:pid>/projection")
def projection(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    quorum = quorum_state(plenary, plenary.council.memberships, plenary.attendances,
                          plenary.proxies)
    return render_template("plenaries/projection.html", plenary=plenary, council=plenary.council,
                           quorum=quorum, state=plenary_state(plenary).value)


@bp.get("/<int:pid>/etat.json")
def state_json(slug: str, pid: int):
    return jsonify(live.live_state(load_plenary(slug, pid)))


@bp.get("/<int:pid>/seance.ics")
def calendar(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    body = plenary_calendar(plenary, now=utcnow(), url=plenary_url(plenary, _external=True))
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="seance-{plenary.id}.ics"'})


def _act(plenary: Plenary, action, success: str):
    try:
        result = action()
    except CoconError as exc:
        get_db().rollback()
        return render_template("plenaries/view.html", error=error_message(exc),
                               **_page_context(plenary)), exc.status
    events, mails = result if isinstance(result, tuple) else (result, [])
    commit(events)
    for mail in mails:
        send_mail(mail)
    flash(success, "success")
    return redirect(plenary_url(plenary))


def _guarded(slug: str, pid: int) -> Plenary:
    plenary = load_plenary(slug, pid)
    auth.require(perm.can_manage_plenary(g.user, plenary.council))
    return plenary


@bp.post("/<int:pid>/convoquer")
@auth.login_required
def convene(slug: str, pid: int):
    plenary = _guarded(slug, pid)
    return _act(plenary, lambda: services.convene_plenary(
        get_db(), plenary, actor=g.user, now=utcnow(),
        url=plenary_url(plenary, _external=True)), _("The members are convened."))


@bp.post("/<int:pid>/ouvrir")
@auth.login_required
def open_(slug: str, pid: int):
    plenary = _guarded(slug, pid)
    return _act(plenary, lambda: services.open_plenary(get_db(), plenary, actor=g.user,
                                                       now=utcnow()), _("The session is open."))


@bp.post("/<int:pid>/clore")
@auth.login_required
def close(slug: str, pid: int):
    plenary = _guarded(slug, pid)
    return _act(plenary, lambda: services.close_plenary(get_db(), plenary, actor=g.user,
                                                        now=utcnow()), _("The session is closed."))


@bp.post("/<int:pid>/point-courant")
@auth.login_required
def current_item(slug: str, pid: int):
    plenary = _guarded(slug, pid)
    raw = request.form.get("item", "next")
    if raw == "next":
        item_id = services.next_item_id(plenary)
    elif raw.isdigit():
        item_id = parse_id(raw) or -1
    else:
        item_id = -1  # refused by the service with a clear message
    return _act(plenary, lambda: services.set_current_item(
        get_db(), plenary, item_id, actor=g.user, now=utcnow()), _("The current item is updated."))
