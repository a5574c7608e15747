"""Fixtures of the minutes integration tests; the builder lives in minutes_session.py."""

from __future__ import annotations

import pytest
from minutes_session import build_met_session


@pytest.fixture
def met_session(db):
    """A plenary that met, with attendance, proxies, a counted ballot and an orientation."""
    return build_met_session(db)
