"""`cocon export-minutes SESSION --format odt|pdf|docx|md [--output FILE]` and
`cocon verify-minutes FILE`: the compte rendu from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cocon.errors import CoconError

COMMAND_FORMATS = ("odt", "pdf", "docx", "md")


def _fail(command: str, message: str, code: int = 1) -> None:
    click.echo(f"cocon {command}: {message}", err=True)
    sys.exit(code)


@click.command("export-minutes")
@click.argument("session", type=int, metavar="SESSION")
@click.option("--format", "fmt", required=True, type=click.Choice(COMMAND_FORMATS),
              help="File format.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True),
              help="File to write (default: minutes-SESSION.FORMAT here).")
@click.option("--locale", default="fr", show_default=True, type=click.Choice(["fr", "en"]),
              help="Language of the compte rendu.")
def export_minutes_command(session: int, fmt: str, output: str | None, locale: str) -> None:
    """Export the minutes of the session with id SESSION and print the file's path."""
    from cocon.db import utcnow
    from cocon.minutes.export import export_minutes
    from cocon.minutes.services import minutes_document, record_export
    from webapp.cli import make_app, open_db
    app = make_app()
    with open_db(app) as db:
        try:
            data = export_minutes(minutes_document(db, session, locale=locale), fmt)
            record_export(db, plenary_id=session, fmt=fmt, data=data, now=utcnow())
        except CoconError as exc:
            _fail("export-minutes", str(exc))
        path = Path(output or f"minutes-{session}.{fmt}")
        try:
            path.write_bytes(data)
        except OSError as exc:
            _fail("export-minutes", f"cannot write {path}: {exc.strerror or exc}")
        db.commit()
    click.echo(str(path))


@click.command("verify-minutes")
@click.argument("file", type=click.Path(dir_okay=False), metavar="FILE")
def verify_minutes(file: str) -> None:
    """Say whether an exported compte rendu matches locked minutes; exit 1 if it does not."""
    from cocon.minutes.services import verify_file
    from webapp.cli import make_app, open_db
    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        _fail("verify-minutes", f"cannot read {file}: {exc.strerror or exc}", 2)
    app = make_app()
    with open_db(app) as db:
        try:
            result, minutes = verify_file(db, data)
        except CoconError as exc:
            _fail("verify-minutes", str(exc), 2)
    if result.embedded_hash is None:
        _fail("verify-minutes", "no content fingerprint (SHA-256) found in this file")
    if minutes is None:
        _fail("verify-minutes", f"SHA-256 {result.embedded_hash} matches no locked minutes")
    if not result.ok:
        _fail("verify-minutes", f"the {result.format} file carries the fingerprint of the minutes "
              f"of session {minutes.plenary_id}, but its text differs from them")
    known = " (byte-for-byte an export cocon issued)" if result.file_known else ""
    click.echo(f"OK: this {result.format} file matches the locked minutes of session "
               f"{minutes.plenary_id}, SHA-256 {result.embedded_hash}{known}.")
