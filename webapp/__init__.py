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
    if int(app.config.get("TRUSTED_PROXIES") or 0) > 0:
        # the client's address and scheme as the proxy saw them: rate limits and the
        # brute-force guard count per person, not per proxy
        from werkzeug.middleware.proxy_fix import ProxyFix
        hops = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    from webapp import auth, database, errors, i18n, mailer, security, templating
    database.init_app(app)
    auth.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    mailer.init_app(app)
    templating.init_app(app)
    CSRFProtect(app)
    limiter = Limiter(get_remote_address, app=app, storage_uri=app.config["RATELIMIT_STORAGE_URI"],
                      default_limits=[], headers_enabled=True,
                      # Redis down: count in this process's memory rather than refuse service
                      in_memory_fallback_enabled=True, swallow_errors=True)
    app.extensions["limiter"] = limiter
    errors.register(app)

    from webapp.blueprints import (
        assistant, auth as auth_views, councils, main, minutes, minutes_data, minutes_notes,
        notifications, organisations, organisations_data, plenaries, plenary_agenda,
        plenary_attendance, privacy, proposals, register, search, votes, workshop_posts,
        workshops,
    )
    for blueprint in (main.bp, auth_views.bp, councils.bp, assistant.bp, organisations.bp,
                      organisations_data.bp, plenaries.bp, plenary_agenda.bp,
                      plenary_attendance.bp, notifications.bp, search.bp, workshops.bp,
                      workshop_posts.bp, votes.bp, proposals.bp, register.bp, minutes.bp,
                      minutes_notes.bp, minutes_data.bp, privacy.bp):
        app.register_blueprint(blueprint)
    from webapp.blueprints import assistant_guides, minutes_actions
    app.register_blueprint(assistant_guides.bp)
    app.register_blueprint(minutes_actions.bp)
    limiter.limit("30 per minute", methods=["POST"])(auth_views.bp)
    limiter.limit("20 per minute", methods=["POST"])(assistant.bp)
    from webapp import input_guard, live_queue, ratelimits
    ratelimits.init_app(app)  # posting, voting, reports, search, exports, uploads
    input_guard.init_app(app)  # NUL characters, out-of-range ids, runaway JSON

    queue_url = app.config.get("SOCKETIO_MESSAGE_QUEUE")
    channel = app.config.get("SOCKETIO_CHANNEL") or "cocon"
    manager = live_queue.client_manager(queue_url, channel)  # Redis: quicker to reconnect
    queue_options = ({"client_manager": manager} if manager is not None
                     else {"message_queue": queue_url, "channel": channel})
    socketio = SocketIO(app, async_mode="threading", manage_session=False, **queue_options,
                        cors_allowed_origins=app.config.get("SOCKETIO_ORIGINS"),
                        # clients only send `join`/`leave`: a larger message is an abuse
                        max_http_buffer_size=16 * 1024)
    app.extensions["socketio"] = socketio
    from webapp import plenary_sockets, workshop_sockets
    from webapp.sockets import ROOM_CHECKS, LiveNamespace
    socketio.on_namespace(LiveNamespace("/live"))
    plenary_sockets.register(ROOM_CHECKS)
    workshop_sockets.register(ROOM_CHECKS)
    return app
