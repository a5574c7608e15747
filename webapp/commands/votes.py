"""`cocon tally FILE`: count a vote given as JSON (a file, or - for stdin) and print the result."""

from __future__ import annotations

import json
import sys

import click

from cocon.errors import InvalidInput
from cocon.proposals.counting import load_document, tally_document

INVALID_INPUT = 2


def read_source(source: str) -> str:
    """The text of FILE, or of standard input for `-`; InvalidInput when it cannot be read."""
    try:
        with click.open_file(source, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InvalidInput("cannot read %(file)s: %(error)s", file=source,
                           error=error.strerror or str(error)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("%(file)s is not UTF-8 text", file=source) from None


def fail(message: str, code: int) -> None:
    """Print the message on stderr only and leave with `code`; stdout stays empty."""
    click.echo(f"cocon tally: {message}", err=True)
    sys.exit(code)


@click.command("tally")
@click.argument("file", metavar="FILE")
def tally(file: str) -> None:
    """Count a vote described in FILE (JSON; - reads standard input) and print the result as JSON."""
    try:
        result = tally_document(load_document(read_source(file)))
    except InvalidInput as error:
        fail(str(error), INVALID_INPUT)
    except Exception as error:  # noqa: BLE001 - the contract promises a message, never a traceback
        fail(f"internal error while counting: {error!r}", 1)
    else:  # UTF-8 whatever the locale (PYTHONIOENCODING=latin-1 would mangle « Très bien »)
        out = sys.stdout.buffer
        out.write((json.dumps(result, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        out.flush()
