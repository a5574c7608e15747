"""A council with people in every role, and a workshop, for the forum's service tests."""

import uuid
from types import SimpleNamespace

import pytest

from cocon.accounts.models import User
from cocon.council.models import Role
from cocon.council.services import add_college, add_member, create_council
from cocon.db import utcnow
from cocon.workshops import services


@pytest.fixture
def forum_world(db):
    now = utcnow()

    def user(name, **kw):
        # no password hashing: these people never sign in, and argon2 is slow on purpose
        person = User(email=f"{uuid.uuid4().hex[:8]}@example.org", display_name=name,
                      password_hash="!", locale="fr", created_at=now, **kw)
        db.add(person)
        db.flush()
        return person

    admin = user("Claire Fontaine", is_site_admin=True)
    council = create_council(db, name="Conseil de l'ESS de Testville", territory="Testville",
                             creator=admin, now=now)
    college = add_college(db, council, name="Acteurs de l'ESS", weight=1, now=now)
    people = SimpleNamespace(admin=admin, council=council, now=now)
    for attr, name, role in [("facilitator", "Karim Benali", Role.FACILITATOR),
                             ("lucie", "Lucie Ernst", Role.MEMBER),
                             ("camille", "Camille Roth", Role.MEMBER),
                             ("observer", "Marc Lefèvre", Role.OBSERVER)]:
        person = user(name)
        add_member(db, council, person, role=role, actor=admin, now=now,
                   college_id=college.id if role == Role.MEMBER else None)
        setattr(people, attr, person)
    people.citizen = user("Inès Moreau")
    people.workshop = services.create_workshop(
        db, council, title="Alimentation durable", theme="Transition alimentaire",
        actor=people.facilitator, now=now)
    db.flush()
    return people
