"""Who is signed in: the login session, its lifetimes, and view guards."""

from __future__ import annotations

import functools
from datetime import timedelta

from flask import abort, current_app, g, redirect, request, session, url_for

from cocon.accounts.models import User
from cocon.db import utcnow
from webapp.database import get_db

IDLE_LIFETIME = timedelta(hours=2)
REMEMBER_LIFETIME = timedelta(days=30)
ABSOLUTE_LIFETIME = timedelta(days=30)


def log_in(user: User, *, remember: bool) -> None:
    """Start a fresh session for this user (the old session's content is dropped)."""
    locale = session.get("locale")
    session.clear()
    session["uid"], session["sv"] = user.id, user.session_version
    session["login_at"] = session["seen_at"] = int(utcnow().timestamp())
    session["remember"] = bool(remember)
    session.permanent = bool(remember)
    if locale:
        session["locale"] = locale


def log_out() -> None:
    """End this session."""
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale


def load_current_user() -> None:
    """Put the signed-in user (or None) on `g`, ending expired or revoked sessions."""
    g.user = None
    uid = session.get("uid")
    if uid is None:
        return
    now = int(utcnow().timestamp())
    idle = REMEMBER_LIFETIME if session.get("remember") else IDLE_LIFETIME
    if (now - int(session.get("seen_at", 0)) > idle.total_seconds()
            or now - int(session.get("login_at", 0)) > ABSOLUTE_LIFETIME.total_seconds()):
        log_out()
        g.session_expired = True
        return
    user = get_db().get(User, uid) if isinstance(uid, int) else None
    if user is None or user.is_erased or user.session_version != session.get("sv"):
        log_out()
        g.session_expired = True
        return
    if now - int(session.get("seen_at", 0)) > 60:
        session["seen_at"] = now
    g.user = user


def login_required(view):
    """Send visitors to the login page, coming back here afterwards."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("user") is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped


def require(allowed: bool) -> None:
    """Stop with 403 (or a login redirect for visitors) unless allowed."""
    if not allowed:
        if g.get("user") is None:
            abort(401)
        abort(403)


def safe_next(target: str | None, default: str = "/") -> str:
    """A local path to go back to, never another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def init_app(app) -> None:
    """Register the user loader and session settings."""
    app.permanent_session_lifetime = REMEMBER_LIFETIME
    app.before_request(load_current_user)
    current_app_config = app.config
    current_app_config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    current_app_config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
