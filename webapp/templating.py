"""What every template can use: the user, permissions, dates in the locale, languages."""

from __future__ import annotations

from flask import g, request
from flask_babel import format_date, format_datetime, format_decimal, get_locale

from cocon.council import permissions


def _context():
    return {
        "current_user": g.get("user"),
        "perm": permissions,
        "current_locale": str(get_locale() or "fr"),
        "current_path": request.full_path.rstrip("?") if request else "/",
    }


def init_app(app) -> None:
    """Register the context processor and filters."""
    app.context_processor(_context)
    app.jinja_env.filters["date"] = lambda value, fmt="long": format_date(value, fmt)
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": format_datetime(value, fmt)
    app.jinja_env.filters["number"] = format_decimal
    from webapp.minutes_web import paris_input
    app.jinja_env.filters["paris_input"] = paris_input
    app.jinja_env.add_extension("jinja2.ext.i18n")
