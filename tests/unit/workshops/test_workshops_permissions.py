"""Workshop permissions as a grid: role × workshop visibility and status × action."""

import itertools

import pytest

from cocon.accounts.models import User
from cocon.council.models import Council, Membership, Role
from cocon.workshops import permissions as p
from cocon.workshops.models import Post, Thread, Workshop, WorkshopMember, WorkshopStatus

ROLES = ["visitor", "citizen", "observer", "member", "facilitator", "admin", "site_admin",
         "workshop_facilitator"]
COUNCIL_ROLES = {"observer": Role.OBSERVER, "member": Role.MEMBER,
                 "facilitator": Role.FACILITATOR, "admin": Role.ADMIN,
                 "workshop_facilitator": Role.MEMBER}


def make(role, *, council_public=True, workshop_public=True, status=WorkshopStatus.OPEN,
         citizens=False):
    council = Council(id=1, slug="c", name="C", territory="T", is_public=council_public)
    user = None
    if role != "visitor":
        user = User(id=10, email="u@x.fr", display_name="U", is_site_admin=role == "site_admin")
    if role in COUNCIL_ROLES:
        council.memberships.append(Membership(council_id=1, user_id=10, role=COUNCIL_ROLES[role]))
    workshop = Workshop(id=5, council=council, council_id=1, title="W", is_public=workshop_public,
                        status=status, citizens_may_post=citizens,
                        facilitator_id=10 if role == "workshop_facilitator" else 99)
    return user, workshop


# who may view: public workshop in public council → all; otherwise council people and admins
def expect_view(role, council_public, workshop_public):
    if council_public and workshop_public:
        return True
    return role not in {"visitor", "citizen"}


def expect_post(role, council_public, workshop_public, status, citizens):
    if status != WorkshopStatus.OPEN or not expect_view(role, council_public, workshop_public):
        return False
    if role in {"member", "facilitator", "admin", "site_admin", "workshop_facilitator"}:
        return True
    return role == "citizen" and council_public and workshop_public and citizens


def expect_moderate(role):
    return role in {"facilitator", "admin", "site_admin", "workshop_facilitator"}


GRID = list(itertools.product(ROLES, [True, False], [True, False], list(WorkshopStatus),
                              [True, False]))


@pytest.mark.parametrize("role,council_public,workshop_public,status,citizens", GRID)
def test_permission_grid(role, council_public, workshop_public, status, citizens):
    user, workshop = make(role, council_public=council_public, workshop_public=workshop_public,
                          status=status, citizens=citizens)
    view = expect_view(role, council_public, workshop_public)
    post = expect_post(role, council_public, workshop_public, status, citizens)
    assert p.can_view_workshop(user, workshop) is view
    assert p.can_post(user, workshop) is post
    assert p.can_join_workshop(user, workshop) is post  # joining follows the right to write
    assert p.can_moderate(user, workshop) is expect_moderate(role)
    thread = Thread(id=3, workshop=workshop, locked=True)
    assert p.can_post(user, workshop, thread) is (post and expect_moderate(role))


def test_only_council_facilitators_and_admins_create_workshops():
    for role in ROLES:
        user, workshop = make(role)
        assert p.can_create_workshop(user, workshop.council) is (
            role in {"facilitator", "admin", "site_admin"}), role


def test_members_cannot_join_twice_and_may_leave():
    user, workshop = make("member")
    workshop.members.append(WorkshopMember(user_id=10))
    assert not p.can_join_workshop(user, workshop)
    assert p.can_leave_workshop(user, workshop)


@pytest.mark.parametrize("role", ROLES)
def test_editing_deleting_and_reporting_a_post(role):
    user, workshop = make(role, citizens=True)
    own = Post(id=1, author_id=10)
    other = Post(id=2, author_id=77)
    writer = expect_post(role, True, True, WorkshopStatus.OPEN, True)
    assert p.can_edit_post(user, own, workshop) is writer
    assert p.can_edit_post(user, other, workshop) is False  # moderators hide, never rewrite
    assert p.can_delete_post(user, own, workshop) is (writer or expect_moderate(role))
    assert p.can_delete_post(user, other, workshop) is expect_moderate(role)
    assert p.can_report_post(user, other, workshop) is (user is not None)
    assert p.can_report_post(user, own, workshop) is False


def test_closed_workshops_freeze_edits_but_moderators_may_still_delete():
    user, workshop = make("facilitator", status=WorkshopStatus.CLOSED)
    post = Post(id=1, author_id=10)
    assert not p.can_edit_post(user, post, workshop)
    assert p.can_delete_post(user, post, workshop)


def test_deleted_or_hidden_posts_cannot_be_edited_or_reported():
    from datetime import datetime, timezone
    now = datetime.now(timezone.utc)
    user, workshop = make("member")
    for post in (Post(id=1, author_id=10, deleted_at=now), Post(id=2, author_id=77, hidden_at=now)):
        assert not p.can_edit_post(user, post, workshop)
        assert not p.can_report_post(user, post, workshop)
