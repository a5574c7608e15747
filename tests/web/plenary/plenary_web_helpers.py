"""Arranging councils and sessions for web tests, on the app's database."""

from __future__ import annotations

from datetime import timedelta

from cocon.council.plenary import agenda, attendance, services
from cocon.council.plenary.models import Plenary
from cocon.db import utcnow
from integration.plenary.plenary_factories import make_people


def world(app_db, **kw):
    """A committed council: admin, facilitator, 4 members, an observer, an adviser."""
    people = make_people(app_db, **kw)
    app_db.commit()
    return people


def session_for(app_db, people, *, items=2, state="draft"):
    """A session starting in an hour (so it may open now), in the given state."""
    now = utcnow()
    facilitator = people["facilitator"]
    plenary = services.create_plenary(app_db, people["council"], title="Plénière d'automne",
                                      starts_at=now + timedelta(hours=1), place="Salle 1",
                                      actor=facilitator, now=now)
    for n in range(items):
        agenda.add_agenda_item(app_db, plenary, title=f"Point {n + 1}", actor=facilitator,
                               now=now)
    if state in ("convened", "open", "closed"):
        services.convene_plenary(app_db, plenary, actor=facilitator, now=now)
    if state in ("open", "closed"):
        services.open_plenary(app_db, plenary, actor=facilitator, now=now)
    if state == "closed":
        services.close_plenary(app_db, plenary, actor=facilitator, now=now)
    app_db.commit()
    return plenary


def base(people, plenary=None) -> str:
    url = f"/conseils/{people['council'].slug}/seances"
    return f"{url}/{plenary.id}" if plenary is not None else url


def reload(app_db, plenary) -> Plenary:
    app_db.expire_all()
    return app_db.get(Plenary, plenary.id)


def checked_in(app_db, plenary, user, status="present"):
    attendance.check_in(app_db, plenary, user.id, status, actor=None, now=utcnow())
    app_db.commit()
