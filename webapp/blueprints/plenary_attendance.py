"""Attendance: members say whether they come or give a proxy; facilitators check people in."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request
from flask_babel import gettext as _

from cocon.council.plenary import attendance, permissions as perm
from cocon.council.plenary.quorum import quorum_state
from cocon.db import utcnow
from cocon.errors import CoconError
from cocon.validation import parse_id
from webapp import auth
from webapp.blueprints.plenaries import _page_context, load_plenary, plenary_url
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.plenary_forms import AttendanceForm
from webapp.representation import chosen_organisation

bp = Blueprint("plenary_attendance", __name__, url_prefix="/conseils/<slug>/seances/<int:pid>")


def _done(plenary, action, success: str, *, back: str = "plenaries.view"):
    try:
        events = action()
    except CoconError as exc:
        get_db().rollback()
        message = error_message(exc)
        if back == "plenary_attendance.check_in_list":
            return _check_in_page(plenary, error=message, status=exc.status)
        return render_template("plenaries/view.html", error=message,
                               **_page_context(plenary)), exc.status
    commit(events)
    flash(success, "success")
    return redirect(plenary_url(plenary, back))


@bp.post("/presence")
@auth.login_required
def register(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    form = AttendanceForm(prefix="att")
    status = form.status.data if form.validate_on_submit() else "invalid"
    organisation_id = chosen_organisation(form)
    return _done(plenary, lambda: attendance.register_attendance(
        get_db(), plenary, g.user, status, now=utcnow(), organisation_id=organisation_id),
        _("Your attendance is recorded."))


@bp.post("/procuration")
@auth.login_required
def give_proxy(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    raw = request.form.get("proxy-holder", "")
    holder_id = parse_id(raw) or -1
    return _done(plenary, lambda: attendance.give_proxy(
        get_db(), plenary, g.user, holder_id, now=utcnow()), _("Your proxy is recorded."))


@bp.post("/procuration/retirer")
@auth.login_required
def withdraw_proxy(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    auth.require(perm.can_give_proxy(g.user, plenary))
    return _done(plenary, lambda: attendance.withdraw_proxy(
        get_db(), plenary, g.user, now=utcnow()), _("Your proxy is withdrawn."))


def _check_in_page(plenary, error=None, status=200):
    memberships = sorted(plenary.council.memberships,
                         key=lambda m: m.user.display_name.lower())
    records = {a.user_id: a for a in plenary.attendances}
    proxies = {p.giver_id: p for p in plenary.proxies}
    quorum = quorum_state(plenary, plenary.council.memberships, plenary.attendances,
                          plenary.proxies)
    return render_template("plenaries/check_in.html", plenary=plenary, council=plenary.council,
                           memberships=memberships, records=records, proxies=proxies,
                           quorum=quorum, error=error), status


@bp.get("/emargement")
@auth.login_required
def check_in_list(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    auth.require(perm.can_manage_plenary(g.user, plenary.council))
    return _check_in_page(plenary)


@bp.post("/emargement")
@auth.login_required
def check_in(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    auth.require(perm.can_manage_plenary(g.user, plenary.council))
    raw = request.form.get("user_id", "")
    user_id = parse_id(raw) or -1
    status = request.form.get("status", "")
    return _done(plenary, lambda: attendance.check_in(
        get_db(), plenary, user_id, status, actor=g.user, now=utcnow()),
        _("The attendance is recorded."), back="plenary_attendance.check_in_list")
