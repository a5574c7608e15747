"""Organisations: propose, validate, edit, affiliate; the label sessions show beside a name."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cocon import audit
from cocon.accounts.models import User
from cocon.council.models import Council, Membership
from cocon.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocon.organisations import permissions, vocabularies as voc
from cocon.organisations.fields import clean_organisation
from cocon.organisations.models import Affiliation, Organisation
from cocon.organisations.text import name_key, search_key
from cocon.organisations.vocabularies import Status


def apply_fields(organisation: Organisation, fields: dict) -> None:
    """Copy checked fields onto the organisation and refresh its derived keys."""
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.name_key = name_key(organisation.name)
    organisation.commune_key = name_key(organisation.commune)
    organisation.search_text = search_key(
        organisation.name, organisation.description, organisation.commune,
        voc.FRENCH_LEGAL_FORMS[voc.LegalForm(organisation.legal_form)],
        voc.FRENCH_COOPERATIVE_KINDS.get(organisation.cooperative_kind or "", ""),
        *(voc.FRENCH_SECTORS[code] for code in organisation.sector_list),
        *(voc.FRENCH_STAKES[code] for code in organisation.stake_list))


def find_duplicate(db: Session, council_id: int, name: str, commune: str,
                   *, exclude_id: int | None = None) -> Organisation | None:
    """The organisation already known under this name in this commune, if any."""
    query = select(Organisation).where(Organisation.council_id == council_id,
                                       Organisation.name_key == name_key(name),
                                       Organisation.commune_key == name_key(commune))
    if exclude_id is not None:
        query = query.where(Organisation.id != exclude_id)
    return db.scalar(query)


def _refuse_duplicate(db, council_id, fields, exclude_id=None) -> None:
    if find_duplicate(db, council_id, fields["name"], fields["commune"], exclude_id=exclude_id):
        raise Conflict("An organisation named %(name)s already exists in %(commune)s.",
                       name=fields["name"], commune=fields["commune"])


def _flush_unique(db: Session, fields: dict) -> None:
    try:
        with db.begin_nested():
            db.flush()
    except IntegrityError:
        raise Conflict("An organisation named %(name)s already exists in %(commune)s.",
                       name=fields["name"], commune=fields["commune"]) from None


def propose_organisation(db: Session, council: Council, data: dict, *, actor: User | None,
                         now: datetime, validated: bool = False,
                         represent: bool = False) -> Organisation:
    """Add an organisation, pending until a facilitator validates it (or validated by one)."""
    if actor is not None and not (permissions.can_propose_organisation(actor, council)
                                  or permissions.can_validate_organisations(actor, council)):
        raise Forbidden("Only members of the council may propose an organisation.")
    fields = clean_organisation(data)
    _refuse_duplicate(db, council.id, fields)
    organisation = Organisation(council_id=council.id, created_by_id=getattr(actor, "id", None),
                                created_at=now, status=Status.PENDING)
    apply_fields(organisation, fields)
    if validated:
        organisation.status, organisation.validated_at = Status.VALIDATED, now
    db.add(organisation)
    _flush_unique(db, fields)
    if represent and actor is not None:
        affiliate(db, organisation, actor, is_representative=True, actor=None, now=now)
    audit.record(db, action="organisation.propose", now=now, actor=actor, council_id=council.id,
                 target_type="organisation", target_id=organisation.id,
                 details={"name": organisation.name})
    return organisation


def validate_organisation(db: Session, council: Council, organisation: Organisation, *,
                          actor: User, now: datetime) -> Organisation:
    """A facilitator admits a proposed organisation into the public directory."""
    if not permissions.can_validate_organisations(actor, council):
        raise Forbidden("Only facilitators may validate organisations.")
    if organisation.is_validated:
        raise Conflict("This organisation is already validated.")
    organisation.status, organisation.validated_at = Status.VALIDATED, now
    db.flush()
    audit.record(db, action="organisation.validate", now=now, actor=actor, council_id=council.id,
                 target_type="organisation", target_id=organisation.id)
    return organisation


def edit_organisation(db: Session, council: Council, organisation: Organisation, data: dict,
                      *, actor: User | None, now: datetime) -> Organisation:
    """Change the profile; only its representatives and the facilitators may."""
    if not permissions.can_edit_organisation(actor, council, organisation):
        raise Forbidden("Only the organisation's representatives and the facilitators may "
                        "edit it.")
    fields = clean_organisation(data)
    if not permissions.can_validate_organisations(actor, council):
        fields["is_council_member"] = organisation.is_council_member  # the council says so
    _refuse_duplicate(db, council.id, fields, exclude_id=organisation.id)
    apply_fields(organisation, fields)
    _flush_unique(db, fields)
    audit.record(db, action="organisation.edit", now=now, actor=actor, council_id=council.id,
                 target_type="organisation", target_id=organisation.id)
    return organisation


def affiliate(db: Session, organisation: Organisation, user: User, *, is_representative: bool,
              actor: User | None, now: datetime, council: Council | None = None) -> Affiliation:
    """Say that a member belongs to an organisation (or change whether they represent it)."""
    if actor is not None and not permissions.can_manage_affiliations(actor, council,
                                                                     organisation):
        raise Forbidden("Only the organisation's representatives and the facilitators may "
                        "change its members.")
    current = next((a for a in organisation.affiliations if a.user_id == user.id), None)
    if current is None:
        current = Affiliation(user_id=user.id, created_at=now, user=user)
        organisation.affiliations.append(current)
    current.is_representative = bool(is_representative)
    db.flush()
    return current


def remove_affiliation(db: Session, council: Council, organisation: Organisation, user_id: int,
                       *, actor: User, now: datetime) -> None:
    """A member no longer belongs to the organisation."""
    if not permissions.can_manage_affiliations(actor, council, organisation):
        raise Forbidden("Only the organisation's representatives and the facilitators may "
                        "change its members.")
    current = next((a for a in organisation.affiliations if a.user_id == user_id), None)
    if current is None:
        raise NotFound("This person does not belong to the organisation.")
    organisation.affiliations.remove(current)
    db.flush()


def get_organisation(db: Session, council: Council, organisation_id: int) -> Organisation:
    """The organisation of this council's directory, or NotFound."""
    organisation = db.get(Organisation, organisation_id)
    if organisation is None or organisation.council_id != council.id:
        raise NotFound("This organisation does not exist.")
    return organisation


