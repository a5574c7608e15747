"""The search page: French full-text search over everything the reader may see."""

from __future__ import annotations

from flask import Blueprint, g, render_template, request
from flask_babel import lazy_gettext as _l

from cocon import search
from cocon.council import permissions
from cocon.council.services import list_councils
from cocon.workshops.services import visible_workshop_ids
from webapp.database import get_db

bp = Blueprint("search", __name__)

KIND_LABELS = {"post": _l("Post"), "thread": _l("Thread"), "plenary": _l("Session"),
               "session": _l("Session"), "proposal": _l("Proposal"), "workshop": _l("Workshop")}


@bp.get("/recherche")
def index():
    db = get_db()
    query = (request.args.get("q") or "").strip()[:200]
    hits = []
    if query:
        councils = [c for c in list_councils(db) if permissions.can_view_council(g.user, c)]
        council_ids = {c.id for c in councils}
        members = {c.id for c in councils if g.user is not None and (
            g.user.is_site_admin or permissions.role_in(g.user, c) is not None)}
        hits = search.search(db, query, visible_council_ids=council_ids,
                             visible_workshop_ids=visible_workshop_ids(db, g.user, council_ids),
                             member_council_ids=members, limit=30)
    return render_template("search/index.html", query=query, hits=hits, kind_labels=KIND_LABELS)
