"""Fixtures of the minutes unit tests; the factories live in minutes_factories.py."""

from __future__ import annotations

import pytest
from minutes_factories import make_document

from cocon.minutes.document import MinutesDocument


@pytest.fixture
def document() -> MinutesDocument:
    return make_document()
