"""A council with a facilitator, a member and an outsider, and an open workshop."""

from types import SimpleNamespace

import pytest

from cocon.council.models import Role
from cocon.council.services import add_member
from cocon.db import utcnow
from cocon.workshops import services


@pytest.fixture
def forum(app_db, make_user, make_council):
    admin = make_user(name="Claire Fontaine", admin=True)
    council = make_council(admin)
    college = council.colleges[1]
    facilitator = make_user(name="Karim Benali")
    member = make_user(name="Lucie Ernst")
    outsider = make_user(name="Inès Moreau")
    now = utcnow()
    add_member(app_db, council, facilitator, role=Role.FACILITATOR, actor=admin, now=now)
    add_member(app_db, council, member, role=Role.MEMBER, college_id=college.id, actor=admin,
               now=now)
    workshop = services.create_workshop(app_db, council, title="Alimentation durable",
                                        actor=facilitator, now=now)
    private = services.create_workshop(app_db, council, title="Atelier interne",
                                       is_public=False, actor=facilitator, now=now)
    app_db.commit()
    base = f"/conseils/{council.slug}/ateliers"
    return SimpleNamespace(admin=admin, council=council, facilitator=facilitator, member=member,
                           outsider=outsider, workshop=workshop, private=private, base=base,
                           w=f"{base}/{workshop.id}", p=f"{base}/{private.id}")