def pending_organisations(db: Session, council: Council) -> list[Organisation]:
    """The proposals a facilitator has to look at, oldest first."""
    return list(db.scalars(select(Organisation).where(
        Organisation.council_id == council.id, Organisation.status == Status.PENDING)
        .order_by(Organisation.created_at, Organisation.id)))


def organisations_of(db: Session, user_id: int, council_id: int) -> list[Affiliation]:
    """A member's validated affiliations in one council, the ones they represent first."""
    rows = db.scalars(select(Affiliation).join(Organisation).where(
        Affiliation.user_id == user_id, Organisation.council_id == council_id,
        Organisation.status == Status.VALIDATED))
    return sorted(rows, key=lambda a: (not a.is_representative, a.organisation.name_key))


def organisation_label(db: Session, user_id: int, council_id: int) -> str | None:
    """The organisation shown beside a member's name in sessions, votes and minutes."""
    affiliations = organisations_of(db, user_id, council_id)
    return affiliations[0].organisation.name if affiliations else None


def find_member(db: Session, council: Council, email: str) -> User:
    """A member of the council by e-mail, to affiliate them."""
    user = db.scalar(select(User).join(Membership, Membership.user_id == User.id).where(
        Membership.council_id == council.id, User.email == email.strip().lower()))
    if user is None:
        raise InvalidInput("No member of the council has this e-mail address.")
    return user
