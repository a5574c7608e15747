"""`cocon tally FILE`: count a vote given as JSON (a file, or - for stdin) and print the result."""

from __future__ import annotations

import json
import os
import sys

import click

from cocon.errors import InvalidInput
from cocon.proposals.counting import load_document, tally_document

INVALID_INPUT = 2


def read_source(source: str) -> str:
    """The text of FILE, or of standard input for `-`; InvalidInput when it cannot be read."""
    if source == "-" and sys.stdin is None:  # started with stdin closed (`<&-`)
        raise InvalidInput("cannot read %(file)s: %(error)s", file="-",
                           error="standard input is closed")
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
        write_result((json.dumps(result, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def write_result(data: bytes) -> None:
    """Write the result on stdout; a reader that went away (`| head`) ends quietly, a full disk
    or a closed stdout gives a message and status 1, never a traceback."""
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        fail("cannot write the result: standard output is closed", 1)
    try:
        out = sys.stdout.buffer
        out.write(data)
        out.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except (OSError, ValueError) as error:  # ValueError: stdout already closed
        _silence_stdout()
        fail(f"cannot write the result: {getattr(error, 'strerror', None) or error}", 1)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
