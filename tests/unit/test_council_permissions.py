"""Permissions as a matrix: role × council visibility × action."""

import pytest

from cocon.accounts.models import User
from cocon.council import permissions as p
from cocon.council.models import College, Council, Membership, Role

ACTIONS = {
    "view": p.can_view_council, "members": p.can_view_members,
    "administer": p.can_administer_council, "facilitate": p.can_facilitate,
    "participate": p.can_participate,
}
# who -> actions allowed on a public council / a private council
EXPECTED = {
    "visitor": ({"view", "members"}, set()),
    "citizen": ({"view", "members"}, set()),
    "observer": ({"view", "members"}, {"view", "members"}),
    "member": ({"view", "members", "participate"}, {"view", "members", "participate"}),
    "facilitator": ({"view", "members", "participate", "facilitate"},
                    {"view", "members", "participate", "facilitate"}),
    "admin": (set(ACTIONS), set(ACTIONS)),
    "site_admin": ({"view", "members", "administer", "facilitate"},
                   {"view", "members", "administer", "facilitate"}),
    "other_council_admin": ({"view", "members"}, set()),
}
ROLE_OF = {"observer": Role.OBSERVER, "member": Role.MEMBER,
           "facilitator": Role.FACILITATOR, "admin": Role.ADMIN}


def _world(public: bool):
    council = Council(id=1, name="A", slug="a", territory="T", is_public=public, memberships=[])
    other = Council(id=2, name="B", slug="b", territory="T", is_public=True, memberships=[])
    college = College(id=1, council_id=1, name="Élu·es", votes=True)
    people = {}
    for n, who in enumerate(EXPECTED, start=1):
        people[who] = None if who == "visitor" else User(
            id=n, email=f"{who}@x.fr", display_name=who, is_site_admin=(who == "site_admin"))
        if who in ROLE_OF:
            council.memberships.append(Membership(user_id=n, council_id=1, role=ROLE_OF[who],
                                                  college=college))
    other.memberships.append(Membership(user_id=people["other_council_admin"].id, council_id=2,
                                        role=Role.ADMIN))
    return council, people


@pytest.mark.parametrize("public", [True, False])
@pytest.mark.parametrize("who", list(EXPECTED))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_permission_matrix(public, who, action):
    council, people = _world(public)
    allowed = EXPECTED[who][0 if public else 1]
    assert ACTIONS[action](people[who], council) is (action in allowed)


def test_only_site_admins_create_councils():
    assert p.can_create_council(User(id=1, is_site_admin=True))
    assert not p.can_create_council(User(id=2, is_site_admin=False))
    assert not p.can_create_council(None)


def test_advisory_college_members_and_observers_do_not_vote():
    voting = College(name="Élu·es", votes=True)
    advisory = College(name="Agents", votes=False)
    assert p.is_voting_member(Membership(role=Role.MEMBER, college=voting))
    assert not p.is_voting_member(Membership(role=Role.MEMBER, college=advisory))
    assert not p.is_voting_member(Membership(role=Role.OBSERVER, college=voting))
    assert not p.is_voting_member(None)
