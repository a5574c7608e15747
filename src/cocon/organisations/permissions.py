"""Who may propose, see, edit, validate and import organisations: pure predicates."""

from __future__ import annotations

from cocon.accounts.models import User
from cocon.council.models import Council
from cocon.council.permissions import can_facilitate, can_participate, can_view_council
from cocon.organisations.models import Organisation


def is_representative(user: User | None, organisation: Organisation) -> bool:
    """The user speaks for this organisation and may edit its profile."""
    return user is not None and any(a.user_id == user.id and a.is_representative
                                    for a in organisation.affiliations)


def can_view_directory(user: User | None, council: Council) -> bool:
    """The directory is as public as its council."""
    return can_view_council(user, council)


def can_propose_organisation(user: User | None, council: Council) -> bool:
    """Members who take part in the council may propose an organisation."""
    return can_participate(user, council)


def can_validate_organisations(user: User | None, council: Council) -> bool:
    """Facilitators and administrators validate proposals and import extracts."""
    return can_facilitate(user, council)


can_import_organisations = can_validate_organisations


def can_view_organisation(user: User | None, council: Council,
                          organisation: Organisation) -> bool:
    """Validated ones are public with the directory; a pending one only for its people."""
    if not can_view_directory(user, council):
        return False
    if organisation.is_validated:
        return True
    return user is not None and (can_facilitate(user, council)
                                 or organisation.created_by_id == user.id
                                 or is_representative(user, organisation))


def can_edit_organisation(user: User | None, council: Council,
                          organisation: Organisation) -> bool:
    """Its representatives and the council's facilitators edit an organisation."""
    return can_facilitate(user, council) or is_representative(user, organisation)


def can_manage_affiliations(user: User | None, council: Council,
                            organisation: Organisation) -> bool:
    """Representatives and facilitators add or remove the organisation's members."""
    return can_edit_organisation(user, council, organisation)
