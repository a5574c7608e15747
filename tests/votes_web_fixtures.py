"""Web fixtures of the votes tests: a council with a facilitator, voters, an observer and an open plenary with one item."""

import uuid
from functools import lru_cache
from types import SimpleNamespace

import pytest

from cocon.accounts.models import User
from cocon.accounts.passwords import hash_password
from tests.conftest import PASSWORD

from cocon.council.models import Role
from cocon.council.plenary.models import AgendaItem, Attendance, AttendanceStatus, Plenary
from cocon.council.services import add_member
from cocon.db import utcnow


@lru_cache(maxsize=1)
def _hash() -> str:
    return hash_password(PASSWORD)  # hashed once: argon2 is slow on purpose


@pytest.fixture
def quick_user(app_db):
    """An account with the usual test password, without hashing it again."""

    def make(name: str, admin: bool = False) -> User:
        user = User(email=f"{uuid.uuid4().hex[:8]}@example.org", display_name=name,
                    password_hash=_hash(), locale="fr", is_site_admin=admin,
                    created_at=utcnow())
        app_db.add(user)
        app_db.commit()
        return user

    return make


@pytest.fixture
def votes_world(app_db, quick_user, make_council):
    make_user = quick_user
    admin = make_user(name="Adèle Admin", admin=True)
    council = make_council(admin)
    elus, actors, agents = council.colleges
    now = utcnow()
    facilitator = make_user(name="Fanny Animatrice")
    alice = make_user(name="Alice Élue")
    bob = make_user(name="Bob Acteur")
    observer = make_user(name="Olivier Observateur")
    agent = make_user(name="Agathe Agente")
    add_member(app_db, council, facilitator, role=Role.FACILITATOR, college_id=elus.id, now=now)
    add_member(app_db, council, alice, role=Role.MEMBER, college_id=elus.id, now=now)
    add_member(app_db, council, bob, role=Role.MEMBER, college_id=actors.id, now=now)
    add_member(app_db, council, observer, role=Role.OBSERVER, now=now)
    add_member(app_db, council, agent, role=Role.MEMBER, college_id=agents.id, now=now)
    plenary = Plenary(council=council, title="Plénière de printemps", starts_at=now,
                      created_at=now, convened_at=now, opened_at=now)
    item = AgendaItem(plenary=plenary, position=0, title="Achats socialement responsables")
    app_db.add_all([plenary, item])
    app_db.flush()
    for user in (facilitator, alice, bob):
        app_db.add(Attendance(plenary_id=plenary.id, user_id=user.id,
                              status=AttendanceStatus.PRESENT, updated_at=now))
    app_db.commit()
    return SimpleNamespace(council=council, plenary=plenary, item=item, admin=admin,
                           facilitator=facilitator, alice=alice, bob=bob, observer=observer,
                           agent=agent)
