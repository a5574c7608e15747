"""Councils: public pages, members, and the administrator's set-up of colleges and members."""

from __future__ import annotations

from flask import (
    Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for,
)
from flask_babel import gettext as _, lazy_gettext as _l

from cocon.accounts.services import find_user_by_email
from cocon.council import permissions, services
from cocon.council.models import Role
from cocon.db import utcnow
from cocon.errors import CoconError
from cocon.mail import Mail
from webapp import auth
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.forms import CollegeForm, CouncilForm, MemberForm
from webapp.mailer import send_mail

bp = Blueprint("councils", __name__, url_prefix="/conseils")

ROLE_LABELS = {Role.ADMIN: _l("Administrator"), Role.FACILITATOR: _l("Facilitator"),
               Role.MEMBER: _l("Member"), Role.OBSERVER: _l("Observer")}


@bp.app_context_processor
def _labels():
    return {"role_labels": ROLE_LABELS}


def load_council(slug: str):
    """The council if the current user may see it; 404 otherwise (never reveal it exists)."""
    council = services.get_council(get_db(), slug)
    if not permissions.can_view_council(g.user, council):
        abort(404)
    return council


@bp.route("/nouveau", methods=["GET", "POST"])
@auth.login_required
def create():
    auth.require(permissions.can_create_council(g.user))
    form = CouncilForm()
    if form.validate_on_submit():
        try:
            council = services.create_council(
                get_db(), name=form.name.data, territory=form.territory.data,
                description=form.description.data or "", is_public=form.is_public.data,
                quorum=form.quorum.data, max_proxies=form.max_proxies.data, creator=g.user,
                now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit()
            flash(_("The council is created. Add its colleges and members."), "success")
            return redirect(url_for("councils.admin", slug=council.slug))
    return render_template("councils/create.html", form=form)


@bp.get("/<slug>")
def view(slug: str):
    council = load_council(slug)
    return render_template("councils/view.html", council=council,
                           membership=permissions.membership_of(g.user, council))


@bp.get("/<slug>/membres")
def members(slug: str):
    council = load_council(slug)
    auth.require(permissions.can_view_members(g.user, council))
    memberships = sorted(council.memberships, key=lambda m: (
        m.college.position if m.college else 999, m.user.display_name.lower()))
    return render_template("councils/members.html", council=council, memberships=memberships)


def _member_form(council):
    form = MemberForm(prefix="member")
    form.role.choices = [(r.value, str(label)) for r, label in ROLE_LABELS.items()]
    form.college.choices = [("", _("No college"))] + [(str(c.id), c.name)
                                                      for c in council.colleges]
    return form


def _admin_page(council, college_form=None, member_form=None, status=200):
    return render_template(
        "councils/admin.html", council=council,
        college_form=college_form or CollegeForm(prefix="college"),
        member_form=member_form or _member_form(council)), status


@bp.get("/<slug>/administration")
@auth.login_required
def admin(slug: str):
    council = load_council(slug)
    auth.require(permissions.can_administer_council(g.user, council))
    return _admin_page(council)


@bp.post("/<slug>/colleges")
@auth.login_required
def add_college(slug: str):
    council = load_council(slug)
    auth.require(permissions.can_administer_council(g.user, council))
    form = CollegeForm(prefix="college")
    if form.validate_on_submit():
        try:
            services.add_college(get_db(), council, name=form.name.data, weight=form.weight.data,
                                 votes=form.votes.data, description=form.description.data or "",
                                 actor=g.user, now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit()
            flash(_("The college is added."), "success")
            return redirect(url_for("councils.admin", slug=slug))
    return _admin_page(council, college_form=form, status=400)


@bp.post("/<slug>/membres")
@auth.login_required
def add_member(slug: str):
    council = load_council(slug)
    auth.require(permissions.can_administer_council(g.user, council))
    form = _member_form(council)
    if form.validate_on_submit():
        db, now = get_db(), utcnow()
        college_id = int(form.college.data) if form.college.data else None
        try:
            user = find_user_by_email(db, form.email.data)
            if user is not None:
                services.add_member(db, council, user, role=Role(form.role.data),
                                    college_id=college_id, actor=g.user, now=now)
                message = _("%(name)s is now a member of the council.", name=user.display_name)
                mail = None
            else:
                invitation, token = services.invite_member(
                    db, council, email=form.email.data, role=Role(form.role.data),
                    college_id=college_id, actor=g.user, now=now)
                link = current_app.config["BASE_URL"].rstrip("/") + url_for(
                    "councils.accept", token=token)
                mail = Mail(to=invitation.email,
                            subject=_("Invitation to the council « %(name)s »", name=council.name),
                            body=_("You are invited to join the council « %(name)s » on cocon.\n\n"
                                   "To accept, create your account or sign in, then open:\n"
                                   "%(link)s\n\nThis link is valid for 14 days.",
                                   name=council.name, link=link))
                message = _("An invitation has been sent to %(email)s.", email=invitation.email)
        except CoconError as exc:
            db.rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit()
            if mail is not None:
                send_mail(mail)
            flash(message, "success")
            return redirect(url_for("councils.admin", slug=slug))
    return _admin_page(council, member_form=form, status=400)


@bp.post("/<slug>/membres/<int:membership_id>")
@auth.login_required
def change_member(slug: str, membership_id: int):
    council = load_council(slug)
    auth.require(permissions.can_administer_council(g.user, council))
    if not any(m.id == membership_id for m in council.memberships):
        abort(404)  # another council's member
    form = _member_form(council)
    form.email.validators = []
    if form.validate_on_submit():
        try:
            services.change_member(get_db(), council, membership_id, role=Role(form.role.data),
                                   college_id=int(form.college.data) if form.college.data else None,
                                   actor=g.user, now=utcnow())
        except CoconError as exc:
            get_db().rollback()
            flash(error_message(exc), "error")
        else:
            commit()
            flash(_("The member's role is saved."), "success")
    return redirect(url_for("councils.admin", slug=slug))


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept(token: str):
    db = get_db()
    invitation = services.find_invitation(db, token, now=utcnow())
    if g.user is None:
        flash(_("Sign in or create your account to accept the invitation."), "info")
        return redirect(url_for("auth.register", next=url_for("councils.accept", token=token)))
    if request.method == "POST":  # CSRFProtect has checked the form's token
        services.accept_invitation(db, token, g.user, now=utcnow())
        commit()
        flash(_("Welcome to the council « %(name)s ».", name=invitation.council.name), "success")
        return redirect(url_for("councils.view", slug=invitation.council.slug))
    return render_template("councils/accept.html", invitation=invitation)
