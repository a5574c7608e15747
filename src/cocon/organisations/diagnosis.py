"""The territory's shared diagnosis: who is around the table, counted by family, sector, stake."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.council.models import Council
from cocon.organisations import vocabularies as voc
from cocon.organisations.models import Organisation
from cocon.organisations.vocabularies import Status


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a code, its label (an msgid), a count and its share of the largest."""

    code: str
    label: str
    count: int
    ratio: float


@dataclass(frozen=True)
class Diagnosis:
    """The counts a plenary looks at, every category listed so gaps show as zeros."""

    total: int
    council_members: int
    legal_forms: list[Bar]
    sectors: list[Bar]
    stakes: list[Bar]


def _bars(counter: Counter, labels: dict) -> list[Bar]:
    top = max(counter.values(), default=0) or 1
    bars = [Bar(str(getattr(code, "value", code)), label,
                counter.get(str(getattr(code, "value", code)), 0),
                counter.get(str(getattr(code, "value", code)), 0) / top)
            for code, label in labels.items()]
    return sorted(bars, key=lambda bar: -bar.count)


def diagnose(db: Session, council: Council) -> Diagnosis:
    """Counts of the validated organisations by legal form, sector and stake."""
    rows = db.execute(select(Organisation.legal_form, Organisation.sectors, Organisation.stakes,
                             Organisation.is_council_member)
                      .where(Organisation.council_id == council.id,
                             Organisation.status == Status.VALIDATED)).all()
    forms, sectors, stakes = Counter(), Counter(), Counter()
    for legal_form, sector_text, stake_text, _member in rows:
        forms[legal_form] += 1
        sectors.update(sector_text.split())
        stakes.update(stake_text.split())
    return Diagnosis(total=len(rows), council_members=sum(1 for r in rows if r[3]),
                     legal_forms=_bars(forms, voc.LEGAL_FORMS), sectors=_bars(sectors, voc.SECTORS),
                     stakes=_bars(stakes, voc.STAKES))
