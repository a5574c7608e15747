"""The database refusing connections for a few seconds, then cutting them mid-request: clear
French errors, never a 500, no half-written vote, and recovery without a restart."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from sqlalchemy.engine import make_url

from faults_helpers import (DB_DOWN, DB_SAVED, DB_UNCONFIRMED, SECRET_KEY, LiveClient,
                            TcpProxy, ballot_rows, logs)

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

OUTAGE = 3  # seconds during which the database refuses every connection
CHAOS = 2.5  # seconds during which every connection is cut every CUT_EVERY seconds
CUT_EVERY = 0.15


def _is_503_in_french(response) -> bool:
    if response.status_code != 503:
        return False
    if response.headers["Content-Type"].startswith("application/json"):
        return bool(DB_DOWN.search(response.json()["error"]))
    return "Service indisponible" in response.text and bool(DB_DOWN.search(response.text))


def test_the_database_refusing_then_cutting_connections(vote_world, start_cluster, db,
                                                       database_url):
    w = vote_world(40)
    target = make_url(database_url)
    with TcpProxy([(target.host or "127.0.0.1", target.port or 5432)]) as proxy:
        proxied = target.set(host="127.0.0.1", port=proxy.port)
        cluster = start_cluster(1, database_url=proxied.render_as_string(hide_password=False))
        base, pid = cluster.urls[0], cluster.pids()[0]
        listener = LiveClient(base, w.room, w.voters[-1].headers).connect()
        try:
            _run(w, cluster, proxy, base, listener, db)
        finally:
            listener.close()
        assert cluster.pids()[0] == pid, "the server was restarted"
        assert "unexpected error on" not in logs(cluster), logs(cluster)


def _run(w, cluster, proxy, base, listener, db):
    voters = iter(w.voters)
    first = next(voters)
    assert first.post(base + w.vote_path, {"choice": "pour"}, SECRET_KEY).kind == "recorded"

    proxy.refuse()
    refused_at = time.monotonic()
    member = w.voters[-1]
    pages = [requests.get(base + w.ballot_path, headers=member.headers, timeout=15),
             requests.get(base + f"/conseils/{w.slug}", timeout=15),
             requests.get(base + w.state_path, timeout=15),
             requests.get(base + w.state_path, headers={"Accept": "application/json"},
                          timeout=15)]
    for response in pages:
        assert _is_503_in_french(response), (response.status_code, response.text[:1000])
    assert pages[2].json() == pages[3].json()
    refused_voter = next(voters)
    outcome = refused_voter.post(base + w.vote_path, {"choice": "pour"}, SECRET_KEY)
    assert outcome.kind == "http" and outcome.status == 503 and DB_DOWN.search(outcome.text)
    ack = listener.client.call("join", {"room": f"council:{w.council.id}"}, namespace="/live",
                               timeout=10)
    assert ack == {"ok": False, "error": "unavailable"}
    assert listener.client.connected
    while time.monotonic() - refused_at < OUTAGE:
        time.sleep(0.1)
    assert refused_voter.user_id not in ballot_rows(db, w.ballot.id).participants

    # the database comes back, but every connection is cut again and again for a while
    proxy.accept()
    stop = threading.Event()

    def cutter():
        while not stop.wait(CUT_EVERY):
            proxy.cut()

    chaos_voters = [next(voters) for _ in range(30)]
    thread = threading.Thread(target=cutter, daemon=True)
    thread.start()
    started = time.monotonic()

    def cast(index):
        # spread over the chaos, a few at a time
        time.sleep(max(0.0, started + index * CHAOS * 0.8 / len(chaos_voters) - time.monotonic()))
        return chaos_voters[index].post(base + w.vote_path, {"choice": "contre"}, SECRET_KEY)

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(pool.map(cast, range(len(chaos_voters))))
    while time.monotonic() - started < CHAOS:
        time.sleep(0.05)
    stop.set()
    thread.join(5)
    settled = time.monotonic()

    kinds = {}
    for voter, outcome in zip(chaos_voters, outcomes):
        if outcome.kind == "recorded":
            kind = "recorded"
        elif outcome.kind == "http" and outcome.status == 503 and DB_DOWN.search(outcome.text):
            kind = "nothing saved"
        elif outcome.kind == "http" and outcome.status == 503 and DB_UNCONFIRMED.search(
                outcome.text):
            kind = "unconfirmed"
        elif outcome.kind == "http" and outcome.status == 503 and DB_SAVED.search(outcome.text):
            kind = "saved"
        else:
            raise AssertionError(f"{voter.name} was told {outcome}\n{logs(cluster)}")
        kinds.setdefault(kind, []).append(voter)

    # recovery without a restart: the next requests succeed
    deadline = time.monotonic() + 15
    while requests.get(base + w.ballot_path, headers=member.headers,
                       timeout=15).status_code != 200:
        assert time.monotonic() < deadline, "no recovery after the database came back"
        time.sleep(0.2)
    recovered = time.monotonic() - settled
    rows = ballot_rows(db, w.ballot.id)
    assert sorted(rows.public) == sorted(rows.participants)  # no half-written vote
    for voter in [*kinds.get("recorded", []), *kinds.get("saved", [])]:
        assert voter.user_id in rows.participants
    for voter in kinds.get("nothing saved", []):
        assert voter.user_id not in rows.participants, f"{voter.name} was told nothing was saved"
    for voter in [*kinds.get("nothing saved", []), *kinds.get("unconfirmed", []),
                  *kinds.get("saved", []), refused_voter]:
        again = voter.post(base + w.vote_path, {"choice": "contre"}, SECRET_KEY)
        assert again.kind in ("recorded", "already"), again
        assert (again.kind == "already") == (voter.user_id in rows.participants)
    rows = ballot_rows(db, w.ballot.id)
    expected = {first.user_id, refused_voter.user_id, *(v.user_id for v in chaos_voters)}
    assert set(rows.participants) == expected and len(rows.participants) == len(expected)
    assert sorted(rows.public) == sorted(rows.participants)
    # the live namespace works again too
    assert listener.client.call("join", {"room": f"council:{w.council.id}"}, namespace="/live",
                                timeout=10)["ok"] is True
    last = next(voters)
    assert last.post(base + w.vote_path, {"choice": "pour"}, SECRET_KEY).kind == "recorded"
    assert listener.wait_for(lambda name, data: name == "ballot.voted"
                             and data.get("voter") == last.name, 10)
    counts = {kind: len(people) for kind, people in kinds.items()}
    print(f"\nFAULT database: refused {OUTAGE} s: {len(pages) + 1} requests, all 503 in French; "
          f"then connections cut every {CUT_EVERY} s for {CHAOS} s under {len(chaos_voters)} "
          f"ballots: {counts}; served normally again {recovered:.1f} s later, no restart")
