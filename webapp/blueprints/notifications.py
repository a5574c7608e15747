"""The notification list, its unread counter, and each person's notification settings."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField

from cocon import notifications as core
from cocon.db import utcnow
from webapp import auth
from webapp.database import commit, get_db

bp = Blueprint("notifications", __name__, url_prefix="/notifications")

KIND_LABELS = {core.NotificationKind.MENTION: _l("Mentions of me"),
               core.NotificationKind.REPLY: _l("Replies to my posts"),
               core.NotificationKind.CONVOCATION: _l("Convocations to sessions"),
               core.NotificationKind.MODERATION: _l("Moderation of my posts"),
               core.NotificationKind.VOTE: _l("Votes")}
CHANNEL_CHOICES = [("email", _l("In the app and by e-mail at once")),
                   ("digest", _l("In the app and in a daily e-mail digest")),
                   ("app", _l("In the app only")), ("none", _l("Not at all"))]


@bp.app_context_processor
def _unread():
    user = g.get("user")
    return {"unread_notifications": core.unread_count(get_db(), user.id) if user else 0}


def preferences_form(current: dict):
    class PreferencesForm(FlaskForm):
        pass
    for kind in core.NotificationKind:
        setattr(PreferencesForm, kind.value, SelectField(
            KIND_LABELS[kind], choices=CHANNEL_CHOICES, default=current[kind]))
    return PreferencesForm()


@bp.get("/")
@auth.login_required
def index():
    db = get_db()
    notes = core.list_notifications(db, g.user.id)
    unread = {n.id for n in notes if n.read_at is None}
    if unread:
        core.mark_all_read(db, user_id=g.user.id, now=utcnow())
        commit()
    return render_template("notifications/index.html", notes=notes, unread=unread,
                           kind_labels=KIND_LABELS)


@bp.route("/reglages", methods=["GET", "POST"])
@auth.login_required
def settings():
    db = get_db()
    form = preferences_form(core.preferences(db, g.user.id))
    if form.validate_on_submit():
        for kind in core.NotificationKind:
            core.set_preference(db, user_id=g.user.id, kind=kind,
                                channel=getattr(form, kind.value).data)
        commit()
        flash(_("Your notification settings are saved."), "success")
        return redirect(url_for("notifications.settings"))
    return render_template("notifications/settings.html", form=form)
