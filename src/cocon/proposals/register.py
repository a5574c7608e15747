"""The register of orientations: decisions recorded at close, then followed up."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon import audit
from cocon.errors import Forbidden, InvalidInput, NotFound
from cocon.proposals.models import Decision
from cocon.proposals.permissions import can_update_orientation
from cocon.proposals.register_models import (Indicator, IndicatorValue, Orientation,
                                             OrientationStatus, OrientationUpdate)
from cocon.validation import clean_text


def record_decision(db: Session, *, ballot, adopted: bool, now: datetime) -> Orientation | None:
    """Mark the proposal adopted or rejected; an adopted one enters the register."""
    proposal = ballot.proposal
    proposal.decision = Decision.ADOPTED if adopted else Decision.REJECTED
    proposal.decided_at = now
    if not adopted:
        db.flush()
        return None
    orientation = Orientation(council_id=ballot.council_id, council=ballot.council,
                              proposal=proposal, ballot=ballot, title=proposal.title,
                              text=proposal.body, text_html=proposal.body_html, adopted_at=now)
    db.add(orientation)
    db.flush()
    return orientation


def undo_decision(db: Session, *, ballot) -> None:
    """Reopening a ballot withdraws the decision it produced (and an untouched orientation)."""
    proposal = ballot.proposal
    orientation = db.scalar(select(Orientation).where(Orientation.proposal_id == proposal.id))
    if orientation is not None:
        db.delete(orientation)
    proposal.decision = proposal.decided_at = None
    db.flush()


def orientations(db: Session, council) -> list[Orientation]:
    """The council's register, most recent first."""
    return list(db.scalars(select(Orientation).where(Orientation.council_id == council.id)
                           .order_by(Orientation.adopted_at.desc(), Orientation.id.desc())))


def get_orientation(db: Session, council, orientation_id: int) -> Orientation:
    """One orientation of this council, or NotFound."""
    orientation = db.get(Orientation, orientation_id)
    if orientation is None or orientation.council_id != council.id:
        raise NotFound("This orientation does not exist.")
    return orientation


def _status(value) -> OrientationStatus | None:
    if value in (None, ""):
        return None
    try:
        return OrientationStatus(value)
    except ValueError:
        raise InvalidInput("Unknown status.") from None


def update_orientation(db: Session, *, orientation: Orientation, note: str, status=None,
                       carried_by: str | None = None, actor, now: datetime) -> OrientationUpdate:
    """Add a dated follow-up note, possibly changing the status or who carries it."""
    if not can_update_orientation(actor, orientation):
        raise Forbidden("Only facilitators follow up the register.")
    note = clean_text(note, field="note", max_length=5000, multiline=True)
    new_status = _status(status)
    if carried_by is not None:
        orientation.carried_by = clean_text(carried_by, field="carried_by", max_length=300,
                                            required=False)
    if new_status is not None:
        orientation.status = new_status
    update = OrientationUpdate(orientation_id=orientation.id, author=actor, note=note,
                               status=new_status, created_at=now)
    orientation.updates.append(update)
    db.flush()
    audit.record(db, action="orientation.update", now=now, actor=actor,
                 council_id=orientation.council_id, target_type="orientation",
                 target_id=orientation.id, details={"status": getattr(new_status, "value", None)})
    return update


def _decimal(value, field: str) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        raise InvalidInput("%(field)s: must be a number.", field=field) from None
    if not number.is_finite() or abs(number) >= Decimal("1e10"):
        raise InvalidInput("%(field)s: must be a number.", field=field)
    return number


def add_indicator(db: Session, *, orientation: Orientation, name: str, unit: str = "",
                  target=None, actor, now: datetime) -> Indicator:
    """Attach an indicator (name, unit, optional target) to an orientation."""
    if not can_update_orientation(actor, orientation):
        raise Forbidden("Only facilitators follow up the register.")
    indicator = Indicator(name=clean_text(name, field="name", max_length=200),
                          unit=clean_text(unit, field="unit", max_length=40, required=False),
                          target=None if target in (None, "") else _decimal(target, "target"))
    orientation.indicators.append(indicator)
    db.flush()
    audit.record(db, action="orientation.indicator", now=now, actor=actor,
                 council_id=orientation.council_id, target_type="orientation",
                 target_id=orientation.id, details={"indicator": indicator.name})
    return indicator


def add_indicator_value(db: Session, *, indicator: Indicator, measured_on: date, value,
                        actor, now: datetime) -> IndicatorValue:
    """Record one measurement of an indicator."""
    orientation = db.get(Orientation, indicator.orientation_id)
    if not can_update_orientation(actor, orientation):
        raise Forbidden("Only facilitators follow up the register.")
    if not isinstance(measured_on, date):
        raise InvalidInput("%(field)s: must be a date.", field="date")
    entry = IndicatorValue(measured_on=measured_on, value=_decimal(value, "value"))
    indicator.values.append(entry)
    db.flush()
    return entry
