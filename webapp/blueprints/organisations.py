"""The territory's directory: list, search and filters, organisation pages, propose, edit, validate."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext, gettext as _, lazy_gettext as _l

from cocon.db import utcnow
from cocon.errors import CoconError
from cocon.organisations import permissions as perm, services, vocabularies as voc
from cocon.organisations.search import DirectoryQuery, all_validated, communes, search_directory
from webapp import auth
from webapp.blueprints.councils import load_council
from webapp.blueprints.organisations_forms import AffiliationForm, OrganisationForm
from webapp.database import commit, get_db
from webapp.errors import error_message
from cocon.organisations.representation import participation
from webapp.representation import labels_for_session
from webapp.security import CSP

bp = Blueprint("organisations", __name__, url_prefix="/conseils/<slug>/annuaire")
bp.add_app_template_global(labels_for_session, "session_labels")  # names' organisations

FIELD_LABELS = {"website": _l("Website"), "postcode": _l("Postcode"), "commune": _l("Commune"),
                "address": _l("Address"), "sector": _l("sector"), "stake": _l("stake"),
                "latitude": _l("latitude"), "longitude": _l("longitude"),
                "legal_form": _l("Legal form"), "is_network_head": _l("network head"),
                "is_council_member": _l("member of the council")}


def org_message(message: str, params: dict) -> str:
    """A core message in the request's language, with this domain's field names."""
    params = {k: (str(FIELD_LABELS.get(v, v)) if k == "field" else v) for k, v in params.items()}
    return gettext(message, **params) if params else gettext(message)


def org_error(exc: CoconError) -> str:
    return org_message(exc.message, exc.params) if "field" in exc.params else error_message(exc)


@bp.app_context_processor
def _vocabularies():
    return {"voc": voc, "org_perm": perm}


def load_organisation(council, organisation_id: int):
    """The organisation if the current user may see it; 404 otherwise."""
    organisation = services.get_organisation(get_db(), council, organisation_id)
    if not perm.can_view_organisation(g.user, council, organisation):
        abort(404)
    return organisation


def directory_query() -> DirectoryQuery:
    """The search and filters from the query string, unknown codes ignored."""
    args = request.args
    member = {"oui": True, "non": False}.get(args.get("membre", ""))
    return DirectoryQuery(
        text=args.get("q", "")[:200].strip(),
        legal_form=args.get("forme", "") if args.get("forme") in {f.value for f in voc.LegalForm} else "",
        sector=args.get("secteur", "") if args.get("secteur") in voc.SECTORS else "",
        stake=args.get("enjeu", "") if args.get("enjeu") in voc.STAKES else "",
        commune=args.get("commune", "")[:120], council_member=member)


def map_settings():
    """The tile URL and its origin when a deployment configured a map; None otherwise."""
    tiles = current_app.config.get("MAP_TILE_URL")
    if not tiles:
        return None
    parts = urlsplit(tiles)
    return {"tiles": tiles, "origin": f"{parts.scheme}://{parts.netloc}"}


@bp.get("/")
def directory(slug: str):
    council = load_council(slug)
    query, db = directory_query(), get_db()
    page = search_directory(db, council, query, page=request.args.get("page", 1, type=int) or 1)
    settings, markers = map_settings(), []
    if settings:
        markers = [{"name": o.name, "lat": o.latitude, "lon": o.longitude,
                    "url": url_for(".view", slug=slug, organisation_id=o.id)}
                   for o in all_validated(db, council, query) if o.has_position]
    args = {k: v for k, v in request.args.items() if k != "page"}
    response = current_app.make_response(render_template(
        "organisations/directory.html", council=council, query=query, results=page,
        communes=communes(db, council), args=args, map=settings,
        markers=json.dumps(markers, ensure_ascii=False),
        pending=len(services.pending_organisations(db, council))
        if perm.can_validate_organisations(g.user, council) else 0))
    if settings and markers:
        response.headers["Content-Security-Policy"] = CSP.replace(
            "img-src 'self' data:", f"img-src 'self' data: {settings['origin']}")
    return response


@bp.get("/<int:organisation_id>")
def view(slug: str, organisation_id: int):
    council = load_council(slug)
    organisation = load_organisation(council, organisation_id)
    return render_template("organisations/view.html", council=council, organisation=organisation,
                           affiliation_form=AffiliationForm(prefix="affiliation"),
                           took_part=participation(get_db(), organisation, g.user))


@bp.route("/proposer", methods=["GET", "POST"])
@auth.login_required
def propose(slug: str):
    council = load_council(slug)
    auth.require(perm.can_propose_organisation(g.user, council)
                 or perm.can_validate_organisations(g.user, council))
    form = OrganisationForm()
    facilitator = perm.can_validate_organisations(g.user, council)
    if form.validate_on_submit():
        data = form.data_for_core()
        if not facilitator:
            data["is_council_member"] = False
        try:
            organisation = services.propose_organisation(
                get_db(), council, data, actor=g.user, now=utcnow(), validated=facilitator,
                represent=not facilitator)
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(org_error(exc))
        else:
            commit()
            flash(_("The organisation is in the directory.") if facilitator else
                  _("Thank you: the organisation will appear in the directory once a "
                    "facilitator has validated it."), "success")
            return redirect(url_for(".view", slug=slug, organisation_id=organisation.id))
    return render_template("organisations/form.html", council=council, form=form,
                           organisation=None, facilitator=facilitator), (400 if form.errors or form.form_errors else 200)


@bp.route("/<int:organisation_id>/modifier", methods=["GET", "POST"])
@auth.login_required
def edit(slug: str, organisation_id: int):
    council = load_council(slug)
    organisation = load_organisation(council, organisation_id)
    auth.require(perm.can_edit_organisation(g.user, council, organisation))
    form = OrganisationForm()
    if request.method == "GET":
        form.fill_from(organisation)
    elif form.validate_on_submit():
        try:
            services.edit_organisation(get_db(), council, organisation, form.data_for_core(),
                                       actor=g.user, now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(org_error(exc))
        else:
            commit()
            flash(_("The profile is saved."), "success")
            return redirect(url_for(".view", slug=slug, organisation_id=organisation.id))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("organisations/form.html", council=council, form=form,
                           organisation=organisation,
                           facilitator=perm.can_validate_organisations(g.user, council)), status


@bp.post("/<int:organisation_id>/membres")
@auth.login_required
def affiliate(slug: str, organisation_id: int):
    council = load_council(slug)
    organisation = load_organisation(council, organisation_id)
    auth.require(perm.can_manage_affiliations(g.user, council, organisation))
    form = AffiliationForm(prefix="affiliation")
    if form.validate_on_submit():
        db = get_db()
        try:
            member = services.find_member(db, council, form.email.data)
            services.affiliate(db, organisation, member, council=council, actor=g.user,
                               is_representative=form.is_representative.data, now=utcnow())
        except CoconError as exc:
            db.rollback()
            flash(org_error(exc), "error")
        else:
            commit()
            flash(_("%(name)s belongs to the organisation.", name=member.display_name), "success")
    else:
        flash(_("Give the e-mail address of a member of the council."), "error")
    return redirect(url_for(".view", slug=slug, organisation_id=organisation.id))


@bp.get("/validation")
@auth.login_required
def queue(slug: str):
    council = load_council(slug)
    auth.require(perm.can_validate_organisations(g.user, council))
    return render_template("organisations/queue.html", council=council,
                           organisations=services.pending_organisations(get_db(), council))


@bp.post("/<int:organisation_id>/valider")
@auth.login_required
def validate(slug: str, organisation_id: int):
    council = load_council(slug)
    organisation = load_organisation(council, organisation_id)
    auth.require(perm.can_validate_organisations(g.user, council))
    services.validate_organisation(get_db(), council, organisation, actor=g.user, now=utcnow())
    commit()
    flash(_("%(name)s is now in the public directory.", name=organisation.name), "success")
    return redirect(url_for(".queue", slug=slug))
