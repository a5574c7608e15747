"""Fixtures of the fault tests: real gunicorn processes (bench/cluster.py) on the test
PostgreSQL database, a redis-server of their own, a council in session with an open vote."""

from __future__ import annotations

import os
import shutil
import uuid
from decimal import Decimal
from types import SimpleNamespace

import pytest

from cocon.accounts import sessions
from cocon.accounts.models import User
from cocon.accounts.passwords import hash_password
from cocon.council.models import College, Council, Membership, Role
from cocon.council.plenary.models import AgendaItem, Attendance, AttendanceStatus, Plenary
from cocon.db import utcnow
from cocon.proposals.voting import create_ballot, open_ballot
from faults_helpers import SECRET_KEY, Cluster, RedisServer, Voter

PG_URL = os.environ.get("COCON_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("COCON_TEST_REDIS_URL")
PASSWORD = "un mot de passe assez long"


def _missing() -> str | None:
    if not PG_URL:
        return "COCON_TEST_DATABASE_URL (PostgreSQL) is not set"
    if not REDIS_URL:
        return "COCON_TEST_REDIS_URL is not set"
    if not shutil.which("redis-server"):
        return "redis-server is not installed (the tests start and stop their own)"
    return None


@pytest.fixture
def services():
    """Skip without PostgreSQL and Redis; fail instead when CI says they must be there."""
    missing = _missing()
    if missing:
        if os.environ.get("COCON_TEST_REQUIRE_SERVICES"):
            pytest.fail(f"fault tests need the services: {missing}")
        pytest.skip(missing)


@pytest.fixture
def redis_server(services, tmp_path):
    server = RedisServer(tmp_path / "redis")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def start_cluster(services, database_url, db, redis_server, tmp_path):
    """start_cluster(processes): gunicorn processes on the test database (already migrated)
    and the test's own Redis; stopped at the end of the test, before the tables are emptied."""
    started = []

    def start(processes: int, *, redis_url: str = redis_server.url,
              database_url: str = database_url, threads: int = 40) -> Cluster:
        cluster = Cluster(processes, database_url=database_url, redis_url=redis_url,
                          threads=threads, instance=tmp_path / f"cluster{len(started)}",
                          fresh=False)
        started.append(cluster)
        return cluster.__enter__()

    yield start
    for cluster in started:
        cluster.stop()


@pytest.fixture
def vote_world(db):
    """make(voters=N): a public council in session, an open public vote, N signed-in voters."""

    def make(voters: int, *, secret: bool = False) -> SimpleNamespace:
        now = utcnow()
        council = Council(slug=f"c-{uuid.uuid4().hex[:8]}", name="Conseil de l'ESS de Faultville",
                          territory="Faultville", quorum=Decimal("0.1"), is_public=True,
                          created_at=now)
        college = College(council=council, name="Acteurs de l'ESS", weight=1, votes=True,
                          position=0)
        db.add_all([council, college])

        def person(name: str, role: Role) -> User:
            user = User(email=f"{uuid.uuid4().hex[:10]}@example.org", display_name=name,
                        password_hash=password_hash(), locale="fr", created_at=now)
            db.add(user)
            db.add(Membership(council=council, user=user, role=role, college=college,
                              joined_at=now))
            return user

        facilitator = person("Fanny Animatrice", Role.FACILITATOR)
        members = [person(f"Votant·e {i:03d}", Role.MEMBER) for i in range(voters)]
        plenary = Plenary(council=council, title="Plénière sous contrainte", starts_at=now,
                          created_at=now, convened_at=now, opened_at=now)
        item = AgendaItem(plenary=plenary, position=0, title="Charte des achats")
        db.add_all([plenary, item])
        db.flush()
        for user in [facilitator, *members]:
            db.add(Attendance(plenary_id=plenary.id, user_id=user.id,
                              status=AttendanceStatus.PRESENT, updated_at=now))
        db.flush()
        db.refresh(council)
        ballot = create_ballot(db, item=item, question="Adopter la charte des achats ?",
                               method="simple_majority", secret=secret, actor=facilitator,
                               now=now)
        open_ballot(db, ballot=ballot, actor=facilitator, now=now)

        def voter(user: User) -> Voter:
            token = sessions.start_session(db, user, remember=False, now=now)
            return Voter.signed_in(SECRET_KEY, user.id, user.display_name, token)

        world = SimpleNamespace(
            council=council, plenary=plenary, ballot=ballot, slug=council.slug,
            room=f"plenary:{plenary.id}", facilitator=voter(facilitator),
            voters=[voter(u) for u in members], members=members,
            vote_path=f"/conseils/{council.slug}/scrutins/{ballot.id}/voter",
            close_path=f"/conseils/{council.slug}/scrutins/{ballot.id}/fermer",
            ballot_path=f"/conseils/{council.slug}/scrutins/{ballot.id}",
            state_path=f"/conseils/{council.slug}/seances/{plenary.id}/etat.json")
        db.commit()
        return world

    return make


_HASH = []


def password_hash() -> str:
    """The test password, hashed once with the cheap parameters of tests/conftest.py."""
    if not _HASH:
        _HASH.append(hash_password(PASSWORD))
    return _HASH[0]
