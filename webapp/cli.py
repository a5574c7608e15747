"""The `cocon` command line; every command reads the same `COCON_*` configuration as the web app."""

from __future__ import annotations

import sys

import click
from sqlalchemy.exc import OperationalError

from cocon.errors import CoconError


def fail(message: str, code: int = 1) -> None:
    """Print a message on stderr and exit, never a traceback."""
    click.echo(f"cocon: {message}", err=True)
    sys.exit(code)


def make_app():
    """Create the app for a command, turning configuration errors into a message."""
    from webapp import create_app
    try:
        return create_app()
    except CoconError as exc:
        fail(str(exc))


def open_db(app):
    """A database session for a command, after checking that the schema exists."""
    from webapp.migrate import is_current
    engine = app.extensions["cocon_engine"]
    try:
        ready = is_current(engine)
    except OperationalError as exc:
        fail(f"cannot reach the database ({engine.url.render_as_string(hide_password=True)}): "
             f"{exc.orig}")
    if not ready:
        fail("the database has no schema yet: run `cocon db upgrade` first")
    return app.extensions["cocon_sessions"]()


@click.group()
@click.version_option(package_name="cocon")
def main() -> None:
    """cocon, the platform of a territory's Conseil de l'ESS."""


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply the migrations up to the latest schema."""
    from webapp.migrate import upgrade
    app = make_app()
    engine = app.extensions["cocon_engine"]
    try:
        upgrade(engine)
    except OperationalError as exc:
        fail(f"cannot reach the database ({engine.url.render_as_string(hide_password=True)}): "
             f"{exc.orig}")
    click.echo("Database schema is up to date.")


@main.command()
def demo() -> None:
    """Fill the database with the demonstration council (idempotent)."""
    from cocon.db import utcnow
    from cocon.demo import populate
    app = make_app()
    session = open_db(app)
    with session:
        report = populate(session, now=utcnow())
        session.commit()
    click.echo(report.summary())


@main.command("create-admin")
@click.argument("email")
@click.argument("name")
@click.password_option()
def create_admin(email: str, name: str, password: str) -> None:
    """Create a site administrator (who may create councils)."""
    from cocon.accounts.services import register_user
    from cocon.db import utcnow
    app = make_app()
    session = open_db(app)
    with session:
        try:
            register_user(session, email=email, password=password, display_name=name,
                          now=utcnow(), is_site_admin=True)
        except CoconError as exc:
            fail(str(exc), 2)
        session.commit()
    click.echo(f"Administrator {email} created.")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Serve the platform in one process (the embedded default)."""
    app = make_app()
    open_db(app).close()
    click.echo(f"cocon is served at http://{host}:{port}/ (Ctrl+C to stop)")
    app.extensions["socketio"].run(app, host=host, port=port, allow_unsafe_werkzeug=True,
                                   use_reloader=False, log_output=False)


@main.command("verify-audit")
def verify_audit() -> None:
    """Check the audit log's hash chain; exit 1 if an entry was changed."""
    from cocon.audit import verify_chain
    app = make_app()
    with open_db(app) as session:
        broken = verify_chain(session)
    if broken:
        fail(f"the audit log was altered at entries {broken}")
    click.echo("The audit log is intact.")


def _register_domain_commands() -> None:
    """Every domain's commands, listed here so the whole command line is visible."""
    from webapp.commands import (
        assistant, minutes, notifications, organisations, plenaries, privacy, votes,
    )
    main.add_command(votes.tally)
    main.add_command(assistant.ask)
    main.add_command(assistant.ingest)
    main.add_command(assistant.evaluate)
    main.add_command(plenaries.sessions)
    main.add_command(minutes.export_minutes_command)
    main.add_command(minutes.verify_minutes)
    main.add_command(notifications.send_digest)
    main.add_command(organisations.import_organisations_command)
    main.add_command(privacy.purge)


_register_domain_commands()

__all__ = ["main"]
