"""The web side of representation: the attendance form's organisations, the names' labels."""

from __future__ import annotations

from flask import g
from flask_babel import lazy_gettext as _l

from cocon.council.plenary.models import Plenary
from cocon.organisations.representation import session_labels
from cocon.organisations.services import organisations_of
from cocon.validation import parse_id
from webapp.database import get_db


def representation_choices(form, plenary: Plenary, user, mine) -> None:
    """Offer the member's validated organisations, defaulting to the one chosen or represented."""
    if user is None:
        form.organisation.choices = []
        return
    affiliations = organisations_of(get_db(), user.id, plenary.council_id)
    form.organisation.choices = [("", _l("Only myself (no organisation)"))] + [
        (str(a.organisation_id), a.organisation.name) for a in affiliations]
    if form.organisation.data is None or not form.is_submitted():
        if mine is not None:  # what they chose, or no organisation
            form.organisation.data = str(mine.organisation_id or "")
        elif affiliations:  # the organisation they represent, else their first one
            form.organisation.data = str(affiliations[0].organisation_id)


def chosen_organisation(form) -> int | None:
    """The organisation id posted with the attendance form (-1 for anything malformed)."""
    raw = (form.organisation.data or "").strip()
    if not raw:
        return None
    return parse_id(raw) or -1


def labels_for_session(plenary_id: int | None) -> dict[int, str]:
    """Template global: user id → the organisation shown beside the name in this session."""
    if plenary_id is None:
        return {}
    cache = g.setdefault("_session_labels", {})
    if plenary_id not in cache:
        plenary = get_db().get(Plenary, plenary_id)
        cache[plenary_id] = session_labels(get_db(), plenary) if plenary is not None else {}
    return cache[plenary_id]
