"""Shared fixtures: a fresh app and database per test, on SQLite or PostgreSQL."""

from __future__ import annotations

import os
import re
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from cocon.db import make_engine, make_session_factory, utcnow
from cocon.models import metadata

from argon2 import PasswordHasher

from cocon.accounts.passwords import use_hasher

# Argon2id with cheap parameters: the tests check behaviour, not the cost of guessing
use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))

PG_URL = os.environ.get("COCON_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("COCON_TEST_REDIS_URL")
PASSWORD = "un mot de passe assez long"

# One short guide about SCIC, for the tests that need a real assistant (the bundled model)
SCIC_GUIDE = """Les sociétés coopératives d'intérêt collectif

La SCIC se caractérise par le multisociétariat : elle associe autour d'un même projet des salariés,
des bénéficiaires et des collectivités publiques. La loi de 2014 permet aux collectivités de
détenir jusqu'à 50 % du capital d'une SCIC.
"""
SCIC_QUESTION = "Quelle part du capital d'une SCIC une collectivité peut-elle détenir ?"


def scic_assistant(tmp_path_factory, name: str):
    """A real assistant over SCIC_GUIDE, its index in a temporary folder (call it from a
    module-scoped fixture: building takes a few seconds)."""
    from cocon.assistant import Assistant
    corpus = tmp_path_factory.mktemp(f"{name}-corpus")
    (corpus / "guide-scic.txt").write_text(SCIC_GUIDE, encoding="utf-8")
    return Assistant.load_or_build(corpus, tmp_path_factory.mktemp(f"{name}-index") / "index")


def _normalise(url: str) -> str:
    return re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """One migrated database for the whole run: PostgreSQL when configured, else SQLite."""
    from webapp.migrate import upgrade
    if PG_URL:
        url = _normalise(PG_URL)
        engine = make_engine(url)
        with engine.begin() as conn:  # a clean schema, whatever an earlier run left
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _empty_tables(engine) -> None:
    tables = [t for t in reversed(metadata.sorted_tables)]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture
def db(engine):
    """A database session on emptied tables; whatever the test wrote is removed afterwards."""
    session = make_session_factory(engine)()
    yield session
    session.close()
    _empty_tables(engine)


def make_test_app(database_url: str, instance_path, **config):
    """The application as the tests configure it (no CSRF, rate limits off, no message queue),
    with `config` overriding any of it."""
    from webapp import create_app
    return create_app({
        "TESTING": True, "DATABASE_URL": database_url, "INSTANCE_PATH": str(instance_path),
        "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False, "SOCKETIO_MESSAGE_QUEUE": None, **config})


@contextmanager
def running_test_app(database_url: str, engine, instance_path, **config):
    """make_test_app for the length of a `with` (or a fixture's yield): then its connections
    are closed and every table emptied."""
    app = make_test_app(database_url, instance_path, **config)
    try:
        yield app
    finally:
        app.extensions["cocon_engine"].dispose()
        _empty_tables(engine)


@pytest.fixture
def app(database_url, engine, tmp_path):
    with running_test_app(database_url, engine, tmp_path / "instance") as app:
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def app_db(app):
    """A session on the app's own engine, for arranging and checking data in web tests."""
    session = app.extensions["cocon_sessions"]()
    yield session
    session.close()


@pytest.fixture
def make_user(app_db):
    """Create an account: make_user(email=..., name=..., admin=False)."""
    from cocon.accounts.services import register_user

    def factory(email: str | None = None, name: str = "Alice Martin", admin: bool = False,
                locale: str = "fr"):
        user = register_user(app_db, email=email or f"{uuid.uuid4().hex[:8]}@example.org",
                             password=PASSWORD, display_name=name, locale=locale,
                             now=utcnow(), is_site_admin=admin)
        app_db.commit()
        return user

    return factory


@pytest.fixture
def login(client):
    """Sign a user in through the real login form."""

    def do(user, password: str = PASSWORD, remember: bool = False):
        response = client.post("/compte/connexion", data={
            "email": user.email, "password": password, "remember": "y" if remember else ""})
        assert response.status_code == 302, response.data[:500]
        return response

    return do


@pytest.fixture
def make_council(app_db):
    """A council with two voting colleges and one advisory college."""
    from cocon.council.services import add_college, create_council

    def factory(admin, name: str = "Conseil de l'ESS de Testville", public: bool = True):
        now = utcnow()
        council = create_council(app_db, name=name, territory="Testville", is_public=public,
                                 creator=admin, now=now)
        add_college(app_db, council, name="Élu·es", weight=1, now=now)
        add_college(app_db, council, name="Acteurs de l'ESS", weight=2, now=now)
        add_college(app_db, council, name="Agents", weight=0, votes=False, now=now)
        app_db.commit()
        return council

    return factory


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


ROOT = Path(__file__).resolve().parent.parent
