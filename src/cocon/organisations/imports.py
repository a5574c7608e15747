"""Importing an extract (an observatory's CSV): every row checked, valid rows all or nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon import audit
from cocon.accounts.models import User
from cocon.council.models import Council
from cocon.errors import CoconError, Forbidden, InvalidInput
from cocon.organisations import csv_read, permissions
from cocon.organisations.fields import clean_organisation
from cocon.organisations.models import Organisation
from cocon.organisations.services import apply_fields
from cocon.organisations.text import name_key
from cocon.organisations.vocabularies import Status

_BOOLEANS = {"oui": True, "o": True, "yes": True, "y": True, "vrai": True, "true": True,
             "1": True, "x": True, "non": False, "n": False, "no": False, "faux": False,
             "false": False, "0": False, "": False}
_BOOLEAN_FIELDS = {"esus", "is_network_head", "is_council_member"}
_FREE_TEXT = {"name", "address", "commune", "description", "website"}
# what a spreadsheet would run: =, +, @, or - before a letter, a parenthesis or another sign
_FORMULA = re.compile(r"^\s*(?:[=+@]|-[^\d\s.,])")


@dataclass
class RowProblem:
    """A rejected row (or a warning about one): its line in the file and why."""

    line: int
    message: str
    params: dict = field(default_factory=dict)


@dataclass
class ImportReport:
    """What an import did: how the file was read, what came in, what was left out and why."""

    encoding: str = ""
    separator: str = ""
    rows: int = 0
    imported: list[Organisation] = field(default_factory=list)
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)


def _row_data(fields: list[str | None], cells: list[str], line: int,
              warnings: list[RowProblem]) -> dict:
    if len(cells) != len(fields):
        raise InvalidInput("Expected %(expected)s columns, found %(found)s.",
                           expected=len(fields), found=len(cells))
    data: dict = {}
    for name, cell in zip(fields, cells):
        if name is None:
            continue
        if name in _BOOLEAN_FIELDS:
            key = cell.strip().lower()
            if key not in _BOOLEANS:
                raise InvalidInput("Answer oui or non in the column %(field)s.", field=name)
            data[name] = _BOOLEANS[key]
        elif name in _FREE_TEXT and _FORMULA.match(cell):
            data[name] = "'" + cell.strip()
            warnings.append(RowProblem(line, "A formula in the column %(field)s was neutralised.",
                                       {"field": name}))
        else:
            data[name] = cell
    return data


def import_organisations(db: Session, council: Council, source, *, actor: User | None,
                         now: datetime) -> ImportReport:
    """Read a CSV file (bytes or a binary stream) into the directory; whole-file problems raise.

    Valid rows are added together (validated: a facilitator imports), rejected rows are
    reported with their line; the caller commits, or rolls back to import nothing.
    """
    if actor is not None and not permissions.can_import_organisations(actor, council):
        raise Forbidden("Only facilitators may import organisations.")
    text, encoding = csv_read.decode(csv_read.read_limited(source))
    separator = csv_read.detect_separator(text)
    fields, rows = csv_read.read_rows(text, separator)
    report = ImportReport(encoding=encoding, separator=separator, rows=len(rows))
    known = {(n, c) for n, c in db.execute(select(Organisation.name_key, Organisation.commune_key)
                                           .where(Organisation.council_id == council.id))}
    seen: dict[tuple[str, str], int] = {}
    for line, cells in rows:
        warnings: list[RowProblem] = []
        try:
            cleaned = clean_organisation(_row_data(fields, cells, line, warnings))
        except CoconError as exc:
            report.rejected.append(RowProblem(line, exc.message, exc.params))
            continue
        key = (name_key(cleaned["name"]), name_key(cleaned["commune"]))
        if key in known:
            report.rejected.append(RowProblem(line, "%(name)s is already in the directory.",
                                              {"name": cleaned["name"]}))
            continue
        if key in seen:
            report.rejected.append(RowProblem(line, "Same organisation as line %(other)s.",
                                              {"other": seen[key]}))
            continue
        seen[key] = line
        report.warnings += warnings
        organisation = Organisation(council_id=council.id, created_by_id=getattr(actor, "id", None),
                                    created_at=now, status=Status.VALIDATED, validated_at=now)
        apply_fields(organisation, cleaned)
        report.imported.append(organisation)
    db.add_all(report.imported)
    db.flush()
    audit.record(db, action="organisation.import", now=now, actor=actor, council_id=council.id,
                 target_type="organisation",
                 details={"imported": len(report.imported), "rejected": len(report.rejected)})
    return report
