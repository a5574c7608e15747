"""Who may see, join, write in and moderate a workshop: pure predicates, tested as a matrix."""

from __future__ import annotations

from cocon.accounts.models import User
from cocon.council import permissions as council_perms
from cocon.council.models import Role
from cocon.workshops.models import Post, Thread, Workshop, WorkshopStatus


def is_citizen_space(workshop: Workshop) -> bool:
    """A public workshop of a public council that opened its forum to citizens."""
    return workshop.is_public and workshop.council.is_public and workshop.citizens_may_post


def is_workshop_member(user: User | None, workshop: Workshop) -> bool:
    """Whether this person joined (or was invited to) the workshop."""
    return user is not None and any(m.user_id == user.id for m in workshop.members)


def can_view_workshop(user: User | None, workshop: Workshop) -> bool:
    """Public workshops with their council; members-only ones for the council's members."""
    council = workshop.council
    if not council_perms.can_view_council(user, council):
        return False
    if workshop.is_public:
        return True
    return user is not None and (user.is_site_admin
                                 or council_perms.role_in(user, council) is not None)


def can_create_workshop(user: User | None, council) -> bool:
    """Facilitators and administrators of the council open workshops."""
    return council_perms.can_facilitate(user, council)


def can_moderate(user: User | None, workshop: Workshop) -> bool:
    """The workshop's facilitator, the council's facilitators and administrators."""
    if user is None:
        return False
    return (workshop.facilitator_id == user.id
            or council_perms.can_facilitate(user, workshop.council))


def can_manage_workshop(user: User | None, workshop: Workshop) -> bool:
    """Changing a workshop's status or inviting people: its moderators."""
    return can_moderate(user, workshop)


def _may_write(user: User | None, workshop: Workshop) -> bool:
    if user is None or user.is_erased or not can_view_workshop(user, workshop):
        return False
    if can_moderate(user, workshop):
        return True
    role = council_perms.role_in(user, workshop.council)
    if role in {Role.ADMIN, Role.FACILITATOR, Role.MEMBER}:
        return True
    if role is None:  # a citizen: only where the council opened the workshop to them
        return is_citizen_space(workshop)
    return False  # observers read


def can_join_workshop(user: User | None, workshop: Workshop) -> bool:
    """Anyone who may write in an open workshop may join it (once)."""
    return (workshop.status == WorkshopStatus.OPEN and _may_write(user, workshop)
            and not is_workshop_member(user, workshop))


def can_leave_workshop(user: User | None, workshop: Workshop) -> bool:
    """Members may leave whenever they like."""
    return is_workshop_member(user, workshop)


def can_post(user: User | None, workshop: Workshop, thread: Thread | None = None) -> bool:
    """Start a thread or reply: open workshop, unlocked thread, and a right to write."""
    if workshop.status != WorkshopStatus.OPEN or not _may_write(user, workshop):
        return False
    if thread is not None and thread.locked:
        return can_moderate(user, workshop)
    return True


def can_edit_post(user: User | None, post: Post, workshop: Workshop) -> bool:
    """Authors edit their own visible posts while the workshop is open."""
    return (user is not None and post.author_id == user.id and post.is_visible
            and workshop.status == WorkshopStatus.OPEN and _may_write(user, workshop))


def can_delete_post(user: User | None, post: Post, workshop: Workshop) -> bool:
    """The author or a moderator deletes a post; a trace stays in the thread."""
    if user is None or post.deleted_at is not None:
        return False
    return (post.author_id == user.id and _may_write(user, workshop)) or can_moderate(user, workshop)


def can_report_post(user: User | None, post: Post, workshop: Workshop) -> bool:
    """Anyone signed in who sees a post may report it, except its author."""
    return (user is not None and post.is_visible and post.author_id != user.id
            and can_view_workshop(user, workshop))


def can_see_hidden(user: User | None, workshop: Workshop) -> bool:
    """Moderators still read hidden posts, to restore them if need be."""
    return can_moderate(user, workshop)
