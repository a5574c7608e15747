"""Language: the user's setting, an explicit switch, Accept-Language, then French."""

from __future__ import annotations

from flask import g, request, session
from flask_babel import Babel

LOCALES = ("fr", "en")


def select_locale() -> str:
    """The locale for this request."""
    user = g.get("user")
    if user is not None and user.locale in LOCALES:
        return user.locale
    chosen = session.get("locale")
    if chosen in LOCALES:
        return chosen
    return request.accept_languages.best_match(LOCALES) or "fr"


def init_app(app) -> Babel:
    """Configure Flask-Babel with our catalogues."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "fr")
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Paris")
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = app.config["TRANSLATIONS_DIR"]
    babel = Babel(app, locale_selector=select_locale)
    return babel
