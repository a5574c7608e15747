"""Keeping the catalogues in step with the code: extract, update, compile, check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "translations" / "messages.pot"
# the core raises errors whose first argument is a msgid
KEYWORDS = ["_", "gettext", "ngettext:1,2", "lazy_gettext", "_l", "N_", "pgettext:1c,2",
            "lazy_pgettext:1c,2", "InvalidInput",
            "NotFound", "Forbidden", "Conflict", "CoconError", "ConfigurationError"]


def extract(output: Path = POT) -> None:
    """Write the template catalogue from the code and templates."""
    args = [sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
            str(ROOT / "babel.cfg"), "-o", str(output), "--no-location", "--sort-output",
            "--omit-header", "--no-wrap"]
    for keyword in KEYWORDS:
        args += ["-k", keyword]
    subprocess.run(args + ["src", "webapp"], cwd=ROOT, check=True, capture_output=True)


def msgids(path: Path) -> set[str]:
    """The message ids of a catalogue."""
    with path.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


def update() -> None:
    """Extract, then merge the template into the fr and en catalogues (created if absent)."""
    extract()
    for locale in ("fr", "en"):
        po = ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po"
        command = "update" if po.exists() else "init"
        args = [sys.executable, "-m", "babel.messages.frontend", command, "-i", str(POT),
                "-d", str(ROOT / "translations"), "-l", locale, "--no-wrap"]
        if command == "update":
            args += ["--no-fuzzy-matching", "--ignore-obsolete"]
        subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
    _fill_english()


def _fill_english() -> None:
    """English is the language of the msgids: its catalogue repeats them."""
    from babel.messages.pofile import write_po
    po = ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    for message in catalog:
        if message.id and not message.string or (
                isinstance(message.string, tuple) and not any(message.string)):
            message.string = message.id
        if message.fuzzy and message.id:
            message.flags.discard("fuzzy")
    with po.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)


def compile_all() -> None:
    """Compile the .po catalogues into the .mo files Flask-Babel reads."""
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "compile", "-d",
                    str(ROOT / "translations"), "--statistics"], cwd=ROOT, check=True,
                   capture_output=True)


if __name__ == "__main__":
    {"extract": extract, "update": update, "compile": compile_all}[sys.argv[1]]()
