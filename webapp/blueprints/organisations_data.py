"""The directory's data: CSV import with its report, open-data exports, the shared diagnosis."""

from __future__ import annotations

from flask import Blueprint, Response, g, render_template

from cocon.db import utcnow
from cocon.errors import CoconError
from cocon.organisations import exports, permissions as perm
from cocon.organisations.diagnosis import diagnose
from cocon.organisations.imports import import_organisations
from cocon.organisations.search import all_validated
from webapp import auth
from webapp.blueprints.councils import load_council
from webapp.blueprints.organisations import directory_query, org_error, org_message
from webapp.blueprints.organisations_forms import ImportForm
from webapp.database import commit, get_db

bp = Blueprint("organisations_data", __name__, url_prefix="/conseils/<slug>/annuaire")


@bp.route("/import", methods=["GET", "POST"])
@auth.login_required
def import_file(slug: str):
    council = load_council(slug)
    auth.require(perm.can_import_organisations(g.user, council))
    form, report, status = ImportForm(), None, 200
    if form.validate_on_submit():
        db = get_db()
        try:
            report = import_organisations(db, council, form.file.data.stream, actor=g.user,
                                          now=utcnow())
        except CoconError as exc:
            db.rollback()
            form.form_errors.append(org_error(exc))
            status = 400
        else:
            commit()
    elif form.errors:
        status = 400
    return render_template("organisations/import.html", council=council, form=form,
                           report=report, describe=org_message), status


@bp.get("/annuaire.csv")
def export_csv(slug: str):
    council = load_council(slug)
    data = exports.export_csv(all_validated(get_db(), council, directory_query()))
    return Response(data, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="annuaire-{council.slug}.csv"'})


@bp.get("/annuaire.json")
def export_json(slug: str):
    council = load_council(slug)
    data = exports.export_json(all_validated(get_db(), council, directory_query()),
                               council_name=council.name)
    return Response(data, mimetype="application/json")


@bp.get("/diagnostic")
def diagnosis(slug: str):
    council = load_council(slug)
    return render_template("organisations/diagnosis.html", council=council,
                           diagnosis=diagnose(get_db(), council))
