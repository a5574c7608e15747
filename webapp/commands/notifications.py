"""`cocon send-digest`: send the daily digest of notifications to those who chose it."""

from __future__ import annotations

import click


@click.command("send-digest")
def send_digest() -> None:
    """Send one e-mail per person who chose the daily digest (run it once a day)."""
    from webapp.cli import make_app, open_db
    from webapp.notifications import send_digests
    app = make_app()
    session = open_db(app)
    with app.app_context(), session:
        count = send_digests(session)
    click.echo(f"{count} digest(s) sent.")
