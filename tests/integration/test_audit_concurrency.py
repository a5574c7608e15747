"""Appends from simultaneous transactions keep one unbroken chain (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest

from cocon import audit
from cocon.db import make_session_factory, utcnow


def test_simultaneous_appends_do_not_fork_the_chain(engine, db):
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite admits one writer at a time; the race needs PostgreSQL")
    factory = make_session_factory(engine)
    start, errors = threading.Barrier(4), []

    def writer(n: int) -> None:
        session = factory()
        try:
            start.wait()
            for i in range(15):
                audit.record(session, action="test.append", now=utcnow(), details={"w": n, "i": i})
                session.commit()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            session.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert db.query(audit.AuditEntry).count() == 60
    assert audit.verify_chain(db) == []
