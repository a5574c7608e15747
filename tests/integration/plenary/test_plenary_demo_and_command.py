"""The demonstration's sessions, and `cocon sessions [--json]` as the design contract says."""

import json

from click.testing import CliRunner

from cocon.council.plenary.quorum import quorum_state
from cocon.council.plenary.services import list_plenaries
from cocon.council.plenary.state import plenary_state
from cocon.db import utcnow
from cocon.demo import populate
from webapp.commands.plenaries import sessions

from plenary_factories import T0, make_people, make_plenary


def test_the_demo_holds_a_past_plenary_and_convenes_the_next(db):
    populate(db, now=utcnow())
    db.commit()
    by_title = {p.title: p for p in list_plenaries(db)}
    past = by_title["Séance plénière de printemps"]
    upcoming = by_title["Séance plénière d'automne"]
    assert plenary_state(past).value == "closed" and plenary_state(upcoming).value == "convened"
    assert len(past.items) >= 4 and len(upcoming.items) >= 4
    assert len(past.proxies) == 2
    quorum = quorum_state(past, past.council.memberships, past.attendances, past.proxies)
    assert quorum.met and quorum.present > quorum.voting / 2 and quorum.excused >= 1
    assert upcoming.starts_at > utcnow() > past.starts_at


def test_the_sessions_command_lists_every_session_as_json(db, database_url, tmp_path):
    world = make_people(db)
    draft = make_plenary(db, world)
    opened = make_plenary(db, world, open_=True)
    db.commit()
    env = {"COCON_DATABASE_URL": database_url, "COCON_INSTANCE_PATH": str(tmp_path),
           "COCON_SECRET_KEY": "test"}
    result = CliRunner().invoke(sessions, ["--json"], env=env)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows == [
        {"id": draft.id, "council": world["council"].name, "title": "Séance plénière",
         "date": T0.isoformat(), "status": "draft"},
        {"id": opened.id, "council": world["council"].name, "title": "Séance plénière",
         "date": T0.isoformat(), "status": "open"},
    ]
    text = CliRunner().invoke(sessions, [], env=env)
    assert text.exit_code == 0
    lines = text.output.strip().splitlines()
    assert len(lines) == 2 and "draft" in lines[0] and "open" in lines[1]
    assert world["council"].name in lines[0]
