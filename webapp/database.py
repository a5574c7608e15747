"""One SQLAlchemy engine and session factory per app; one session per request."""

from __future__ import annotations

import logging
from typing import Iterable

from flask import Flask, current_app, g
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from cocon.db import make_engine, make_session_factory
from cocon.events import Event

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Bind the engine and the per-request session to the app."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["cocon_engine"] = engine
    app.extensions["cocon_sessions"] = make_session_factory(engine)
    app.teardown_appcontext(_close_db)


def get_db() -> Session:
    """The request's database session, opened on first use."""
    if "db" not in g:
        g.db = current_app.extensions["cocon_sessions"]()
    return g.db


def commit(events: Iterable[Event] = ()) -> None:
    """Commit the request's work, then (and only then) publish its events to live clients."""
    try:
        get_db().commit()
    except DBAPIError:
        g.commit_unconfirmed = True  # the database may have committed before the link broke
        raise
    g.committed = True  # a database error from now on must not say that nothing was saved
    from webapp.live import publish  # late: the live module needs the app's socketio
    publish(events)


def _close_db(_exc: BaseException | None) -> None:
    db = g.pop("db", None)
    if db is None:
        return
    try:
        db.rollback()
        db.close()
    except SQLAlchemyError as exc:  # the database went away: the response is already made
        log.warning("could not release the database session: %s", exc)
        try:
            db.invalidate()
        except SQLAlchemyError:
            pass
