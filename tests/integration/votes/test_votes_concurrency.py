"""Simultaneous votes: the database keeps exactly one per voter, none doubled, none lost."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from cocon.accounts.models import User
from cocon.db import make_engine, make_session_factory
from cocon.errors import Conflict
from cocon.proposals.casting import cast_vote
from cocon.proposals.voting import create_ballot, open_ballot
from cocon.proposals.voting_models import Ballot, BallotParticipation, SecretVote
from votes_factories import NOW, later, make_world

pytestmark = pytest.mark.postgres


def test_two_simultaneous_votes_per_voter_keep_exactly_one_each(db, database_url):
    postgres = database_url.startswith("postgresql")
    voters, workers = (200, 20) if postgres else (40, 6)
    world = make_world(db, members=voters)
    ballot = create_ballot(db, item=world.item, question="Concurrence ?",
                           method="simple_majority", actor=world.facilitator, now=NOW)
    open_ballot(db, ballot=ballot, actor=world.facilitator, now=later(1))
    db.commit()
    ballot_id, voter_ids = ballot.id, [u.id for u in world.members]
    engine = make_engine(database_url, pool_size=workers, max_overflow=0)
    sessions = make_session_factory(engine)
    barriers = {uid: threading.Barrier(2, timeout=30) for uid in voter_ids}

    def vote(uid: int, choice: str) -> str:
        session = sessions()
        try:
            ballot = session.get(Ballot, ballot_id)
            voter = session.get(User, uid)
            barriers[uid].wait()  # both requests of this voter go at once
            cast_vote(session, ballot=ballot, voter=voter, choice=choice, now=later(2))
            session.commit()
            return "ok"
        except Conflict:
            session.rollback()
            return "conflict"
        finally:
            session.close()

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(vote, uid, choice) for uid in voter_ids
                       for choice in ("pour", "contre")]
            outcomes = [f.result(timeout=120) for f in futures]
    finally:
        engine.dispose()
    assert outcomes.count("ok") == voters and outcomes.count("conflict") == voters
    db.expire_all()
    participations = db.scalar(select(func.count()).select_from(BallotParticipation))
    votes = db.scalar(select(func.count()).select_from(SecretVote))
    distinct = db.scalar(select(func.count(func.distinct(BallotParticipation.member_id))))
    assert participations == votes == distinct == voters
