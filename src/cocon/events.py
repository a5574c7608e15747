"""Domain events: what a service changed, published by the web layer after commit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    """A change worth telling live clients about: a name, a Socket.IO room and a payload."""

    name: str
    room: str
    payload: dict[str, Any] = field(default_factory=dict)
