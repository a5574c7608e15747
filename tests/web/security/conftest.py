"""Fixtures of the web security tests: a populated council (security_world.py) and clients."""

from __future__ import annotations

import pytest

from votes_web_fixtures import quick_user, votes_world  # noqa: F401
from web.security.security_world import build_world


@pytest.fixture
def world(app_db, votes_world):  # noqa: F811
    """The votes world plus a workshop, proposals, ballots, register, directory and minutes."""
    return build_world(app_db, votes_world)


@pytest.fixture
def signed_in(app, world):
    """One test client per role, each signed in through the real login form."""
    from tests.conftest import PASSWORD

    clients = {}
    for role in ("admin", "facilitator", "alice", "observer"):
        client = app.test_client()
        user = getattr(world, role)
        response = client.post("/compte/connexion", data={"email": user.email,
                                                          "password": PASSWORD})
        assert response.status_code == 302, response.data[:300]
        clients[role] = client
    clients["anonymous"] = app.test_client()
    return clients
