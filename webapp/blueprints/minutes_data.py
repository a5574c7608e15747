"""Around the minutes: the attendance sheet, the council's open data and the annual report."""

from __future__ import annotations

import json

from flask import Blueprint, abort, g, redirect, render_template, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from cocon.council.permissions import can_facilitate
from cocon.council.plenary.state import PARIS
from cocon.db import utcnow
from cocon.minutes import open_data
from cocon.minutes.annual_report import annual_report
from cocon.minutes.attendance_sheet import attendance_sheet
from cocon.minutes.export import MIME_TYPES
from cocon.minutes.render_html import render_layout_fragment
from cocon.proposals import register
from cocon.proposals.exports import orientation_record, register_csv, register_json
from cocon.spreadsheet import csv_bytes
from webapp import auth
from webapp.blueprints.councils import load_council
from webapp.blueprints.plenaries import load_plenary
from webapp.database import get_db
from webapp.minutes_report import REPORT_FORMATS, render_report, report_layout
from webapp.minutes_web import ATTENDANCE_LABELS, file_response, locale

bp = Blueprint("minutes_data", __name__, url_prefix="/conseils/<slug>")
CSV = "text/csv; charset=utf-8"
JSON = "application/json; charset=utf-8"
DATASETS = ("seances", "votes", "registre")


def _sheet(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    auth.require(can_facilitate(g.user, plenary.council))
    return plenary, attendance_sheet(plenary)


@bp.get("/seances/<int:pid>/feuille-emargement")
@auth.login_required
def attendance(slug: str, pid: int):
    plenary, rows = _sheet(slug, pid)
    return render_template("minutes/attendance.html", plenary=plenary, council=plenary.council,
                           rows=rows, labels=ATTENDANCE_LABELS)


@bp.get("/seances/<int:pid>/feuille-emargement.csv")
@auth.login_required
def attendance_csv(slug: str, pid: int):
    plenary, rows = _sheet(slug, pid)
    data = csv_bytes((_("Name"), _("College"), _("Status"), _("Represented by"), _("Signature")),
                     ((r.name, r.college, str(ATTENDANCE_LABELS[r.status]), r.holder, "")
                      for r in rows))
    return file_response(data, CSV, f"emargement-{plenary.council.slug}-{plenary.id}.csv")


@bp.get("/donnees-ouvertes")
def open_data_index(slug: str):
    council = load_council(slug)
    return render_template("minutes/open_data.html", council=council, datasets=DATASETS)


def _records(council, dataset: str) -> tuple[list[dict], tuple, callable]:
    db = get_db()
    if dataset == "seances":
        return (open_data.session_records(db, council, lambda p: url_for(
            "plenaries.view", slug=council.slug, pid=p.id, _external=True)),
            open_data.SESSION_COLUMNS, open_data.flat_session)
    return open_data.vote_records(db, council), open_data.VOTE_COLUMNS, open_data.flat_vote


@bp.get("/donnees-ouvertes/<dataset>.<ext>")
def open_data_file(slug: str, dataset: str, ext: str):
    council = load_council(slug)
    if dataset not in DATASETS or ext not in ("csv", "json"):
        abort(404)
    name = f"{council.slug}-{dataset}.{ext}"
    if dataset == "registre":
        records = [orientation_record(o, url_for("register.view", slug=council.slug,
                                                 oid=o.id, _external=True))
                   for o in register.orientations(get_db(), council)]
        data = register_csv(records) if ext == "csv" else register_json(council, records)
        return file_response(data, CSV if ext == "csv" else JSON, name)
    records, columns, flat = _records(council, dataset)
    if ext == "csv":
        return file_response(csv_bytes(columns, (flat(r) for r in records)), CSV, name)
    doc = {"council": {"slug": council.slug, "name": council.name}, dataset: records}
    return file_response(json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"), JSON,
                         name)


def _report(slug: str, year: int):
    council = load_council(slug)
    if not 1900 <= year <= 2999:
        abort(404)
    return council, report_layout(annual_report(get_db(), council, year), locale())


@bp.get("/bilan")
def report_current(slug: str):
    load_council(slug)
    return redirect(url_for("minutes_data.report", slug=slug,
                            year=utcnow().astimezone(PARIS).year))


@bp.get("/bilan/<int:year>")
def report(slug: str, year: int):
    council, layout = _report(slug, year)
    return render_template("minutes/report.html", council=council, year=year,
                           body=Markup(render_layout_fragment(layout)), formats=REPORT_FORMATS)


@bp.get("/bilan/<int:year>/telecharger/<fmt>")
def report_download(slug: str, year: int, fmt: str):
    if fmt not in REPORT_FORMATS:
        abort(404)
    council, layout = _report(slug, year)
    return file_response(render_report(layout, fmt), MIME_TYPES[fmt],
                         f"bilan-{council.slug}-{year}.{fmt}")
