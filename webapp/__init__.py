"""The Flask shell around the cocon core: create_app and the extensions it binds."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_socketio import SocketIO
from flask_wtf.csrf import CSRFProtect

from webapp.config import PROJECT_ROOT, instance_secret_key, load_config


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application: configuration, database, extensions, blueprints, sockets."""
    config = load_config(overrides=test_config)
    app = Flask(__name__, instance_path=config["INSTANCE_PATH"], instance_relative_config=False)
    app.config.update(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)
    app.config.setdefault("TRANSLATIONS_DIR", str(PROJECT_ROOT / "translations"))
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_UPLOAD_MB"]) * 1024 * 1024
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # tied to the session instead

    from webapp import auth, database, errors, i18n, mailer, security, templating
    database.init_app(app)
    auth.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    mailer.init_app(app)
    templating.init_app(app)
    CSRFProtect(app)
    limiter = Limiter(get_remote_address, app=app, storage_uri=app.config["RATELIMIT_STORAGE_URI"],
                      default_limits=[], headers_enabled=True)
    app.extensions["limiter"] = limiter
    errors.register(app)

    from webapp.blueprints import auth as auth_views, councils, main
    app.register_blueprint(main.bp)
    app.register_blueprint(auth_views.bp)
    app.register_blueprint(councils.bp)
    limiter.limit("30 per minute", methods=["POST"])(auth_views.bp)

    socketio = SocketIO(app, async_mode="threading", manage_session=False,
                        message_queue=app.config.get("SOCKETIO_MESSAGE_QUEUE"),
                        cors_allowed_origins=app.config.get("SOCKETIO_ORIGINS"))
    app.extensions["socketio"] = socketio
    from webapp.sockets import LiveNamespace
    socketio.on_namespace(LiveNamespace("/live"))
    return app
