"""`cocon import-organisations COUNCIL_SLUG FILE`: load an extract into a council's directory."""

from __future__ import annotations

import sys

import click

from cocon.errors import CoconError


def format_report(report) -> str:
    """The import report as plain text (English; the messages are the core's msgids)."""
    lines = [f"{len(report.imported)} organisations imported, {len(report.rejected)} rows rejected, "
             f"{report.rows} rows read (encoding {report.encoding}, separator '{report.separator}')."]
    for problem in report.rejected:
        lines.append(f"  line {problem.line}: rejected: "
                     + (problem.message % problem.params if problem.params else problem.message))
    for problem in report.warnings:
        lines.append(f"  line {problem.line}: warning: "
                     + (problem.message % problem.params if problem.params else problem.message))
    return "\n".join(lines)


@click.command("import-organisations")
@click.argument("council_slug")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_organisations_command(council_slug: str, file: str) -> None:
    """Import organisations from a CSV FILE (; or , separated) into the council's directory."""
    from cocon.council.services import get_council
    from cocon.db import utcnow
    from cocon.organisations.imports import import_organisations
    from webapp.cli import make_app, open_db

    session = open_db(make_app())
    try:
        council = get_council(session, council_slug)
        with open(file, "rb") as handle:
            report = import_organisations(session, council, handle, actor=None, now=utcnow())
        session.commit()
    except CoconError as exc:
        session.rollback()
        click.echo(f"cocon import-organisations: {exc}", err=True)
        sys.exit(2)
    finally:
        session.close()
    click.echo(format_report(report))
