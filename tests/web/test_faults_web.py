"""The database or Redis failing under a request: a clear French 503, never a bare 500, and a
vote is either wholly saved or not at all. The database is made to fail inside SQLAlchemy's
dialect, so these run on SQLite and PostgreSQL alike; tests/integration/faults/ does the same
against real servers."""

import re
import socket

import pytest
from sqlalchemy import func, select

from cocon.council.models import Role
from cocon.council.services import add_member
from cocon.db import utcnow
from cocon.proposals.voting import create_ballot, open_ballot
from cocon.proposals.voting_models import BallotParticipation, PublicVote
from tests.conftest import PASSWORD, running_test_app
from votes_web_fixtures import quick_user, votes_world  # noqa: F401

DOWN = re.compile(r"La base de données est momentanément inaccessible\. Rien n[’']a été "
                  r"enregistré")
UNCONFIRMED = re.compile(r"a peut-être été enregistrée, peut-être pas")
SAVED = re.compile(r"Votre modification a bien été enregistrée, mais la base de données a cessé")


LOST = "server closed the connection unexpectedly (simulated outage)"


class Outage:
    """Make the app's database fail from the n-th statement (or at commit, or at rollback).

    The failures read as lost connections, so SQLAlchemy discards the connection as it does
    when PostgreSQL goes away (a transaction in progress is lost with it)."""

    def __init__(self, app, monkeypatch):
        dialect = app.extensions["cocon_engine"].dialect
        self.error = dialect.loaded_dbapi.OperationalError
        is_disconnect = dialect.is_disconnect
        monkeypatch.setattr(dialect, "is_disconnect", lambda e, connection, cursor: (
            "simulated outage" in str(e) or is_disconnect(e, connection, cursor)))
        self.fail_after = None  # statements still allowed before the database "goes away"
        self.fail_commit = self.fail_rollback = False
        for name in ("do_execute", "do_execute_no_params", "do_executemany"):
            monkeypatch.setattr(dialect, name, self._wrap(getattr(dialect, name)))
        commit, rollback = dialect.do_commit, dialect.do_rollback

        def do_commit(connection):
            if self.fail_commit or self.fail_after == 0:
                self.fail_after = 0  # and it stays down
                raise self.error(LOST)
            return commit(connection)

        def do_rollback(connection):
            if self.fail_rollback:
                raise self.error(LOST)
            return rollback(connection)

        monkeypatch.setattr(dialect, "do_commit", do_commit)
        monkeypatch.setattr(dialect, "do_rollback", do_rollback)

    def _wrap(self, original):
        def run(*args, **kwargs):
            if self.fail_after is not None:
                if self.fail_after <= 0:
                    raise self.error(LOST)
                self.fail_after -= 1
            return original(*args, **kwargs)
        return run

    def down(self, after: int = 0):
        self.fail_after = after

    def up(self):
        self.fail_after, self.fail_commit, self.fail_rollback = None, False, False


@pytest.fixture
def outage(app, monkeypatch):
    return Outage(app, monkeypatch)


def _login(app, user):
    http = app.test_client()
    assert http.post("/compte/connexion", data={
        "email": user.email, "password": PASSWORD}).status_code == 302
    return http


def _ballot(app_db, w):
    ballot = create_ballot(app_db, item=w.item, question="Adopter la charte ?",
                           method="simple_majority", secret=False, actor=w.facilitator,
                           now=utcnow())
    open_ballot(app_db, ballot=ballot, actor=w.facilitator, now=utcnow())
    app_db.commit()
    return ballot


def _rows(app_db, ballot, user) -> tuple[int, int]:
    app_db.expire_all()
    participations = app_db.scalar(select(func.count()).select_from(BallotParticipation).where(
        BallotParticipation.ballot_id == ballot.id, BallotParticipation.member_id == user.id))
    votes = app_db.scalar(select(func.count()).select_from(PublicVote).where(
        PublicVote.ballot_id == ballot.id, PublicVote.voter_id == user.id))
    return participations, votes


def _flashes(http):
    with http.session_transaction() as session:
        return list(session.get("_flashes", []))


def test_pages_say_the_database_is_down_in_french(app, votes_world, outage):
    w = votes_world
    member, visitor = _login(app, w.alice), app.test_client()
    outage.down()
    for http in (member, visitor):  # signed in: fails while loading the session
        response = http.get(f"/conseils/{w.council.slug}")
        body = response.get_data(as_text=True)
        assert response.status_code == 503 and response.mimetype == "text/html"
        assert "Service indisponible" in body and DOWN.search(body)
    state = visitor.get(f"/conseils/{w.council.slug}/seances/{w.plenary.id}/etat.json")
    assert state.status_code == 503 and state.is_json
    assert DOWN.search(state.get_json()["error"])
    outage.up()
    assert member.get(f"/conseils/{w.council.slug}").status_code == 200


