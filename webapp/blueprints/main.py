"""Home page, language switch and the pages about the platform."""

from __future__ import annotations

from flask import (Blueprint, abort, current_app, g, redirect, render_template, request,
                   session)

from cocon.council import permissions
from cocon.council.services import list_councils
from webapp.auth import safe_next
from webapp.database import commit, get_db
from webapp.i18n import LOCALES

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    councils = [c for c in list_councils(get_db()) if permissions.can_view_council(g.user, c)]
    return render_template("index.html", councils=councils)


@bp.get("/langue/<code>")
def switch_language(code: str):
    if code not in LOCALES:
        abort(404)
    session["locale"] = code
    if g.user is not None and g.user.locale != code:
        g.user.locale = code
        commit()
    return redirect(safe_next(request.args.get("next")))


@bp.get("/accessibilite")
def accessibility():
    """The accessibility statement (déclaration d'accessibilité, RGAA format)."""
    contact = (current_app.config.get("ACCESSIBILITY_CONTACT") or "").strip()
    councils = [c for c in list_councils(get_db())
                if c.contact_email and permissions.can_view_council(g.user, c)]
    return render_template("pages/accessibility.html", contact=contact,
                           contact_is_email="@" in contact and "://" not in contact,
                           councils=councils, base_url=current_app.config["BASE_URL"])


@bp.get("/healthz")
def health():
    get_db().execute(__import__("sqlalchemy").text("SELECT 1"))
    return {"status": "ok"}
