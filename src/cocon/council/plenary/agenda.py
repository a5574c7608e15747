"""The ordre du jour: add, edit, reorder and remove items until the session is closed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from cocon.accounts.models import User
from cocon.council.plenary import live, permissions
from cocon.council.plenary.models import AgendaItem, Plenary
from cocon.council.plenary.state import PlenaryState, plenary_state
from cocon.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocon.events import Event
from cocon.validation import clean_text

MAX_MINUTES = 24 * 60


def _check(plenary: Plenary, actor: User | None) -> None:
    if plenary_state(plenary) == PlenaryState.CLOSED:
        raise Conflict("The agenda of a closed session cannot change.")
    if actor is not None and not permissions.can_edit_agenda(actor, plenary):
        raise Forbidden("Only facilitators may edit the agenda.")


def _minutes(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        raise InvalidInput("The expected duration must be a number of minutes.") from None
    if not 1 <= minutes <= MAX_MINUTES:
        raise InvalidInput("The expected duration must be between 1 and %(n)s minutes.",
                           n=MAX_MINUTES)
    return minutes


def _item(plenary: Plenary, item_id: int) -> AgendaItem:
    item = next((i for i in plenary.items if i.id == item_id), None)
    if item is None:
        raise NotFound("This agenda item does not exist.")
    return item


def _renumber(plenary: Plenary) -> None:
    for position, item in enumerate(plenary.items):
        item.position = position


def add_agenda_item(db: Session, plenary: Plenary, *, title: str, description: str = "",
                    expected_minutes=None, actor: User | None,
                    now: datetime) -> tuple[AgendaItem, list[Event]]:
    """Append an item at the end of the agenda."""
    _check(plenary, actor)
    item = AgendaItem(title=clean_text(title, field="title", max_length=200),
                      description=clean_text(description, field="description", max_length=5000,
                                             required=False, multiline=True),
                      expected_minutes=_minutes(expected_minutes), position=len(plenary.items))
    plenary.items.append(item)
    db.flush()
    return item, [live.updated(plenary)]


def edit_agenda_item(db: Session, plenary: Plenary, item_id: int, *, title: str,
                     description: str = "", expected_minutes=None, actor: User | None,
                     now: datetime) -> list[Event]:
    """Change an item's title, description or expected duration."""
    _check(plenary, actor)
    item = _item(plenary, item_id)
    item.title = clean_text(title, field="title", max_length=200)
    item.description = clean_text(description, field="description", max_length=5000,
                                  required=False, multiline=True)
    item.expected_minutes = _minutes(expected_minutes)
    db.flush()
    return [live.updated(plenary)]


def move_agenda_item(db: Session, plenary: Plenary, item_id: int, *, offset: int,
                     actor: User | None, now: datetime) -> list[Event]:
    """Move an item up (offset -1) or down (+1); at either end it stays where it is."""
    _check(plenary, actor)
    item = _item(plenary, item_id)
    items = list(plenary.items)
    index = items.index(item)
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    for position, each in enumerate(items):
        each.position = position
    plenary.items.sort(key=lambda i: i.position)
    db.flush()
    return [live.updated(plenary)]


def remove_agenda_item(db: Session, plenary: Plenary, item_id: int, *, actor: User | None,
                       now: datetime) -> list[Event]:
    """Remove an item; the current item cannot be removed while it is being discussed."""
    _check(plenary, actor)
    item = _item(plenary, item_id)
    if plenary.current_item_id == item.id:
        raise Conflict("The item being discussed cannot be removed.")
    if plenary_state(plenary) == PlenaryState.CONVENED and len(plenary.items) == 1:
        raise Conflict("A convened session keeps at least one agenda item.")
    plenary.items.remove(item)
    _renumber(plenary)
    db.flush()
    return [live.updated(plenary)]