def test_a_commit_that_fails_says_the_vote_may_not_be_saved_and_nothing_is_half_written(
        app, votes_world, app_db, outage):
    w = votes_world
    ballot = _ballot(app_db, w)
    http = _login(app, w.alice)
    outage.fail_commit = True
    response = http.post(f"/conseils/{w.council.slug}/scrutins/{ballot.id}/voter",
                         data={"choice": "pour"})
    body = response.get_data(as_text=True)
    assert response.status_code == 503 and UNCONFIRMED.search(body), body[:2000]
    outage.up()
    assert _rows(app_db, ballot, w.alice) == (0, 0)
    again = http.post(f"/conseils/{w.council.slug}/scrutins/{ballot.id}/voter",
                      data={"choice": "pour"})
    assert again.status_code == 302 and ("success", "Votre vote a été enregistré.") in \
        [tuple(f) for f in _flashes(http)]
    assert _rows(app_db, ballot, w.alice) == (1, 1)


def test_the_database_going_away_at_any_point_of_a_vote_leaves_it_whole_or_absent(
        app, votes_world, app_db, quick_user, outage):
    w = votes_world
    ballot = _ballot(app_db, w)
    elus = w.council.colleges[0]
    seen = set()
    for step in range(40):
        voter = quick_user(name=f"Votant {step}")
        add_member(app_db, w.council, voter, role=Role.MEMBER, college_id=elus.id, now=utcnow())
        app_db.commit()
        http = _login(app, voter)
        outage.down(after=step)
        response = http.post(f"/conseils/{w.council.slug}/scrutins/{ballot.id}/voter",
                             data={"choice": "contre"})
        outage.up()
        body = response.get_data(as_text=True)
        rows = _rows(app_db, ballot, voter)
        assert response.status_code in (302, 503), (step, response.status_code, body[:500])
        assert rows in ((0, 0), (1, 1)), (step, rows)
        if response.status_code == 503:
            told = [name for name, said in (("nothing saved", DOWN), ("unconfirmed", UNCONFIRMED),
                                            ("saved", SAVED)) if said.search(body)]
            assert len(told) == 1, body[:2000]
            # what the voter is told is true
            assert rows == {"nothing saved": (0, 0), "saved": (1, 1)}.get(told[0], rows), (
                step, told, rows)
            seen.update(told)
        else:
            assert rows == (1, 1) and ("success", "Votre vote a été enregistré.") in \
                [tuple(f) for f in _flashes(http)]
            seen.add("302")
            break
    assert {"nothing saved", "unconfirmed", "302"} <= seen, seen
    if app.extensions["cocon_engine"].dialect.name == "postgresql":
        assert "saved" in seen  # there the vote view reads the voter again after the commit


def test_a_failed_rollback_after_the_response_keeps_the_response(app, votes_world, outage):
    w = votes_world
    http = _login(app, w.alice)
    outage.fail_rollback = True
    assert http.get(f"/conseils/{w.council.slug}").status_code == 200
    outage.up()
    assert http.get(f"/conseils/{w.council.slug}").status_code == 200


def test_a_vote_is_saved_and_confirmed_even_when_live_updates_cannot_be_sent(
        app, votes_world, app_db, monkeypatch):
    w = votes_world
    ballot = _ballot(app_db, w)
    http = _login(app, w.alice)

    def queue_down(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6399. Connection refused.")

    monkeypatch.setattr(app.extensions["socketio"], "emit", queue_down)
    response = http.post(f"/conseils/{w.council.slug}/scrutins/{ballot.id}/voter",
                         data={"choice": "pour"})
    assert response.status_code == 302
    assert ("success", "Votre vote a été enregistré.") in [tuple(f) for f in _flashes(http)]
    assert _rows(app_db, ballot, w.alice) == (1, 1)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # released: nothing listens there


@pytest.fixture
def limited_app(database_url, engine, tmp_path):
    """The app with its rate limits in a Redis that is not running."""
    with running_test_app(database_url, engine, tmp_path / "i", RATELIMIT_ENABLED=True,
                          RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{_closed_port()}/0") as app:
        yield app


def test_rate_limits_fall_back_to_memory_when_redis_is_down(limited_app):
    from cocon.accounts.services import register_user
    db = limited_app.extensions["cocon_sessions"]()
    user = register_user(db, email="lea@example.org", password=PASSWORD, display_name="Léa",
                         now=utcnow())
    db.commit()
    db.close()
    http = limited_app.test_client()
    statuses = [http.post("/compte/connexion", data={"email": user.email, "password": "faux"}
                          ).status_code for _ in range(31)]
    assert 500 not in statuses and statuses[-1] == 429  # still limited, in this process
    assert limited_app.test_client().get("/").status_code == 200
