"""The compte rendu of a session: page, workflow, members' comments, downloads, verification."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from markupsafe import Markup
from sqlalchemy import select

from cocon.council.plenary.state import PARIS
from cocon.db import utcnow
from cocon.errors import CoconError, InvalidInput
from cocon.minutes import comments, services
from cocon.minutes.export import MIME_TYPES, export_minutes
from cocon.minutes.layout import lay_out
from cocon.minutes.permissions import can_comment_minutes, can_view_minutes, minutes_status
from cocon.minutes.render_html import render_layout_fragment
from cocon.proposals.voting_models import Ballot
from webapp import auth
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.actions import perform
from webapp.minutes_web import (DOWNLOAD_FORMATS, FORMAT_LABELS, STATUS_LABELS, file_response,
                                load_minutes, locale, minutes_of, paris_input,
                                parse_paris_input)

bp = Blueprint("minutes", __name__)
PAGE = "/conseils/<slug>/seances/<int:pid>/compte-rendu"
VERIFY_MAX_BYTES = 15 * 1024 * 1024


def _approval_ballots(plenary) -> list[Ballot]:
    ballots = get_db().scalars(select(Ballot).where(Ballot.council_id == plenary.council_id,
                                                    Ballot.closed_at.is_not(None))
                               .order_by(Ballot.closed_at.desc()))
    return [b for b in ballots if (b.result or {}).get("adopted")]


@bp.app_context_processor
def _minutes_helpers():
    def minutes_visible(plenary) -> bool:
        return can_view_minutes(g.user, plenary, minutes_of(plenary))
    return {"minutes_visible": minutes_visible}


@bp.get(PAGE)
def view(slug: str, pid: int):
    plenary, minutes = load_minutes(slug, pid)
    document = services.minutes_document(get_db(), plenary.id, locale=locale())
    layout = lay_out(document)
    now = utcnow()
    default_until = paris_input(now + timedelta(days=14))
    return render_template(
        "minutes/view.html", plenary=plenary, council=plenary.council, minutes=minutes,
        status=minutes_status(minutes), status_labels=STATUS_LABELS,
        body=Markup(render_layout_fragment(layout)), fingerprint=layout.fingerprint,
        can_edit=services.can_edit_minutes(g.user, plenary),
        can_comment=can_comment_minutes(g.user, minutes, now),
        comments=comments.comments_on(get_db(), minutes), formats=DOWNLOAD_FORMATS,
        format_labels=FORMAT_LABELS, ballots=_approval_ballots(plenary),
        default_until=default_until, now=now, form=FlaskForm())


def _act(slug: str, pid: int, action, success: str):
    """Run one workflow step for a facilitator, then back to the page with a message."""
    plenary, minutes = load_minutes(slug, pid)
    auth.require(services.can_edit_minutes(g.user, plenary))
    if not FlaskForm().validate_on_submit():
        abort(400)
    db, now = get_db(), utcnow()
    perform(lambda: action(db, services.get_or_create_minutes(db, plenary=plenary, now=now), now),
            success)
    return redirect(url_for("minutes.view", slug=slug, pid=pid))


@bp.post(PAGE + "/soumettre")
@auth.login_required
def submit(slug: str, pid: int):
    until = parse_paris_input(request.form.get("comments_until"))

    def action(db, minutes, now):
        if until is None:
            raise InvalidInput("Give the date and time when the comment period ends.")
        services.submit_minutes(db, minutes=minutes, comments_until=until, actor=g.user, now=now)
    return _act(slug, pid, action, _("The minutes were submitted to the members."))


@bp.post(PAGE + "/brouillon")
@auth.login_required
def back_to_draft(slug: str, pid: int):
    return _act(slug, pid, lambda db, m, now: services.return_to_draft(
        db, minutes=m, actor=g.user, now=now), _("The minutes are a draft again."))


@bp.post(PAGE + "/approuver")
@auth.login_required
def approve(slug: str, pid: int):
    chosen = request.form.get("ballot", type=int)

    def action(db, minutes, now):
        ballot = None
        if chosen:
            ballot = next((b for b in _approval_ballots(minutes.plenary) if b.id == chosen), None)
            if ballot is None:
                raise InvalidInput("Choose an adopted vote of this council.")
        services.approve_minutes(db, minutes=minutes, actor=g.user, now=now, ballot=ballot)
    return _act(slug, pid, action, _("The minutes are approved."))


@bp.post(PAGE + "/verrouiller")
@auth.login_required
def lock(slug: str, pid: int):
    return _act(slug, pid, lambda db, m, now: services.lock_minutes(
        db, minutes=m, actor=g.user, now=now), _("The minutes are locked."))


@bp.post(PAGE + "/commentaires")
@auth.login_required
def comment(slug: str, pid: int):
    plenary, minutes = load_minutes(slug, pid)
    if minutes is None or not FlaskForm().validate_on_submit():
        abort(400)
    auth.require(can_comment_minutes(g.user, minutes, utcnow()))
    perform(lambda: comments.add_comment(get_db(), minutes=minutes,
                                         body=request.form.get("body", ""), actor=g.user,
                                         now=utcnow()),
            _("Your comment was added."))
    return redirect(url_for("minutes.view", slug=slug, pid=pid) + "#comments")


@bp.get(PAGE + "/telecharger/<fmt>")
def download(slug: str, pid: int, fmt: str):
    if fmt not in DOWNLOAD_FORMATS:
        abort(404)
    plenary, minutes = load_minutes(slug, pid)
    db = get_db()
    data = export_minutes(services.minutes_document(db, plenary.id, locale=locale()), fmt)
    if minutes is not None and minutes.status == "locked":
        services.record_export(db, plenary_id=plenary.id, fmt=fmt, data=data, now=utcnow())
        commit()
    day = plenary.starts_at.astimezone(PARIS).strftime("%Y-%m-%d")
    return file_response(data, MIME_TYPES[fmt],
                         f"compte-rendu-{plenary.council.slug}-{day}.{fmt}")


@bp.route("/comptes-rendus/verifier", methods=["GET", "POST"])
def verify():
    form, outcome, error, record = FlaskForm(), None, None, None
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        upload = request.files.get("file")
        data = upload.read(VERIFY_MAX_BYTES + 1) if upload else b""
        if not data:
            error = _("Choose an exported file to check.")
        elif len(data) > VERIFY_MAX_BYTES:
            error = _("This file is too large to be an exported compte rendu.")
        else:
            try:
                outcome, record = services.verify_file(get_db(), data)
            except CoconError as exc:
                error = error_message(exc)
            except Exception:  # a damaged file must get a message, never a server error
                error = _("This file cannot be read as a compte rendu.")
    return render_template("minutes/verify.html", form=form, outcome=outcome, error=error,
                           record=record)
