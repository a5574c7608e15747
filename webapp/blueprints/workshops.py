"""Workshops of a council: list, creation, a workshop with its threads, joining, a thread page."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm

from cocon.accounts.models import User
from cocon.db import utcnow
from cocon.errors import CoconError, NotFound
from cocon.validation import parse_id
from cocon.workshops import forum, markdown, permissions, services
from cocon.workshops.models import Post, WorkshopStatus
from webapp import auth
from webapp.actions import perform
from webapp.blueprints.councils import load_council
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.notifications import deliver
from webapp.workshop_forms import PostForm, StatusForm, ThreadForm, WorkshopForm

bp = Blueprint("workshops", __name__, url_prefix="/conseils/<slug>/ateliers")

# Posts sent at most by one catch-up request (messages.json?after=…); the live script asks again
# while the answer says there are more.
CATCH_UP_LIMIT = 200

STATUS_LABELS = {WorkshopStatus.OPEN: _l("open"), WorkshopStatus.CLOSED: _l("closed"),
                 WorkshopStatus.ARCHIVED: _l("archived")}


@bp.app_context_processor
def _context():
    return {"wperm": permissions, "workshop_status_labels": STATUS_LABELS}


def load_workshop(slug: str, workshop_id: int):
    """The council and workshop if the current user may see them; 404 otherwise."""
    council = load_council(slug)
    try:
        workshop = services.get_workshop(get_db(), council, workshop_id)
    except NotFound:
        abort(404)
    if not permissions.can_view_workshop(g.user, workshop):
        abort(404)
    return council, workshop


def load_thread(slug: str, workshop_id: int, thread_id: int):
    council, workshop = load_workshop(slug, workshop_id)
    try:
        return council, workshop, forum.get_thread(get_db(), workshop, thread_id)
    except NotFound:
        abort(404)


def finish(outcome) -> None:
    """Commit, publish the live events, then e-mail whoever asked for it."""
    commit(outcome.events)
    deliver(get_db(), outcome.notes)


@bp.get("")
def index(slug: str):
    council = load_council(slug)
    archived = request.args.get("archives") == "1"
    workshops = services.list_workshops(get_db(), council, g.user, include_archived=archived)
    return render_template("workshops/list.html", council=council, workshops=workshops,
                           archived=archived)


@bp.route("/nouveau", methods=["GET", "POST"])
@auth.login_required
def create(slug: str):
    council = load_council(slug)
    auth.require(permissions.can_create_workshop(g.user, council))
    form = WorkshopForm()
    if form.validate_on_submit():
        try:
            workshop = services.create_workshop(
                get_db(), council, title=form.title.data, theme=form.theme.data or "",
                description=form.description.data or "", is_public=form.is_public.data,
                citizens_may_post=form.citizens_may_post.data, actor=g.user, now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit()
            flash(_("The workshop is open."), "success")
            return redirect(url_for("workshops.view", slug=slug, workshop_id=workshop.id))
    return render_template("workshops/create.html", council=council, form=form)


@bp.route("/<int:workshop_id>", methods=["GET", "POST"])
def view(slug: str, workshop_id: int):
    council, workshop = load_workshop(slug, workshop_id)
    form = ThreadForm()
    if request.method == "POST":
        auth.require(permissions.can_post(g.user, workshop))
        if form.validate_on_submit():
            try:
                outcome = forum.start_thread(get_db(), workshop, author=g.user,
                                             title=form.title.data, body=form.body.data or "",
                                             now=utcnow())
            except CoconError as exc:
                get_db().rollback()
                form.form_errors.append(error_message(exc))
            else:
                finish(outcome)
                return redirect(forum.thread_url(outcome.post.thread))
    threads = forum.list_threads(get_db(), workshop)
    status_form = StatusForm(status=workshop.status.value)
    return render_template("workshops/view.html", council=council, workshop=workshop,
                           threads=threads, form=form, status_form=status_form), \
        (422 if form.form_errors or form.errors else 200)


@bp.post("/<int:workshop_id>/<any(rejoindre, quitter):action>")
@auth.login_required
def membership(slug: str, workshop_id: int, action: str):
    _council, workshop = load_workshop(slug, workshop_id)
    if action == "rejoindre":
        services.join_workshop(get_db(), workshop, user=g.user, now=utcnow())
        message = _("You joined the workshop.")
    else:
        services.leave_workshop(get_db(), workshop, user=g.user)
        message = _("You left the workshop.")
    commit()
    flash(message, "success")
    return redirect(url_for("workshops.view", slug=slug, workshop_id=workshop_id))


@bp.post("/<int:workshop_id>/inviter")
@auth.login_required
def invite(slug: str, workshop_id: int):
    _council, workshop = load_workshop(slug, workshop_id)
    auth.require(permissions.can_manage_workshop(g.user, workshop))
    raw = request.form.get("user_id", "")
    invitee = get_db().get(User, parse_id(raw) or 0) if raw.isdigit() else None
    if invitee is None:
        abort(400)
    services.invite_member(get_db(), workshop, invitee=invitee, actor=g.user, now=utcnow())
    commit()
    flash(_("%(name)s is now a member of the workshop.", name=invitee.display_name), "success")
    return redirect(url_for("workshops.view", slug=slug, workshop_id=workshop_id))


@bp.post("/<int:workshop_id>/statut")
@auth.login_required
def status(slug: str, workshop_id: int):
    _council, workshop = load_workshop(slug, workshop_id)
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400)
    services.set_status(get_db(), workshop, status=form.status.data, actor=g.user, now=utcnow())
    commit()
    flash(_("The workshop's status is changed."), "success")
    return redirect(url_for("workshops.view", slug=slug, workshop_id=workshop_id))


@bp.route("/<int:workshop_id>/fils/<int:thread_id>", methods=["GET", "POST"])
def thread(slug: str, workshop_id: int, thread_id: int):
    council, workshop, thread = load_thread(slug, workshop_id, thread_id)
    form = PostForm()
    if request.method == "POST":
        auth.require(g.user is not None)
        forum.check_can_post(g.user, thread)  # a refusal (e.g. a locked thread) says why
        if form.validate_on_submit():
            reply_to = ((parse_id(form.reply_to.data) or 0)
                        if (form.reply_to.data or "").isdigit() else None)
            try:
                outcome = forum.add_post(get_db(), thread, author=g.user, now=utcnow(),
                                         body=form.body.data or "", reply_to_id=reply_to)
            except CoconError as exc:
                get_db().rollback()
                form.form_errors.append(error_message(exc))
            else:
                finish(outcome)
                return redirect(forum.post_location(get_db(), outcome.post))
    page = request.args.get("page", type=int) or 0
    if request.args.get("repondre", "").isdigit():
        parent = get_db().get(Post, parse_id(request.args["repondre"]) or 0)
        if parent is not None and parent.thread_id == thread.id and parent.is_visible:
            form.reply_to.data = str(parent.id)
            form.body.data = markdown.quote(parent.body_markdown, parent.author.display_name
                                            if parent.author else "")
            page = page or forum.page_of_post(get_db(), parent)  # the quoted post stays in view
    posts = forum.thread_page(get_db(), thread, page or 1)
    return render_template("workshops/thread.html", council=council, workshop=workshop,
                           thread=thread, posts=posts, page_ids={p.id for p in posts.items},
                           form=form), \
        (422 if form.form_errors else 200)


@bp.post("/<int:workshop_id>/fils/<int:thread_id>/verrou")
@auth.login_required
def lock(slug: str, workshop_id: int, thread_id: int):
    _council, workshop, thread = load_thread(slug, workshop_id, thread_id)
    auth.require(permissions.can_moderate(g.user, workshop))
    if not FlaskForm().validate_on_submit():
        abort(400)
    locked = request.form.get("locked") == "y"
    perform(lambda: forum.set_thread_locked(get_db(), thread, locked=locked, actor=g.user,
                                            now=utcnow()),
            _("The thread is locked.") if locked else _("The thread is unlocked."))
    return redirect(forum.thread_url(thread))


@bp.get("/<int:workshop_id>/fils/<int:thread_id>/messages.json")
def messages_json(slug: str, workshop_id: int, thread_id: int):
    council, workshop, thread = load_thread(slug, workshop_id, thread_id)
    after, only = request.args.get("after", "0"), request.args.get("post", "")
    if only.isdigit():
        post = get_db().get(Post, parse_id(only) or 0)
        posts = [post] if post is not None and post.thread_id == thread.id else []
        more = False
    else:
        posts = forum.list_posts(get_db(), thread, after=parse_id(after) or 0,
                                 limit=CATCH_UP_LIMIT + 1)
        more, posts = len(posts) > CATCH_UP_LIMIT, posts[:CATCH_UP_LIMIT]

    def rendered(post) -> dict:
        # the article as this reader sees it on the page, with the actions they may take
        article = render_template("workshops/_post.html", post=post, workshop=workshop,
                                  council=council, thread=thread)
        return {**forum.post_payload(post), "article": article}
    return jsonify({"posts": [rendered(p) for p in posts], "more": more})
