"""Registration, login, logout, profile and password."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from cocon.accounts import services, sessions
from cocon.db import utcnow
from cocon.errors import CoconError
from webapp import auth
from webapp.database import commit, get_db
from webapp.errors import error_message
from webapp.forms import LoginForm, PasswordForm, ProfileForm, RegisterForm

bp = Blueprint("auth", __name__, url_prefix="/compte")


@bp.route("/inscription", methods=["GET", "POST"])
def register():
    form = RegisterForm(locale=session.get("locale") or "fr")
    if form.validate_on_submit():
        db = get_db()
        try:
            user = services.register_user(db, email=form.email.data, password=form.password.data,
                                          display_name=form.display_name.data,
                                          locale=form.locale.data, now=utcnow())
        except CoconError as exc:
            db.rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit()
            auth.log_in(user, remember=False)
            flash(_("Welcome, %(name)s. Your account is ready.", name=user.display_name),
                  "success")
            return redirect(auth.safe_next(request.args.get("next"), url_for("main.index")))
    return render_template("auth/register.html", form=form), 400 if form.errors or form.form_errors else 200


@bp.route("/connexion", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if g.get("session_expired") and request.method == "GET":
        flash(_("Your session has expired. Please sign in again."), "info")
    if form.validate_on_submit():
        db, now, address = get_db(), utcnow(), request.remote_addr or ""
        if sessions.login_blocked(db, email=form.email.data, address=address, now=now):
            form.form_errors.append(_("Too many failed attempts for this account or from this "
                                      "connection. Wait a while (at most an hour) and try again."))
            return render_template("auth/login.html", form=form), 429
        user = services.authenticate(db, email=form.email.data, password=form.password.data,
                                     now=now)
        if user is None:
            sessions.record_failure(db, email=form.email.data, address=address, now=now)
            commit()
            form.form_errors.append(_("E-mail address or password incorrect."))
        else:
            commit()
            auth.log_in(user, remember=form.remember.data)
            return redirect(auth.safe_next(request.args.get("next"), url_for("main.index")))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/deconnexion")
def logout():
    auth.log_out()
    flash(_("You are signed out."), "info")
    return redirect(url_for("main.index"))


@bp.route("/profil", methods=["GET", "POST"])
@auth.login_required
def profile():
    form = ProfileForm(obj=g.user)
    password_form = PasswordForm(prefix="pw")
    if form.validate_on_submit():
        try:
            services.update_profile(get_db(), g.user, display_name=form.display_name.data,
                                    locale=form.locale.data)
        except CoconError as exc:
            get_db().rollback()
            form.form_errors.append(error_message(exc))
        else:
            commit()
            session["locale"] = g.user.locale
            flash(_("Your profile is saved."), "success")
            return redirect(url_for("auth.profile"))
    return render_template("auth/profile.html", form=form, password_form=password_form)


@bp.post("/mot-de-passe")
@auth.login_required
def change_password():
    form = ProfileForm(obj=g.user)
    password_form = PasswordForm(prefix="pw")
    if password_form.validate_on_submit():
        try:
            services.change_password(get_db(), g.user, current=password_form.current.data,
                                     new=password_form.new.data)
        except CoconError as exc:
            get_db().rollback()
            password_form.form_errors.append(error_message(exc))
        else:
            commit()
            auth.end_other_sessions(g.user)
            flash(_("Your password is changed; your other sessions are closed."), "success")
            return redirect(url_for("auth.profile"))
    return render_template("auth/profile.html", form=form, password_form=password_form), 400


@bp.post("/fermer-les-sessions")
@auth.login_required
def end_sessions():
    auth.end_other_sessions(g.user)
    flash(_("Your other sessions are closed."), "success")
    return redirect(url_for("auth.profile"))
