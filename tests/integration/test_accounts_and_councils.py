"""Account and council services on a real database (SQLite, or PostgreSQL in CI)."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cocon import audit
from cocon.accounts.models import User
from cocon.accounts.services import authenticate, change_password, register_user
from cocon.council import services
from cocon.council.models import Membership, Role
from cocon.db import utcnow
from cocon.errors import Conflict, InvalidInput, NotFound

PASSWORD = "une phrase de passe longue"


def _user(db, email="alice@example.org", name="Alice Martin", admin=False):
    return register_user(db, email=email, password=PASSWORD, display_name=name, now=utcnow(),
                         is_site_admin=admin)


def test_registering_twice_with_the_same_email_in_another_case_is_a_conflict(db):
    _user(db)
    db.commit()
    with pytest.raises(Conflict):
        _user(db, email="ALICE@example.org")
    db.rollback()
    assert db.scalar(select(func.count()).select_from(User)) == 1


def test_authentication_succeeds_only_with_the_right_password(db):
    _user(db)
    assert authenticate(db, email="alice@example.org", password=PASSWORD, now=utcnow())
    assert authenticate(db, email="alice@example.org", password="wrong one!", now=utcnow()) is None
    assert authenticate(db, email="nobody@example.org", password=PASSWORD, now=utcnow()) is None


def test_changing_the_password_needs_the_current_one(db):
    user = _user(db)
    with pytest.raises(InvalidInput):
        change_password(db, user, current="not it at all", new="une autre phrase longue")
    change_password(db, user, current=PASSWORD, new="une autre phrase longue")
    assert authenticate(db, email=user.email, password="une autre phrase longue", now=utcnow())


def test_a_council_creator_becomes_its_administrator_and_it_is_audited(db):
    admin = _user(db, admin=True)
    council = services.create_council(db, name="Conseil de l'ESS", territory="Ville",
                                      creator=admin, now=utcnow())
    db.commit()
    assert [(m.user_id, m.role) for m in council.memberships] == [(admin.id, Role.ADMIN)]
    assert council.slug == "conseil-de-l-ess"
    assert db.scalar(select(audit.AuditEntry.action)) == "council.created"


def test_slugs_stay_unique(db):
    admin = _user(db, admin=True)
    first = services.create_council(db, name="Conseil", territory="A", creator=admin, now=utcnow())
    second = services.create_council(db, name="Conseil", territory="B", creator=admin,
                                     now=utcnow())
    assert (first.slug, second.slug) == ("conseil", "conseil-2")


@pytest.mark.parametrize("field,value", [("quorum", "1.5"), ("quorum", "beaucoup"),
                                         ("max_proxies", "-1")])
def test_bad_council_rules_are_refused(db, field, value):
    admin = _user(db, admin=True)
    with pytest.raises(InvalidInput):
        services.create_council(db, name="C", territory="T", creator=admin, now=utcnow(),
                                **{field: value})


def test_members_need_a_college_of_the_same_council(db):
    admin = _user(db, admin=True)
    council = services.create_council(db, name="C", territory="T", creator=admin, now=utcnow())
    other = services.create_council(db, name="D", territory="T", creator=admin, now=utcnow())
    foreign = services.add_college(db, other, name="Élu·es", now=utcnow())
    bob = _user(db, email="bob@example.org", name="Bob")
    with pytest.raises(InvalidInput):
        services.add_member(db, council, bob, role=Role.MEMBER, now=utcnow())
    with pytest.raises(InvalidInput):
        services.add_member(db, council, bob, role=Role.MEMBER, college_id=foreign.id,
                            now=utcnow())
    college = services.add_college(db, council, name="Élu·es", now=utcnow())
    services.add_member(db, council, bob, role=Role.MEMBER, college_id=college.id, now=utcnow())
    with pytest.raises(Conflict):
        services.add_member(db, council, bob, role=Role.OBSERVER, now=utcnow())


def test_duplicate_college_names_are_refused(db):
    admin = _user(db, admin=True)
    council = services.create_council(db, name="C", territory="T", creator=admin, now=utcnow())
    services.add_college(db, council, name="Élu·es", now=utcnow())
    with pytest.raises(Conflict):
        services.add_college(db, council, name="élu·es", now=utcnow())


def test_an_invitation_is_accepted_once_and_expires(db):
    admin = _user(db, admin=True)
    council = services.create_council(db, name="C", territory="T", creator=admin, now=utcnow())
    college = services.add_college(db, council, name="Acteurs", now=utcnow())
    now = utcnow()
    _, token = services.invite_member(db, council, email="Carla@Example.org", role=Role.MEMBER,
                                      college_id=college.id, actor=admin, now=now)
    carla = _user(db, email="carla@example.org", name="Carla")
    membership = services.accept_invitation(db, token, carla, now=now)
    assert (membership.role, membership.college_id) == (Role.MEMBER, college.id)
    with pytest.raises(NotFound):
        services.accept_invitation(db, token, carla, now=now)
    _, late = services.invite_member(db, council, email="dan@example.org", role=Role.OBSERVER,
                                     actor=admin, now=now)
    with pytest.raises(NotFound):
        services.find_invitation(db, late, now=now + timedelta(days=15))
    with pytest.raises(NotFound):
        services.find_invitation(db, "forged-token", now=now)


def test_the_last_administrator_cannot_be_demoted(db):
    admin = _user(db, admin=True)
    council = services.create_council(db, name="C", territory="T", creator=admin, now=utcnow())
    membership = db.scalar(select(Membership))
    with pytest.raises(Conflict):
        services.change_member(db, council, membership.id, role=Role.OBSERVER, college_id=None,
                               actor=admin, now=utcnow())


def test_a_role_change_is_audited_with_the_old_and_new_role(db):
    admin = _user(db, admin=True)
    council = services.create_council(db, name="C", territory="T", creator=admin, now=utcnow())
    bob = register_user(db, email="bob@example.org", password="un mot de passe assez long",
                        display_name="Bob", now=utcnow())
    membership = services.add_member(db, council, bob, role=Role.OBSERVER, actor=admin,
                                     now=utcnow())
    services.change_member(db, council, membership.id, role=Role.FACILITATOR, college_id=None,
                           actor=admin, now=utcnow())
    db.commit()
    entry = db.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == "member.changed")
                       ).one()
    assert entry.actor_id == admin.id and entry.council_id == council.id
    assert "facilitator" in str(entry.details) and audit.verify_chain(db) == []


def test_the_audit_chain_detects_a_changed_entry(db):
    admin = _user(db, admin=True)
    services.create_council(db, name="C", territory="T", creator=admin, now=utcnow())
    services.create_council(db, name="D", territory="T", creator=admin, now=utcnow())
    db.commit()
    assert audit.verify_chain(db) == []
    entry = db.scalar(select(audit.AuditEntry).order_by(audit.AuditEntry.id))
    entry.details = {"tampered": True}
    db.commit()
    assert audit.verify_chain(db) == [entry.id]


def test_demo_is_idempotent(db):
    from cocon.demo import populate
    first = populate(db, now=utcnow())
    db.commit()
    users = db.scalar(select(func.count()).select_from(User))
    second = populate(db, now=utcnow())
    assert first.created and not second.created
    assert db.scalar(select(func.count()).select_from(User)) == users >= 20


@pytest.mark.parametrize("name", ["Participant·e supprimé·e", "participante supprimee",
                                  "Deleted participant"])
def test_nobody_may_take_the_name_of_deleted_accounts(db, name):
    with pytest.raises(InvalidInput):
        register_user(db, email="x@example.org", password=PASSWORD, display_name=name,
                      now=utcnow())
