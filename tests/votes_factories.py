"""Factories shared by the votes tests: a council with colleges, members, a plenary, an item."""

from __future__ import annotations

import uuid
from decimal import Decimal
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from cocon.accounts.models import User
from cocon.council.models import College, Council, Membership, Role
from cocon.council.plenary.models import (AgendaItem, Attendance, AttendanceStatus, Plenary,
                                          Proxy)

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=timezone.utc)


@dataclass
class World:
    council: Council
    plenary: Plenary
    item: AgendaItem
    facilitator: User
    colleges: dict
    members: list = field(default_factory=list)
    observer: User | None = None
    advisor: User | None = None
    outsider: User | None = None


def make_user(db, name: str) -> User:
    user = User(email=f"{uuid.uuid4().hex[:10]}@example.org", display_name=name,
                password_hash="x", locale="fr", is_site_admin=False,
                created_at=NOW)
    db.add(user)
    return user


def add_member(db, world_or_council, user, role=Role.MEMBER, college=None) -> Membership:
    council = getattr(world_or_council, "council", world_or_council)
    membership = Membership(council=council, user=user, role=role, college=college,
                            joined_at=NOW)
    db.add(membership)
    return membership


def make_world(db, *, members: int = 4, present: bool = True, quorum: str = "0.5") -> World:
    council = Council(slug=f"c-{uuid.uuid4().hex[:6]}", name="Conseil de l'ESS de Testville",
                      territory="Testville", quorum=Decimal(quorum), created_at=NOW)
    db.add(council)
    elus = College(council=council, name="Élu·es", weight=1, votes=True, position=0)
    actors = College(council=council, name="Acteurs de l'ESS", weight=2, votes=True, position=1)
    agents = College(council=council, name="Agents", weight=0, votes=False, position=2)
    db.add_all([elus, actors, agents])
    facilitator = make_user(db, "Fanny Animatrice")
    add_member(db, council, facilitator, Role.FACILITATOR, elus)
    plenary = Plenary(council=council, title="Plénière d'automne", starts_at=NOW,
                      created_at=NOW, convened_at=NOW, opened_at=NOW)
    item = AgendaItem(plenary=plenary, position=0, title="Orientation achats responsables")
    db.add_all([plenary, item])
    world = World(council=council, plenary=plenary, item=item, facilitator=facilitator,
                  colleges={"elus": elus, "actors": actors, "agents": agents})
    for index in range(members):
        user = make_user(db, f"Membre {index}")
        add_member(db, council, user, Role.MEMBER, elus if index % 2 == 0 else actors)
        world.members.append(user)
    world.observer = make_user(db, "Olivier Observateur")
    add_member(db, council, world.observer, Role.OBSERVER, None)
    world.advisor = make_user(db, "Agathe Agente")
    add_member(db, council, world.advisor, Role.MEMBER, agents)
    world.outsider = make_user(db, "Xavier Extérieur")
    db.flush()
    if present:
        for user in [facilitator, *world.members]:
            db.add(Attendance(plenary_id=plenary.id, user_id=user.id,
                              status=AttendanceStatus.PRESENT, updated_at=NOW))
    db.flush()
    return world


def give_proxy(db, world: World, giver, holder) -> Proxy:
    for attendance in db.query(Attendance).filter_by(plenary_id=world.plenary.id,
                                                    user_id=giver.id):
        attendance.status = AttendanceStatus.EXCUSED
    proxy = Proxy(plenary_id=world.plenary.id, giver_id=giver.id, holder_id=holder.id,
                  created_at=NOW)
    db.add(proxy)
    db.flush()
    return proxy


def later(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)
