"""Personal data (RGPD): the privacy page, downloading one's data, erasing one's account."""

from __future__ import annotations

from flask import (Blueprint, Response, current_app, flash, g, redirect, render_template,
                   url_for)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, Length

from cocon import retention
from cocon.accounts import sessions
from cocon.accounts.erasure import ERASED_NAME, check_erasable, erase_account
from cocon.accounts.passwords import MAX_LENGTH, verify_password
from cocon.accounts.personal_data import export_personal_data
from cocon.accounts.personal_data_files import to_json, to_zip
from cocon.council import permissions
from cocon.council.services import list_councils
from cocon.db import utcnow
from cocon.errors import CoconError
from webapp import auth
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.notifications import deliver

bp = Blueprint("privacy", __name__)
DOWNLOAD_LIMIT = "10 per hour"  # JSON and ZIP together, per person
ERASE_LIMIT = "10 per hour"


class EraseForm(FlaskForm):
    password = PasswordField(_l("Your password, to confirm"),
                             validators=[DataRequired(), Length(max=MAX_LENGTH)],
                             render_kw={"autocomplete": "current-password"})


@bp.get("/confidentialite")
def page():
    councils = [c for c in list_councils(get_db())
                if c.contact_email and permissions.can_view_council(g.user, c)]
    return render_template(
        "privacy/page.html", periods=retention.PERIODS, councils=councils,
        contact=current_app.config.get("PRIVACY_CONTACT"),
        idle_hours=int(sessions.IDLE_LIFETIME.total_seconds() // 3600),
        remember_days=sessions.REMEMBER_IDLE_LIFETIME.days,
        absolute_days=sessions.ABSOLUTE_LIFETIME.days)


def _download(data: bytes, mimetype: str, filename: str) -> Response:
    return Response(data, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})


@bp.get("/compte/mes-donnees.json")
@auth.login_required
def download_json():
    document = export_personal_data(get_db(), user=g.user, now=utcnow())
    return _download(to_json(document), "application/json", "cocon-mes-donnees.json")


@bp.get("/compte/mes-donnees.zip")
@auth.login_required
def download_zip():
    now = utcnow()
    document = export_personal_data(get_db(), user=g.user, now=now)
    return _download(to_zip(document, now=now), "application/zip", "cocon-mes-donnees.zip")


@bp.route("/compte/supprimer", methods=["GET", "POST"])
@auth.login_required
def erase():
    db, form = get_db(), EraseForm()
    try:
        check_erasable(db, g.user)
        blocker = None
    except CoconError as exc:
        blocker = error_message(exc)
    if blocker is None and form.validate_on_submit():
        if not verify_password(g.user.password_hash, form.password.data or ""):
            form.password.errors.append(_("The password is not correct."))
        else:
            email = g.user.email
            try:
                report = erase_account(db, user=g.user, now=utcnow())
            except CoconError as exc:
                db.rollback()
                form.form_errors.append(error_message(exc))
            else:
                commit(report.events)
                deliver(db, report.notes)
                for path in retention.outbox_mail_to(_outbox(), email):
                    path.unlink(missing_ok=True)
                auth.log_out()
                flash(_("Your account is deleted. Your name and e-mail address are no longer "
                        "kept; what you wrote stays, signed “Deleted participant”."), "success")
                return redirect(url_for("main.index"))
    status = 400 if form.errors or form.form_errors else (409 if blocker else 200)
    return render_template("privacy/erase.html", form=form, blocker=blocker), status


def _outbox():
    """The folder where mail is written when no SMTP server is configured (else None)."""
    return getattr(current_app.extensions.get("cocon_mailer"), "folder", None)


def _per_person() -> str:
    user = g.get("user")
    return f"user:{user.id}" if user is not None else get_remote_address()


def _show_erased_name(value):
    """Templates print an erased account's name in the reader's language."""
    if type(value) is str and value == ERASED_NAME:
        return _("Deleted participant")
    return value


@bp.record_once
def _install(state) -> None:
    """Rate limits on the downloads and the erasure; erased names translated in templates.

    Registered last in this module, so the routes above already exist.
    """
    app = state.app
    limiter = app.extensions["limiter"]
    downloads = limiter.shared_limit(DOWNLOAD_LIMIT, scope="personal-data-download",
                                     key_func=_per_person)
    for endpoint in ("privacy.download_json", "privacy.download_zip"):
        app.view_functions[endpoint] = downloads(app.view_functions[endpoint])
    app.view_functions["privacy.erase"] = limiter.limit(
        ERASE_LIMIT, key_func=_per_person, methods=["POST"])(app.view_functions["privacy.erase"])
    previous = app.jinja_env.finalize
    app.jinja_env.finalize = (_show_erased_name if previous is None
                              else lambda value: _show_erased_name(previous(value)))
