"""One app and one world for the whole authorisation matrix; every request rolled back after.

The world is committed once. Then the app's sessions are bound to a single connection: each
request runs inside an outer transaction that is rolled back afterwards (the app's commits
only release a savepoint), so every cell of the matrix sees the same pristine world, and a
listener records which kinds of rows a request really committed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker

from cocon.db import make_engine
from tests.conftest import _empty_tables  # the same emptying as after each test
from web.authz.matrix import ROLES
from web.authz.world import PASSWORD, build_world

IGNORED = {"LoginSession"}  # every request may touch its session's last_seen_at
LOGIN_PATHS = ("/compte/connexion", "/compte/inscription")


class StandInAssistant:
    """Abstains on every question: the matrix tests who may ask, not what is answered.

    (The real assistant loads a sentence encoder for seconds; its answers are tested in
    tests/web/assistant.)
    """

    def __init__(self):
        from cocon.assistant.metadata import GuideInfo
        from cocon.assistant.passages import Passage
        doc = "guide-scic.txt"
        self.index = SimpleNamespace(
            passages=[Passage("p0", doc, 0, "", ["La SCIC associe des salariés."])],
            guides={doc: GuideInfo(doc=doc, title="Guide SCIC")})

    def ask(self, question, top_k: int = 5):
        from cocon.assistant.answer import Answer
        from cocon.errors import InvalidInput
        if not isinstance(question, str) or not question.strip():
            raise InvalidInput("Ask a question")
        return Answer(question=question, abstained=True, sources=[])


@dataclass
class Outcome:
    status: int
    location: str
    body: str
    committed: set

    @property
    def to_login(self) -> bool:
        return self.status in (302, 303) and self.location.split("?")[0].endswith(LOGIN_PATHS)


@dataclass
class Harness:
    app: object
    conn: object
    keys: dict
    users: dict
    cookies: dict = field(default_factory=dict)
    committed: set = field(default_factory=set)

    def client(self, role: str):
        """A fresh test client carrying the role's session cookie (changes to it are lost)."""
        client = self.app.test_client()
        if self.cookies.get(role):
            client.set_cookie("cocon", self.cookies[role])
        return client

    def fill(self, value):
        return value.format(**self.keys) if isinstance(value, str) else value

    def request(self, role: str, method: str, url: str, data=None, json=None,
                files=None) -> Outcome:
        """One request as `role`, in a transaction rolled back afterwards."""
        form = {k: self.fill(v) for k, v in (data or {}).items()} if data or files else None
        for name, (filename, content) in (files or {}).items():
            form[name] = (io.BytesIO(content), filename)
        transaction = self.conn.begin()
        self.committed.clear()
        try:
            response = self.client(role).open(self.fill(url), method=method, data=form,
                                              json=json)
            committed = set(self.committed) - IGNORED
        finally:
            transaction.rollback()
        return Outcome(response.status_code, response.location or "",
                       response.get_data(as_text=True) if _textual(response) else "",
                       committed)


def _textual(response) -> bool:
    kind = response.mimetype or ""
    return kind.startswith("text/") or kind.endswith(("json", "xml"))


def _transactional_engine(url: str):
    """An engine whose SQLite connections honour BEGIN and SAVEPOINT (the pysqlite recipe)."""
    engine = make_engine(url)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _no_implicit_transactions(dbapi_connection, _record):
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(connection):
            connection.exec_driver_sql("BEGIN")
    return engine


def _record_commits(factory, committed: set) -> None:
    @event.listens_for(factory, "after_flush")
    def _flushed(session, _context):
        touched = session.info.setdefault("touched", set())
        for obj in list(session.new) + list(session.deleted):
            touched.add(type(obj).__name__)
        for obj in session.dirty:
            if session.is_modified(obj):
                touched.add(type(obj).__name__)

    @event.listens_for(factory, "after_commit")
    def _committed(session):
        committed.update(session.info.pop("touched", set()))

    @event.listens_for(factory, "after_rollback")
    def _rolled_back(session):
        session.info.pop("touched", None)


# module, not package: without an __init__.py pytest would keep a "package" fixture until the
# end of the whole run, and the world's rows would leak into every later test
@pytest.fixture(scope="module")
def authz(database_url, engine, tmp_path_factory):
    from webapp import create_app
    from webapp.assistant_runtime import set_assistant

    _empty_tables(engine)
    base = tmp_path_factory.mktemp("authz")
    corpus = base / "corpus"
    corpus.mkdir()
    app = create_app({
        "TESTING": True, "DATABASE_URL": database_url, "INSTANCE_PATH": str(base / "instance"),
        "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
        "SOCKETIO_MESSAGE_QUEUE": None, "CORPUS_DIR": str(corpus)})
    set_assistant(app, StandInAssistant())
    setup = app.extensions["cocon_sessions"]()
    world = build_world(setup)
    setup.commit()
    setup.close()

    tx_engine = _transactional_engine(database_url)
    conn = tx_engine.connect()
    factory = sessionmaker(bind=conn, expire_on_commit=False,
                           join_transaction_mode="create_savepoint")
    harness = Harness(app=app, conn=conn, keys=world.keys, users=world.users)
    _record_commits(factory, harness.committed)
    app.extensions["cocon_sessions"] = factory
    transaction = conn.begin()  # the login sessions of every role are kept
    for role in ROLES:
        user = world.users[role]
        if user is None:
            continue
        client = app.test_client()
        response = client.post("/compte/connexion",
                               data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 302, (role, response.status_code)
        harness.cookies[role] = client.get_cookie("cocon").value
    transaction.commit()
    yield harness
    conn.close()
    tx_engine.dispose()
    app.extensions["cocon_engine"].dispose()
    _empty_tables(engine)
