"""Guides of the assistant's corpus: the list, the upload form and the indexing progress.

Site administrators and administrators of any council may add a guide; it is checked, saved
in CORPUS_DIR with its metadata, then indexed in the background (webapp.assistant_jobs).
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, flash, g, jsonify, redirect, render_template, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from werkzeug.utils import secure_filename
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Optional

from cocon.assistant.loaders import SUPPORTED_SUFFIXES, list_guides
from cocon.assistant.metadata import guide_info, read_sources
from cocon.assistant.upload import add_guide, clean_metadata
from cocon.council import permissions as council_permissions
from cocon.council.services import list_councils
from cocon.errors import CoconError, InvalidInput
from webapp import assistant_jobs, auth
from webapp.database import get_db
from webapp.errors import error_message

bp = Blueprint("assistant_guides", __name__)


class GuideUploadForm(FlaskForm):
    file = FileField(_l("Guide file"), validators=[FileRequired()],
                     description=_l("Text, Markdown, PDF, ODT or DOCX, at most %(mb)s MB."),
                     render_kw={"accept": ",".join(SUPPORTED_SUFFIXES)})
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    publisher = StringField(_l("Publisher"), validators=[Optional(), Length(max=300)])
    year = StringField(_l("Year"), validators=[Optional(), Length(max=4)], render_kw={"inputmode": "numeric"})
    licence = StringField(_l("Licence"), validators=[Optional(), Length(max=300)])


def can_manage_guides(user) -> bool:
    """Site administrators and administrators of at least one council."""
    if user is None:
        return False
    if getattr(user, "is_site_admin", False):
        return True
    return any(council_permissions.can_administer_council(user, c) for c in list_councils(get_db()))


def _guides(corpus_dir: Path) -> list:
    if not corpus_dir.is_dir():
        return []
    try:
        entries = read_sources(corpus_dir)
    except CoconError:
        entries = {}
    return [guide_info(p.name, entries) for p in list_guides(corpus_dir)]


def state_payload() -> dict:
    state = assistant_jobs.job_state()
    message = _(state.message, **state.params) if state.message else ""
    return {"status": state.status, "progress": state.progress, "message": message, "guide": state.guide}


def _max_bytes() -> int:
    return int(current_app.config["MAX_UPLOAD_MB"]) * 1024 * 1024


@bp.route("/assistant/guides", methods=["GET", "POST"])
@auth.login_required
def guides():
    auth.require(can_manage_guides(g.user))
    form = GuideUploadForm()
    form.file.description = _("Text, Markdown, PDF, ODT or DOCX, at most %(mb)s MB.",
                              mb=current_app.config["MAX_UPLOAD_MB"])
    status = 200
    corpus_dir = Path(current_app.config["CORPUS_DIR"])
    if form.validate_on_submit():
        upload = form.file.data
        name = secure_filename(upload.filename or "")
        try:
            if assistant_jobs.is_running():
                raise InvalidInput("A guide is already being indexed; please wait until it is finished")
            data = upload.stream.read(_max_bytes() + 1)
            metadata = clean_metadata(form.title.data, form.publisher.data, form.year.data, form.licence.data)
            add_guide(corpus_dir, name, data, metadata, max_bytes=_max_bytes(),
                      source=_("Added from the web interface"))
            assistant_jobs.start_reindex(current_app._get_current_object(), name)
        except CoconError as exc:
            form.form_errors.append(error_message(exc))
            status = 422
        else:
            flash(_("The guide %(name)s was added; it is being indexed.", name=name), "success")
            return redirect(url_for("assistant_guides.guides"))
    elif form.is_submitted():
        status = 422
    return render_template("assistant/guides.html", form=form, guides=_guides(corpus_dir),
                           job=state_payload()), status


@bp.get("/assistant/guides/etat.json")
@auth.login_required
def job_state():
    auth.require(can_manage_guides(g.user))
    response = jsonify(state_payload())
    response.headers["Cache-Control"] = "no-store"
    return response
