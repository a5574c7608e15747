"""Factories for plenary tests on a real database."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from functools import lru_cache

from cocon.accounts.models import User
from cocon.accounts.passwords import hash_password
from cocon.council.models import Role
from cocon.council.plenary import agenda, services
from cocon.council.services import add_college, add_member, create_council

T0 = datetime(2026, 11, 23, 17, 0, tzinfo=timezone.utc)


PASSWORD = "un mot de passe assez long"


@lru_cache(maxsize=1)
def password_hash() -> str:
    """One hash for every test person (hashing is deliberately slow)."""
    return hash_password(PASSWORD)


def make_people(db, *, members=4, max_proxies=1):
    """A council with a facilitator, voting members, an observer and an adviser."""
    def user(name):
        person = User(email=f"{uuid.uuid4().hex[:8]}@example.org", display_name=name,
                      password_hash=password_hash(), created_at=T0)
        db.add(person)
        db.flush()
        return person
    admin = user("Claire Admin")
    council = create_council(db, name=f"Conseil {uuid.uuid4().hex[:6]}", territory="Testville",
                             max_proxies=max_proxies, creator=admin, now=T0)
    voting = add_college(db, council, name="Acteurs", weight=1, now=T0)
    advisory = add_college(db, council, name="Agents", weight=0, votes=False, now=T0)
    facilitator = user("Karim Facilitateur")
    add_member(db, council, facilitator, role=Role.FACILITATOR, college_id=voting.id, now=T0)
    people = []
    for n in range(members):
        person = user(f"Membre {n}")
        add_member(db, council, person, role=Role.MEMBER, college_id=voting.id, now=T0)
        people.append(person)
    observer = user("Oscar Observateur")
    add_member(db, council, observer, role=Role.OBSERVER, now=T0)
    adviser = user("Alice Agente")
    add_member(db, council, adviser, role=Role.MEMBER, college_id=advisory.id, now=T0)
    db.flush()
    return {"council": council, "admin": admin, "facilitator": facilitator, "members": people,
            "observer": observer, "adviser": adviser}


def make_plenary(db, world, *, items=2, convene=False, open_=False, starts_at=T0):
    """A session of the world's council, optionally convened and opened."""
    facilitator = world["facilitator"]
    plenary = services.create_plenary(db, world["council"], title="Séance plénière",
                                      starts_at=starts_at, place="Salle des fêtes",
                                      actor=facilitator, now=starts_at - timedelta(days=30))
    for n in range(items):
        agenda.add_agenda_item(db, plenary, title=f"Point {n + 1}", expected_minutes=20,
                               actor=facilitator, now=starts_at - timedelta(days=30))
    if convene or open_:
        services.convene_plenary(db, plenary, actor=facilitator,
                                 now=starts_at - timedelta(days=20))
    if open_:
        services.open_plenary(db, plenary, actor=facilitator, now=starts_at)
    return plenary
