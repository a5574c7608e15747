"""Permission predicates: pure functions of who, what and when, shared by every shell."""

from __future__ import annotations

from cocon.accounts.models import User
from cocon.council.models import Council, Membership, Role


def membership_of(user: User | None, council: Council) -> Membership | None:
    """The user's membership in this council, if any."""
    if user is None:
        return None
    for membership in council.memberships:
        if membership.user_id == user.id:
            return membership
    return None


def role_in(user: User | None, council: Council) -> Role | None:
    """The user's role in this council, or None for a citizen or a visitor."""
    membership = membership_of(user, council)
    return membership.role if membership else None


def can_view_council(user: User | None, council: Council) -> bool:
    """Anyone sees a public council; a private one only its members and site admins."""
    if council.is_public:
        return True
    return user is not None and (user.is_site_admin or role_in(user, council) is not None)


def can_view_members(user: User | None, council: Council) -> bool:
    """The member list is public with the council, otherwise for members."""
    return can_view_council(user, council)


def can_administer_council(user: User | None, council: Council) -> bool:
    """Council administrators and site administrators set up colleges and members."""
    if user is None:
        return False
    return user.is_site_admin or role_in(user, council) == Role.ADMIN


def can_facilitate(user: User | None, council: Council) -> bool:
    """Facilitators (and administrators) convene sessions, run votes and moderate."""
    if user is None:
        return False
    return can_administer_council(user, council) or role_in(user, council) == Role.FACILITATOR


def can_create_council(user: User | None) -> bool:
    """Only site administrators create councils."""
    return user is not None and user.is_site_admin


def can_participate(user: User | None, council: Council) -> bool:
    """Members, facilitators and administrators take part; observers only read."""
    return role_in(user, council) in {Role.ADMIN, Role.FACILITATOR, Role.MEMBER}


def is_voting_member(membership: Membership | None) -> bool:
    """A member whose college votes (advisory colleges and observers do not)."""
    return (membership is not None and membership.role != Role.OBSERVER
            and membership.college is not None and membership.college.votes)
