"""Who is signed in: the server-side login session behind the cookie, and view guards."""

from __future__ import annotations

import functools

from flask import abort, g, redirect, request, session, url_for

from cocon.accounts import sessions
from cocon.accounts.models import User
from cocon.db import utcnow
from webapp.database import get_db


def log_in(user: User, *, remember: bool) -> None:
    """Start a fresh server-side session (a new token; the old cookie content is dropped)."""
    db = get_db()
    old = session.get("sid")
    if old:
        sessions.end_session(db, old, now=utcnow())
    token = sessions.start_session(db, user, remember=remember, now=utcnow())
    db.commit()
    locale = session.get("locale")
    session.clear()
    session["sid"] = token
    session.permanent = bool(remember)
    if locale:
        session["locale"] = locale
    g.user = user


def log_out() -> None:
    """End this session, server-side too."""
    token = session.get("sid")
    if token:
        sessions.end_session(get_db(), token, now=utcnow())
        get_db().commit()
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale
    g.user = None


def end_other_sessions(user: User) -> int:
    """Revoke every other session of the user (after a password change, or on request)."""
    count = sessions.end_other_sessions(get_db(), user, keep=session.get("sid"), now=utcnow())
    get_db().commit()
    return count


def session_user() -> User | None:
    """The user whose live session this cookie names, or None."""
    return sessions.resolve_session(get_db(), session.get("sid"), now=utcnow())


def load_current_user() -> None:
    """Put the signed-in user (or None) on `g`; an ended session is forgotten."""
    g.user = None
    if "sid" not in session:
        return
    user = session_user()
    if user is None:
        locale = session.get("locale")
        session.clear()
        if locale:
            session["locale"] = locale
        g.session_expired = True
        return
    db = get_db()
    if db.dirty:  # last_seen_at moved (at most once a minute): keep it
        db.commit()
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
    """Stop with 403 (or 401 for visitors) unless allowed."""
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
    """Load the user before each request; the cookie lives as long as a remembered session."""
    app.permanent_session_lifetime = sessions.REMEMBER_IDLE_LIFETIME
    app.before_request(load_current_user)
