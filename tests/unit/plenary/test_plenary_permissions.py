"""Who may do what with a session: role × state × action, every cell written out."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from cocon.council.models import Role
from cocon.council.plenary import permissions as perm

from plenary_fakes import T0, council, member, plenary

ROLES = ["visitor", "citizen", "observer", "advisory", "member", "facilitator", "admin",
         "site_admin"]
STATES = ["draft", "convened", "open", "closed"]
# action -> states where each role may do it; roles not listed may never
MATRIX = {
    "view": {"visitor": "convened open closed", "citizen": "convened open closed",
             "observer": "convened open closed", "advisory": "convened open closed",
             "member": "convened open closed", "facilitator": "draft convened open closed",
             "admin": "draft convened open closed", "site_admin": "draft convened open closed"},
    "manage": {r: "draft convened open closed" for r in ("facilitator", "admin", "site_admin")},
    "edit": {r: "draft convened" for r in ("facilitator", "admin", "site_admin")},
    "edit_agenda": {r: "draft convened open" for r in ("facilitator", "admin", "site_admin")},
    "convene": {r: "draft" for r in ("facilitator", "admin", "site_admin")},
    "open": {r: "convened" for r in ("facilitator", "admin", "site_admin")},
    "run": {r: "open" for r in ("facilitator", "admin", "site_admin")},
    "check_in": {r: "convened open" for r in ("facilitator", "admin", "site_admin")},
    "register": {r: "convened open" for r in ("advisory", "member", "facilitator", "admin")},
    "give_proxy": {r: "convened open" for r in ("member", "facilitator")},
}
ACTIONS = {
    "view": lambda u, p: perm.can_view_plenary(u, p),
    "manage": lambda u, p: perm.can_manage_plenary(u, p.council),
    "edit": perm.can_edit_plenary, "edit_agenda": perm.can_edit_agenda,
    "convene": perm.can_convene, "open": lambda u, p: perm.can_open_plenary(u, p, T0),
    "run": perm.can_run_plenary, "check_in": perm.can_check_in,
    "register": perm.can_register_attendance, "give_proxy": perm.can_give_proxy,
}


def _world(role: str, state: str, public: bool = True):
    memberships = {
        "observer": member(3, role=Role.OBSERVER, has_college=False),
        "advisory": member(4, votes=False), "member": member(5),
        "facilitator": member(6, role=Role.FACILITATOR),
        "admin": member(7, role=Role.ADMIN, has_college=False),
    }
    c = council(list(memberships.values()), public=public)
    stamps = {"draft": {}, "convened": {"convened": T0},
              "open": {"convened": T0, "opened": T0},
              "closed": {"convened": T0, "opened": T0, "closed": T0}}[state]
    p = plenary(c, **stamps)
    if role == "visitor":
        user = None
    elif role in memberships:
        user = memberships[role].user
    else:
        user = SimpleNamespace(id=99, is_site_admin=role == "site_admin", display_name="X")
    return user, p


@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role, state, action):
    user, p = _world(role, state)
    expected = state in MATRIX[action].get(role, "").split()
    assert ACTIONS[action](user, p) is expected


@pytest.mark.parametrize("role, allowed", [("visitor", False), ("citizen", False),
                                           ("member", True), ("site_admin", True)])
def test_a_members_only_council_hides_its_sessions(role, allowed):
    user, p = _world(role, "convened", public=False)
    assert perm.can_view_plenary(user, p) is allowed


def test_convening_needs_an_agenda():
    user, p = _world("facilitator", "draft")
    p.items = []
    assert perm.can_convene(user, p) is False


def test_opening_waits_for_the_day():
    user, p = _world("facilitator", "convened")
    assert perm.can_open_plenary(user, p, T0 - timedelta(days=1)) is False


def test_only_voting_members_hold_proxies():
    assert perm.can_hold_proxy(member(1)) is True
    assert perm.can_hold_proxy(member(2, votes=False)) is False
    assert perm.can_hold_proxy(member(3, role=Role.OBSERVER)) is False
