"""The feuille d'émargement of a session: every member, their college and attendance."""

from __future__ import annotations

from dataclasses import dataclass

from cocon.council.models import Role
from cocon.council.plenary.attendance import attendance_of, proxy_given_by


@dataclass(frozen=True)
class SheetRow:
    """One line of the attendance sheet (status: present, represented, excused, absent)."""

    name: str
    college: str
    role: str
    status: str
    holder: str = ""


def attendance_sheet(plenary) -> list[SheetRow]:
    """Members by college then name, with what the platform recorded for this session."""
    rows = []
    for membership in plenary.council.memberships:
        user = membership.user
        if user is None or getattr(user, "erased_at", None) is not None:
            continue
        record = attendance_of(plenary, user.id)
        proxy = proxy_given_by(plenary, user.id)
        if record is not None and record.status.value == "present":
            status, holder = "present", ""
        elif proxy is not None:
            status, holder = "represented", proxy.holder.display_name
        else:
            status, holder = (record.status.value if record else "absent"), ""
        college = membership.college
        rows.append((college.position if college else 10_000, college.name if college else "",
                     user.display_name.casefold(),
                     SheetRow(user.display_name, college.name if college else "",
                              Role(membership.role).value, status, holder)))
    return [row for *_, row in sorted(rows, key=lambda r: r[:3])]
