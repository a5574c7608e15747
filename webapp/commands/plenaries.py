"""`cocon sessions [--json]`: list the plenary sessions (id, council, title, date, status)."""

from __future__ import annotations

import json

import click


def session_rows(db) -> list[dict]:
    """Every session of every council, oldest first, as the contract's objects."""
    from cocon.council.plenary.services import list_plenaries
    from cocon.council.plenary.state import plenary_state
    plenaries = sorted(list_plenaries(db), key=lambda p: (p.starts_at, p.id))
    return [{"id": p.id, "council": p.council.name, "title": p.title,
             "date": p.starts_at.isoformat(), "status": plenary_state(p).value}
            for p in plenaries]


@click.command("sessions")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
def sessions(as_json: bool) -> None:
    """List the plenary sessions: id, council, title, date and status."""
    from webapp.cli import make_app, open_db
    app = make_app()
    with open_db(app) as db:
        rows = session_rows(db)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("No plenary session.")
        return
    for row in rows:
        click.echo(f"{row['id']:>5}  {row['date'][:16].replace('T', ' ')} UTC  "
                   f"{row['status']:<9}  {row['council']} — {row['title']}")
