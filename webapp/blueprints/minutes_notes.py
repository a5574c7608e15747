"""The facilitator's notes per agenda item: plain forms, a JSON autosave, revisions and diffs."""

from __future__ import annotations

from flask import (Blueprint, abort, flash, g, jsonify, redirect, render_template, request,
                   url_for)
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from sqlalchemy import select

from cocon.council.plenary.models import AgendaItem
from cocon.db import utcnow
from cocon.errors import CoconError
from cocon.minutes import notes_service, services
from cocon.minutes.models import MinutesNote
from cocon.minutes.permissions import minutes_status
from webapp import auth
from webapp.blueprints.plenaries import load_plenary
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.minutes_web import STATUS_LABELS, minutes_of, paris_time

bp = Blueprint("minutes_notes", __name__)
NOTES = "/conseils/<slug>/seances/<int:pid>/compte-rendu/notes"


def _editor(slug: str, pid: int):
    plenary = load_plenary(slug, pid)
    auth.require(services.can_edit_minutes(g.user, plenary))
    return plenary, minutes_of(plenary)


def _item(plenary, item_id: int) -> AgendaItem:
    item = next((i for i in plenary.items if i.id == item_id), None)
    if item is None:
        abort(404)
    return item


def _note(minutes, item_id: int) -> MinutesNote | None:
    if minutes is None:
        return None
    return get_db().scalar(select(MinutesNote).where(MinutesNote.minutes_id == minutes.id,
                                                     MinutesNote.agenda_item_id == item_id))


@bp.get(NOTES)
@auth.login_required
def edit(slug: str, pid: int):
    plenary, minutes = _editor(slug, pid)
    notes = {item.id: _note(minutes, item.id) for item in plenary.items}
    status = minutes_status(minutes)
    return render_template("minutes/notes.html", plenary=plenary, council=plenary.council,
                           minutes=minutes, notes=notes, status=status,
                           status_labels=STATUS_LABELS, editable=status in services.EDITABLE,
                           form=FlaskForm())


def _save(plenary, item, body: str):
    db, now = get_db(), utcnow()
    minutes = services.get_or_create_minutes(db, plenary=plenary, now=now)
    note = notes_service.save_note(db, minutes=minutes, item=item, body=body, actor=g.user,
                                   now=now)
    commit()
    return note, now


@bp.post(NOTES + "/<int:item_id>")
@auth.login_required
def save(slug: str, pid: int, item_id: int):
    plenary, _minutes = _editor(slug, pid)
    item = _item(plenary, item_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    try:
        _note_saved, now = _save(plenary, item, request.form.get("body", ""))
        flash(_("Notes on “%(title)s” saved at %(time)s.", title=item.title,
                time=paris_time(now)), "success")
    except CoconError as exc:
        get_db().rollback()
        flash(error_message(exc), "error")
    return redirect(url_for("minutes_notes.edit", slug=slug, pid=pid) + f"#item-{item.id}")


@bp.post(NOTES + "/<int:item_id>/autosave")
def autosave(slug: str, pid: int, item_id: int):
    """JSON: {"body": text} in, {"saved", "time", "message", "revision"} out."""
    if g.user is None:
        return jsonify({"saved": False, "error": _(
            "Your session has expired. Sign in again: your text is kept in this browser.")}), 401
    plenary = load_plenary(slug, pid)
    if not services.can_edit_minutes(g.user, plenary):
        return jsonify({"saved": False, "error": _("You cannot edit these minutes.")}), 403
    item = _item(plenary, item_id)
    payload = request.get_json(silent=True)
    body = payload.get("body") if isinstance(payload, dict) else request.form.get("body")
    if not isinstance(body, str):
        return jsonify({"saved": False, "error": _("The note's text is missing.")}), 400
    try:
        note, now = _save(plenary, item, body)
    except CoconError as exc:
        get_db().rollback()
        return jsonify({"saved": False, "error": error_message(exc)}), exc.status
    time = paris_time(now)
    return jsonify({"saved": True, "time": time, "message": _("Saved at %(time)s", time=time),
                    "revision": note.revisions[-1].number if note.revisions else None})


@bp.get(NOTES + "/<int:item_id>/revisions")
@auth.login_required
def revisions(slug: str, pid: int, item_id: int):
    plenary, minutes = _editor(slug, pid)
    item = _item(plenary, item_id)
    note = _note(minutes, item.id)
    kept = list(note.revisions) if note else []
    by_number = {r.number: r for r in kept}
    older = by_number.get(request.args.get("a", type=int) or 0)
    newer = by_number.get(request.args.get("b", type=int) or 0)
    diff = None
    if older is not None and newer is not None:
        diff = notes_service.compare_revisions(older, newer)
    return render_template("minutes/revisions.html", plenary=plenary, council=plenary.council,
                           item=item, revisions=kept, older=older, newer=newer, diff=diff)
