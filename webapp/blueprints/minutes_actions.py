"""The actions decided during a session and the next session's date, entered by facilitators."""

from __future__ import annotations

from datetime import date, datetime

from flask import Blueprint, abort, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from cocon.db import utcnow
from cocon.errors import InvalidInput
from cocon.minutes import services
from webapp import auth
from webapp.actions import perform
from webapp.blueprints.plenaries import load_plenary
from webapp.database import get_db
from webapp.minutes_web import parse_paris_input

bp = Blueprint("minutes_actions", __name__)
BASE = "/conseils/<slug>/seances/<int:pid>/compte-rendu"


def _run(slug: str, pid: int, step, success: str):
    """Check the facilitator and the form, run one change on the minutes, go back to the notes."""
    plenary = load_plenary(slug, pid)
    auth.require(services.can_edit_minutes(g.user, plenary))
    if not FlaskForm().validate_on_submit():
        abort(400)
    db, now = get_db(), utcnow()
    perform(lambda: step(db, services.get_or_create_minutes(db, plenary=plenary, now=now), now),
            success)
    return redirect(url_for("minutes_notes.edit", slug=slug, pid=pid) + "#decisions")


def _due(raw: str) -> date | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput("Give the due date as a date, for instance 2026-12-31.") from None


def _moment(raw: str) -> datetime | None:
    if not (raw or "").strip():
        return None
    moment = parse_paris_input(raw)
    if moment is None:
        raise InvalidInput("Give the date and time of the next session.")
    return moment


@bp.post(BASE + "/actions")
@auth.login_required
def add(slug: str, pid: int):
    form = request.form

    def step(db, minutes, now):
        services.add_action(db, minutes=minutes, description=form.get("description", ""),
                            responsible=form.get("responsible", ""), due=_due(form.get("due")),
                            actor=g.user, now=now)
    return _run(slug, pid, step, _("The action is added to the minutes."))


@bp.post(BASE + "/actions/<int:action_id>/supprimer")
@auth.login_required
def remove(slug: str, pid: int, action_id: int):
    return _run(slug, pid, lambda db, minutes, now: services.remove_action(
        db, minutes=minutes, action_id=action_id, actor=g.user, now=now),
        _("The action is removed from the minutes."))


@bp.post(BASE + "/prochaine-seance")
@auth.login_required
def next_session(slug: str, pid: int):
    raw = request.form.get("next_session_at", "")

    def step(db, minutes, now):
        services.set_next_session(db, minutes=minutes, when=_moment(raw), actor=g.user, now=now)
    return _run(slug, pid, step, _("The date of the next session is saved.") if raw.strip()
                else _("The minutes will give the council's next planned session, if any."))
