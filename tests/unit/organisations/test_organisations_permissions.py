"""Who may do what in the directory, as a grid of roles × actions."""

import pytest

from cocon.accounts.models import User
from cocon.council.models import Council, Membership, Role
from cocon.organisations import permissions as perm
from cocon.organisations.models import Affiliation, Organisation
from cocon.organisations.vocabularies import Status

PEOPLE = {"admin": 1, "facilitator": 2, "member": 3, "representative": 4, "observer": 5,
          "outsider": 6}
ROLES = {"admin": Role.ADMIN, "facilitator": Role.FACILITATOR, "member": Role.MEMBER,
         "representative": Role.MEMBER, "observer": Role.OBSERVER}


def _world(public=True, status=Status.VALIDATED, created_by=None):
    council = Council(id=1, is_public=public, memberships=[
        Membership(user_id=PEOPLE[name], role=role) for name, role in ROLES.items()])
    organisation = Organisation(id=1, council_id=1, status=status, created_by_id=created_by,
                                affiliations=[Affiliation(user_id=PEOPLE["representative"],
                                                          is_representative=True),
                                              Affiliation(user_id=PEOPLE["member"],
                                                          is_representative=False)])
    return council, organisation


def _user(name):
    return None if name == "visitor" else User(id=PEOPLE[name], is_site_admin=False)


# who: visitor, outsider, observer, member (affiliated, not representative), representative,
# facilitator, admin
GRID = {
    "view_validated": (1, 1, 1, 1, 1, 1, 1),
    "view_pending":   (0, 0, 0, 0, 1, 1, 1),
    "propose":        (0, 0, 0, 1, 1, 1, 1),
    "edit":           (0, 0, 0, 0, 1, 1, 1),
    "validate":       (0, 0, 0, 0, 0, 1, 1),
    "import":         (0, 0, 0, 0, 0, 1, 1),
}
WHO = ["visitor", "outsider", "observer", "member", "representative", "facilitator", "admin"]


@pytest.mark.parametrize("action", GRID)
@pytest.mark.parametrize("index", range(len(WHO)))
def test_the_directory_permission_grid(action, index):
    user = _user(WHO[index])
    council, organisation = _world()
    if action == "view_pending":
        council, organisation = _world(status=Status.PENDING)
    allowed = {
        "view_validated": lambda: perm.can_view_organisation(user, council, organisation),
        "view_pending": lambda: perm.can_view_organisation(user, council, organisation),
        "propose": lambda: perm.can_propose_organisation(user, council),
        "edit": lambda: perm.can_edit_organisation(user, council, organisation),
        "validate": lambda: perm.can_validate_organisations(user, council),
        "import": lambda: perm.can_import_organisations(user, council),
    }[action]()
    assert allowed is bool(GRID[action][index]), (action, WHO[index])


def test_the_proposer_sees_a_pending_organisation():
    council, organisation = _world(status=Status.PENDING, created_by=PEOPLE["outsider"])
    assert perm.can_view_organisation(_user("outsider"), council, organisation)


def test_a_private_council_hides_its_directory_from_visitors():
    council, organisation = _world(public=False)
    assert not perm.can_view_organisation(None, council, organisation)
    assert not perm.can_view_directory(_user("outsider"), council)
    assert perm.can_view_directory(_user("observer"), council)
