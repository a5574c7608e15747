"""Editing a session's agenda (ordre du jour): add, edit, move, remove items."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request
from flask_babel import gettext as _

from cocon.council.plenary import agenda, permissions as perm
from cocon.db import utcnow
from cocon.errors import CoconError
from webapp import auth
from webapp.blueprints.plenaries import load_plenary, plenary_url
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.plenary_forms import AgendaItemForm

bp = Blueprint("plenary_agenda", __name__, url_prefix="/conseils/<slug>/seances/<int:pid>")


def _load(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    auth.require(perm.can_manage_plenary(g.user, plenary.council))
    return plenary


def _page(plenary, form=None, error=None, status=200):
    return render_template("plenaries/agenda.html", plenary=plenary, council=plenary.council,
                           form=form or AgendaItemForm(prefix="item"), error=error), status


@bp.get("/ordre-du-jour")
@auth.login_required
def edit(slug: str, pid: int):
    return _page(_load(slug, pid))


@bp.post("/ordre-du-jour")
@auth.login_required
def add(slug: str, pid: int):
    plenary = _load(slug, pid)
    form = AgendaItemForm(prefix="item")
    if form.validate_on_submit():
        try:
            events = agenda.add_agenda_item(
                get_db(), plenary, title=form.title.data,
                description=form.description.data or "",
                expected_minutes=form.expected_minutes.data, actor=g.user, now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit(events[1])
            flash(_("The item is added to the agenda."), "success")
            return redirect(plenary_url(plenary, "plenary_agenda.edit"))
    return _page(plenary, form=form, status=400)


@bp.route("/ordre-du-jour/<int:item_id>", methods=["GET", "POST"])
@auth.login_required
def edit_item(slug: str, pid: int, item_id: int):
    plenary = _load(slug, pid)
    item = next((i for i in plenary.items if i.id == item_id), None)
    if item is None:
        return _page(plenary, error=_("This agenda item does not exist."), status=404)
    form = AgendaItemForm(prefix="item", obj=item if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            events = agenda.edit_agenda_item(
                get_db(), plenary, item_id, title=form.title.data,
                description=form.description.data or "",
                expected_minutes=form.expected_minutes.data, actor=g.user, now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit(events)
            flash(_("The item is updated."), "success")
            return redirect(plenary_url(plenary, "plenary_agenda.edit"))
    return render_template("plenaries/item_form.html", plenary=plenary, council=plenary.council,
                           item=item, form=form), 400 if form.is_submitted() else 200


def _change(slug: str, pid: int, action):
    plenary = _load(slug, pid)
    try:
        events = action(plenary)
    except CoconError as exc:
        get_db().rollback()
        return _page(plenary, error=error_message(exc), status=exc.status)
    commit(events)
    return redirect(plenary_url(plenary, "plenary_agenda.edit"))


@bp.post("/ordre-du-jour/<int:item_id>/deplacer")
@auth.login_required
def move(slug: str, pid: int, item_id: int):
    offset = -1 if request.form.get("direction") == "up" else 1
    return _change(slug, pid, lambda p: agenda.move_agenda_item(
        get_db(), p, item_id, offset=offset, actor=g.user, now=utcnow()))


@bp.post("/ordre-du-jour/<int:item_id>/supprimer")
@auth.login_required
def remove(slug: str, pid: int, item_id: int):
    return _change(slug, pid, lambda p: agenda.remove_agenda_item(
        get_db(), p, item_id, actor=g.user, now=utcnow()))
