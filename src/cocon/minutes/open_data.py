"""The council's open data: sessions, votes with their results, in plain records.

Only what is public about a visible council: convened sessions, closed ballots and their
aggregate results. No individual vote (secret or public), no e-mail address.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.council.plenary.models import Plenary
from cocon.council.plenary.state import PlenaryState, plenary_state
from cocon.proposals.voting_models import Ballot

from .models import Minutes

SESSION_COLUMNS = ("id", "title", "kind", "state", "starts_at", "ends_at", "place",
                   "agenda", "minutes_status", "minutes_sha256", "url")
VOTE_COLUMNS = ("id", "session_id", "question", "method", "secret", "closed_at", "quorum_met",
                "adopted", "winner", "pour", "contre", "abstention", "counts")


def public_sessions(db: Session, council) -> list[Plenary]:
    """The council's sessions once convened, oldest first."""
    plenaries = db.scalars(select(Plenary).where(Plenary.council_id == council.id)
                           .order_by(Plenary.starts_at, Plenary.id))
    return [p for p in plenaries if plenary_state(p) != PlenaryState.DRAFT]


def session_records(db: Session, council, url_for_session=lambda p: "") -> list[dict]:
    """One record per public session, with the status and fingerprint of its minutes."""
    minutes = {m.plenary_id: m for m in db.scalars(select(Minutes))}
    out = []
    for p in public_sessions(db, council):
        m = minutes.get(p.id)
        out.append({
            "id": p.id, "title": p.title, "kind": p.kind.value,
            "state": plenary_state(p).value, "starts_at": p.starts_at.isoformat(),
            "ends_at": p.ends_at.isoformat() if p.ends_at else None, "place": p.place,
            "agenda": [i.title for i in p.items],
            "minutes_status": m.status if m else None,
            "minutes_sha256": m.locked_hash if m and m.status == "locked" else None,
            "url": url_for_session(p)})
    return out


def vote_records(db: Session, council) -> list[dict]:
    """One record per closed ballot of a public session: its aggregate result only."""
    sessions = {p.id for p in public_sessions(db, council)}
    ballots = db.scalars(select(Ballot).where(Ballot.council_id == council.id,
                                              Ballot.closed_at.is_not(None))
                         .order_by(Ballot.closed_at, Ballot.id))
    out = []
    for b in ballots:
        if b.plenary_id not in sessions:
            continue
        result = b.result or {}
        counts = result.get("counts") or {}
        out.append({
            "id": b.id, "session_id": b.plenary_id, "question": b.question,
            "method": b.method, "secret": bool(b.secret),
            "closed_at": b.closed_at.isoformat(), "quorum_met": result.get("quorum_met"),
            "adopted": result.get("adopted"), "winner": result.get("winner"),
            "counts": counts, "by_college": result.get("by_college") or {}})
    return out


def flat_vote(record: dict) -> list:
    """A vote record as one CSV row."""
    counts = record["counts"] if isinstance(record["counts"], dict) else {}
    row = dict(record, pour=counts.get("pour"), contre=counts.get("contre"),
               abstention=counts.get("abstention"),
               counts=json.dumps(record["counts"], ensure_ascii=False, sort_keys=True))
    return [row[c] for c in VOTE_COLUMNS]


def flat_session(record: dict) -> list:
    """A session record as one CSV row."""
    return [" | ".join(record[c]) if c == "agenda" else record[c] for c in SESSION_COLUMNS]
