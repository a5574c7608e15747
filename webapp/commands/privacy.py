"""`cocon purge`: delete what is past its retention period (run it daily from cron)."""

from __future__ import annotations

import click


@click.command("purge")
@click.option("--dry-run", is_flag=True, help="Only count what would be deleted.")
def purge(dry_run: bool) -> None:
    """Apply the retention periods of cocon.retention (shown on /confidentialite)."""
    from cocon import retention
    from cocon.db import utcnow
    from webapp.cli import make_app, open_db
    app = make_app()
    session = open_db(app)
    outbox = getattr(app.extensions.get("cocon_mailer"), "folder", None)  # None with SMTP
    with session:
        counts = retention.purge(session, now=utcnow(), outbox=outbox, dry_run=dry_run)
        if dry_run:
            session.rollback()
        else:
            session.commit()
    verb = "would be deleted" if dry_run else "deleted"
    for period in retention.PERIODS:
        click.echo(f"{period.key}: {counts.get(period.key, 0)} {verb} "
                   f"(kept {period.amount} {period.unit})")
