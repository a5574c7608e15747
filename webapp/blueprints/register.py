"""The register of orientations: list, detail, follow-up, and its CSV/JSON/Atom exports."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from cocon.db import utcnow
from cocon.errors import CoconError, InvalidInput
from cocon.proposals import register as services
from cocon.proposals.exports import (orientation_record, register_atom, register_csv,
                                     register_json)
from cocon.proposals.permissions import can_update_orientation
from cocon.proposals.register_models import Indicator, OrientationStatus
from webapp.blueprints.councils import load_council
from webapp.blueprints.register_chart import indicator_chart
from webapp.database import get_db
from webapp.actions import perform

bp = Blueprint("register", __name__, url_prefix="/conseils/<slug>")


def _orientation(slug: str, oid: int):
    council = load_council(slug)
    try:
        return services.get_orientation(get_db(), council, oid)
    except CoconError:
        abort(404)


@bp.get("/registre")
def index(slug: str):
    council = load_council(slug)
    return render_template("register/index.html", council=council,
                           orientations=services.orientations(get_db(), council))


@bp.get("/registre/<int:oid>")
def view(slug: str, oid: int):
    orientation = _orientation(slug, oid)
    return render_template("register/view.html", orientation=orientation,
                           council=orientation.council, statuses=list(OrientationStatus),
                           can_update=can_update_orientation(g.user, orientation),
                           charts={i.id: indicator_chart(i) for i in orientation.indicators},
                           form=FlaskForm())


def _act(slug: str, oid: int, action, success: str):
    orientation = _orientation(slug, oid)
    if g.user is None:
        abort(401)
    if not can_update_orientation(g.user, orientation):
        abort(403)
    if not FlaskForm().validate_on_submit():
        abort(400)
    perform(lambda: action(orientation), success)
    return redirect(url_for("register.view", slug=slug, oid=oid))


@bp.post("/registre/<int:oid>/suivi")
def follow_up(slug: str, oid: int):
    return _act(slug, oid, lambda o: services.update_orientation(
        get_db(), orientation=o, note=request.form.get("note", ""),
        status=request.form.get("status") or None, carried_by=request.form.get("carried_by"),
        actor=g.user, now=utcnow()), _("The follow-up is recorded."))


@bp.post("/registre/<int:oid>/indicateurs")
def add_indicator(slug: str, oid: int):
    return _act(slug, oid, lambda o: services.add_indicator(
        get_db(), orientation=o, name=request.form.get("name", ""),
        unit=request.form.get("unit", ""), target=request.form.get("target") or None,
        actor=g.user, now=utcnow()), _("The indicator is added."))


@bp.post("/registre/<int:oid>/indicateurs/<int:iid>/valeurs")
def add_value(slug: str, oid: int, iid: int):
    def run(orientation):
        indicator = get_db().get(Indicator, iid)
        if indicator is None or indicator.orientation_id != orientation.id:
            abort(404)
        try:
            measured_on = date.fromisoformat(request.form.get("date", ""))
        except ValueError:
            raise InvalidInput("%(field)s: must be a date.", field="date") from None
        services.add_indicator_value(get_db(), indicator=indicator, measured_on=measured_on,
                                     value=request.form.get("value", ""), actor=g.user,
                                     now=utcnow())
    return _act(slug, oid, run, _("The value is recorded."))


def _records(council):
    return [orientation_record(o, url_for("register.view", slug=council.slug, oid=o.id,
                                          _external=True))
            for o in services.orientations(get_db(), council)]


@bp.get("/registre.csv")
def export_csv(slug: str):
    council = load_council(slug)
    return Response(register_csv(_records(council)), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="registre.csv"'})


@bp.get("/registre.json")
def export_json(slug: str):
    council = load_council(slug)
    return Response(register_json(council, _records(council)), mimetype="application/json")


@bp.get("/registre.atom")
def export_atom(slug: str):
    council = load_council(slug)
    data = register_atom(council, _records(council),
                         feed_url=url_for("register.export_atom", slug=slug, _external=True),
                         site_url=url_for("register.index", slug=slug, _external=True),
                         now=utcnow())
    return Response(data, mimetype="application/atom+xml")
