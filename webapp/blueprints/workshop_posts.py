"""One post's actions: edit with history, delete, report; the workshop's moderation queue."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template
from flask_babel import gettext as _

from cocon.db import utcnow
from cocon.errors import CoconError
from cocon.workshops import forum, moderation, permissions
from cocon.workshops.models import Post
from webapp import auth
from webapp.blueprints.workshops import finish, load_workshop
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.notifications import deliver
from webapp.workshop_forms import EditForm, ModerationForm, ReasonForm

bp = Blueprint("workshop_posts", __name__, url_prefix="/conseils/<slug>/ateliers/<int:workshop_id>")


def load_post(slug: str, workshop_id: int, post_id: int):
    council, workshop = load_workshop(slug, workshop_id)
    post = get_db().get(Post, post_id)
    if post is None or post.thread.workshop_id != workshop.id:
        abort(404)
    if post.hidden_at is not None and not permissions.can_see_hidden(g.user, workshop):
        abort(404)
    return council, workshop, post


@bp.get("/messages/<int:post_id>")
def permalink(slug: str, workshop_id: int, post_id: int):
    """A post's lasting address (notifications, e-mails, search): to the page that shows it. A
    hidden post leads to its place too, where readers see the moderators' trace."""
    _council, workshop = load_workshop(slug, workshop_id)
    post = get_db().get(Post, post_id)
    if post is None or post.thread.workshop_id != workshop.id:
        abort(404)
    return redirect(forum.post_location(get_db(), post))


@bp.route("/messages/<int:post_id>/modifier", methods=["GET", "POST"])
@auth.login_required
def edit(slug: str, workshop_id: int, post_id: int):
    council, workshop, post = load_post(slug, workshop_id, post_id)
    auth.require(permissions.can_edit_post(g.user, post, workshop))
    form = EditForm(body=post.body_markdown)
    if form.validate_on_submit():
        try:
            outcome = forum.edit_post(get_db(), post, actor=g.user, body=form.body.data or "",
                                      now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(error_message(exc))
        else:
            finish(outcome)
            flash(_("Your message is changed; its previous version stays in its history."),
                  "success")
            return redirect(forum.post_location(get_db(), post))
    return render_template("workshops/edit.html", council=council, workshop=workshop, post=post,
                           form=form), (422 if form.form_errors else 200)


@bp.get("/messages/<int:post_id>/historique")
def history(slug: str, workshop_id: int, post_id: int):
    council, workshop, post = load_post(slug, workshop_id, post_id)
    if post.deleted_at is not None and not permissions.can_see_hidden(g.user, workshop):
        abort(404)
    return render_template("workshops/history.html", council=council, workshop=workshop,
                           post=post)


@bp.post("/messages/<int:post_id>/supprimer")
@auth.login_required
def delete(slug: str, workshop_id: int, post_id: int):
    _council, workshop, post = load_post(slug, workshop_id, post_id)
    auth.require(permissions.can_delete_post(g.user, post, workshop))
    finish(forum.delete_post(get_db(), post, actor=g.user, now=utcnow()))
    flash(_("The message is deleted."), "success")
    return redirect(forum.post_location(get_db(), post))


@bp.route("/messages/<int:post_id>/signaler", methods=["GET", "POST"])
@auth.login_required
def report(slug: str, workshop_id: int, post_id: int):
    council, workshop, post = load_post(slug, workshop_id, post_id)
    auth.require(permissions.can_report_post(g.user, post, workshop))
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            moderation.report_post(get_db(), post, reporter=g.user, reason=form.reason.data,
                                   now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit()
            flash(_("Thank you: the facilitators will look at this message."), "success")
            return redirect(forum.post_location(get_db(), post))
    return render_template("workshops/report.html", council=council, workshop=workshop,
                           post=post, form=form), (422 if form.form_errors else 200)


@bp.get("/moderation")
@auth.login_required
def queue(slug: str, workshop_id: int):
    council, workshop = load_workshop(slug, workshop_id)
    auth.require(permissions.can_moderate(g.user, workshop))
    reports = moderation.queue(get_db(), workshop)
    return render_template("workshops/moderation.html", council=council, workshop=workshop,
                           reports=reports, form=ModerationForm())


@bp.post("/messages/<int:post_id>/moderer")
@auth.login_required
def moderate(slug: str, workshop_id: int, post_id: int):
    council, workshop, post = load_post(slug, workshop_id, post_id)
    auth.require(permissions.can_moderate(g.user, workshop))
    form = ModerationForm()
    if form.validate_on_submit():
        db, now, reason = get_db(), utcnow(), form.reason.data
        try:
            if form.action.data == "hide":
                finish(moderation.hide_post(db, post, actor=g.user, reason=reason, now=now))
            elif form.action.data == "restore":
                finish(moderation.restore_post(db, post, actor=g.user, reason=reason, now=now))
            elif form.action.data == "warn":
                notes = moderation.warn_author(db, post, actor=g.user, reason=reason, now=now)
                commit()
                deliver(db, notes)
            else:
                moderation.dismiss_reports(db, post, actor=g.user, reason=reason, now=now)
                commit()
        except CoconError as exc:
            db.rollback()
            form.form_errors.append(error_message(exc))
        else:
            flash(_("The moderation is recorded."), "success")
            return redirect(forum.post_location(get_db(), post))
    reports = moderation.queue(get_db(), workshop)
    return render_template("workshops/moderation.html", council=council, workshop=workshop,
                           reports=reports, form=form, failed_post=post), 422
