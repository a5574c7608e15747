"""One place that turns errors into pages, JSON and socket acknowledgements."""

from __future__ import annotations

import logging
from datetime import timedelta

from flask import g, jsonify, render_template, request
from flask_babel import format_timedelta, gettext, lazy_gettext as _l
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

from cocon.errors import CoconError

log = logging.getLogger(__name__)

# the names the core uses for fields, as people read them
FIELD_LABELS = {
    "email": _l("E-mail address"), "display_name": _l("Name"), "name": _l("Name"),
    "territory": _l("Territory"), "description": _l("Description"), "quorum": _l("Quorum"),
    "max_proxies": _l("Maximum proxies per holder"), "weight": _l("Vote weight"),
    "title": _l("Title"), "body": _l("Text"), "question": _l("Question"),
    "place": _l("Place"), "reason": _l("Reason"), "publisher": _l("Publisher"),
    "licence": _l("Licence"), "year": _l("Year"),
}


def error_message(exc: CoconError) -> str:
    """The error's message in the request's language, with its parameters filled in."""
    params = {key: (str(FIELD_LABELS.get(value, value)) if key == "field" else value)
              for key, value in exc.params.items()}
    return gettext(exc.message, **params) if params else gettext(exc.message)


def wants_json() -> bool:
    return (request.path.startswith("/api/") or request.path.endswith(".json")
            or request.accept_mimetypes.best == "application/json")


def _page(status: int, title: str, message: str):
    if wants_json():
        return jsonify({"error": message}), status
    return render_template("errors/error.html", status=status, title=title,
                           message=message), status


def handle_cocon_error(exc: CoconError):
    return _page(exc.status, gettext("This cannot be done"), error_message(exc))


def handle_csrf(exc: CSRFError):
    return _page(400, gettext("The form has expired"),
                 gettext("For your security, the form has expired. Go back, reload the page "
                         "and try again."))


def handle_http(exc: HTTPException):
    messages = {
        400: (gettext("Bad request"), gettext("The request could not be understood.")),
        401: (gettext("Sign-in needed"), gettext("Sign in to see this page.")),
        403: (gettext("Access refused"), gettext("You do not have access to this page.")),
        404: (gettext("Page not found"), gettext("This page does not exist or has moved.")),
        405: (gettext("Not allowed"), gettext("This action is not allowed here.")),
        413: (gettext("Too large"), gettext("What you sent is too large.")),
        429: (gettext("Too many requests"), _too_many_message(exc)),
    }
    title, message = messages.get(exc.code or 500, (exc.name, exc.description or ""))
    return _page(exc.code or 500, title, message)


def _too_many_message(exc: HTTPException) -> str:
    """Say that nothing was done and how long to wait at most: the window of the limit that was
    reached (a minute for posting, an hour for the downloads of one's own data)."""
    window = None
    if isinstance(exc, RateLimitExceeded):
        window = exc.limit.limit.get_expiry()
    if not window:
        return gettext("You have sent too many requests in a short time, so this one was not "
                       "carried out. Wait a little and try again.")
    return gettext("You have sent too many requests in a short time, so this one was not "
                   "carried out. Try again in %(wait)s at most.",
                   wait=format_timedelta(timedelta(seconds=window)))


def handle_database_down(exc: SQLAlchemyError):
    log.error("database unavailable: %s", exc)
    db = g.pop("db", None)
    if db is not None:  # its connection is gone: drop it rather than reuse it
        try:
            db.close()
        except SQLAlchemyError:
            pass
    g.user = None  # the page must not need the database (menus, notification count)
    if g.pop("commit_unconfirmed", False):
        message = gettext("The database stopped answering while your change was being saved: "
                          "it may or may not have been recorded. Check before trying again.")
    elif g.get("committed"):
        message = gettext("Your change was saved, but the database stopped answering before "
                          "the page could be shown. Reload the page in a few moments.")
    else:
        message = gettext("The database cannot be reached at the moment. Nothing was saved; "
                          "please try again in a few moments.")
    return _page(503, gettext("Service unavailable"), message)


def handle_unexpected(exc: Exception):
    log.exception("unexpected error on %s", request.path)
    return _page(500, gettext("Something went wrong"),
                 gettext("An unexpected error occurred. Nothing was saved; the team has "
                         "been told."))


def register(app) -> None:
    """Map every kind of error to a page in the user's language."""
    app.register_error_handler(CoconError, handle_cocon_error)
    app.register_error_handler(CSRFError, handle_csrf)
    app.register_error_handler(HTTPException, handle_http)
    for error in (OperationalError, InterfaceError, PoolTimeout):  # database out of reach
        app.register_error_handler(error, handle_database_down)
    if not app.config.get("PROPAGATE_EXCEPTIONS"):
        app.register_error_handler(Exception, handle_unexpected)
