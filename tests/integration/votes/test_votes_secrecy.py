"""Nothing in the database links a secret vote to a voter once the ballot is closed."""

from sqlalchemy import JSON, String, Text, inspect, select, text

from cocon.models import metadata
from cocon.proposals.casting import cast_vote
from cocon.proposals.voting import close_ballot, create_ballot, open_ballot
from cocon.proposals.voting_models import SecretVote
from votes_factories import NOW, later, make_world

ALLOWED_COLUMNS = {"id", "ballot_id", "college", "choice", "reason", "grades"}


def test_the_secret_votes_table_has_no_voter_no_sequence_no_time(engine):
    columns = {c["name"]: c for c in inspect(engine).get_columns("secret_votes")}
    assert set(columns) == ALLOWED_COLUMNS
    assert isinstance(columns["id"]["type"], String)  # a random UUID, never a sequence
    foreign = inspect(engine).get_foreign_keys("secret_votes")
    assert [fk["referred_table"] for fk in foreign] == ["ballots"]
    for table in metadata.sorted_tables:  # and nothing points at a secret vote
        assert all(fk.column.table.name != "secret_votes" for fk in table.foreign_keys)


def test_after_close_no_table_holds_a_secret_vote_id_and_rows_were_rewritten(db, engine):
    world = make_world(db, members=6)
    ballot = create_ballot(db, item=world.item, question="Secret ?", method="consent",
                           actor=world.facilitator, now=NOW)
    open_ballot(db, ballot=ballot, actor=world.facilitator, now=later(1))
    for index, voter in enumerate(world.members):
        choice = "objection" if index == 3 else "consentement"
        cast_vote(db, ballot=ballot, voter=voter, choice=choice,
                  reason="Trop coûteux" if index == 3 else None, now=later(2))
    db.commit()
    ids_while_open = set(db.scalars(select(SecretVote.id)))
    close_ballot(db, ballot=ballot, actor=world.facilitator, now=later(5))
    db.commit()
    ids_after = set(db.scalars(select(SecretVote.id)))
    assert len(ids_after) == 6 and ids_after.isdisjoint(ids_while_open)
    # scan every text cell of every other table for a vote id
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name == "secret_votes":
                continue
            for column in table.columns:
                if isinstance(column.type, (String, Text, JSON)):
                    for value in conn.execute(select(column)).scalars():
                        assert not any(i in str(value) for i in ids_after | ids_while_open), (
                            table.name, column.name)
        if engine.dialect.name == "postgresql":
            # every row was written by the closing transaction, none by a voter's
            xmins = conn.execute(text("SELECT DISTINCT xmin::text FROM secret_votes")).all()
            assert len(xmins) == 1
        else:
            without_rowid = conn.execute(text("SELECT wr FROM pragma_table_list "
                                              "WHERE name='secret_votes'")).scalar()
            assert without_rowid == 1  # a WITHOUT ROWID table: no insertion order kept
    assert sorted(v.choice for v in db.scalars(select(SecretVote))) == (
        ["consentement"] * 5 + ["objection"])
    assert ballot.result["adopted"] is False
