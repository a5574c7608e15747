"""A server process killed (SIGKILL) while a vote is under way: every ballot the voters were
told was recorded is there after the restart, none twice; live clients reconnect to the other
process and see the current state."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from faults_helpers import SECRET_KEY, LiveClient, TcpProxy, ballot_rows, logs

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

VOTERS = 40
KILL_AFTER = 14  # recorded ballots before process 1 is killed
CLIENTS = 6


def test_sigkill_during_a_vote_loses_no_ballot_and_doubles_none(
        vote_world, start_cluster, redis_server, db):
    w = vote_world(VOTERS)
    cluster = start_cluster(2)
    choices = {v.user_id: ("pour" if i % 3 else "contre") for i, v in enumerate(w.voters)}
    # the clients go through a balancer without sticky sessions, as browsers would
    with TcpProxy([("127.0.0.1", port) for port in cluster.ports]) as balancer:
        clients = [LiveClient(balancer.url, w.room, w.voters[i].headers).connect()
                   for i in range(CLIENTS)]
        try:
            _run(w, cluster, balancer, clients, choices, db)
        finally:
            for client in clients:
                client.close()


def _run(w, cluster, balancer, clients, choices, db):
    assert sorted(set(balancer.routed)) == [0, 1]
    on_victim = [c for c, backend in zip(clients, balancer.routed) if backend == 1]
    recorded, killed = threading.Semaphore(0), threading.Event()

    def cast(index: int):
        voter = w.voters[index]
        outcome = voter.post(cluster.urls[index % 2] + w.vote_path,
                             {"choice": choices[voter.user_id]}, SECRET_KEY)
        if outcome.kind == "recorded":
            recorded.release()
        return outcome

    def killer():
        for _ in range(KILL_AFTER):
            recorded.acquire(timeout=60)
        cluster.kill(1)  # SIGKILL, master and worker, while ballots are in flight
        killed.set()

    threading.Thread(target=killer, daemon=True).start()
    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(cast, range(VOTERS)))
    assert killed.wait(30), "process 1 was never killed"
    kinds = [o.kind for o in outcomes]
    assert set(kinds) <= {"recorded", "failed"}, [o for o in outcomes if o.kind not in
                                                  ("recorded", "failed")]
    assert "failed" in kinds, "the kill cut no ballot: nothing was tested"
    assert not any(o.kind == "failed" for i, o in enumerate(outcomes) if i % 2 == 0)

    # the clients that were on the killed process reconnect through the balancer, to process 0
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not all(c.joined.is_set() for c in clients):
        time.sleep(0.1)
    assert all(c.joined.is_set() for c in clients), [(c.connects, c.disconnects)
                                                      for c in clients]
    assert on_victim and all(c.disconnects >= 1 and c.connects >= 2 for c in on_victim)

    cluster.start_one(1)  # the restart
    told = {w.voters[i].user_id for i, o in enumerate(outcomes) if o.kind == "recorded"}
    rows = ballot_rows(db, w.ballot.id)
    assert told <= set(rows.participants), "a ballot the voter was told was recorded is missing"
    assert len(rows.participants) == len(set(rows.participants))
    assert sorted(rows.public) == sorted(rows.participants)  # each vote whole, none doubled

    # those who got no answer try again (on the restarted process): recorded, or already there
    for index, outcome in enumerate(outcomes):
        if outcome.kind == "failed":
            voter = w.voters[index]
            again = voter.post(cluster.urls[1] + w.vote_path, {"choice": choices[voter.user_id]},
                               SECRET_KEY)
            assert again.kind in ("recorded", "already"), (again, logs(cluster))
            assert (again.kind == "already") == (voter.user_id in rows.participants)
    rows = ballot_rows(db, w.ballot.id)
    retried = [w.voters[i].outcomes[-1].kind for i, o in enumerate(outcomes) if o.kind == "failed"]
    cut = sum(1 for o in outcomes if o.kind == "failed" and "refused" not in o.text)
    print(f"\nFAULT sigkill: {kinds.count('recorded')} recorded, {kinds.count('failed')} "
          f"without an answer ({cut} cut in flight, the others refused after the kill), then "
          f"{retried.count('recorded')} recorded on retry and {retried.count('already')} "
          f"already there; {len(on_victim)} of {CLIENTS} clients reconnected to process 0; "
          f"{len(rows.participants)} ballots stored for {VOTERS} voters")
    assert sorted(rows.participants) == sorted(v.user_id for v in w.voters)
    assert sorted(rows.public) == sorted(rows.participants)

    # every client, reconnected or not, sees what happens next and the current state
    closing = w.facilitator.post(cluster.urls[1] + w.close_path, {}, SECRET_KEY)
    assert closing.kind == "done", closing
    for client in clients:
        assert client.wait_for(lambda name, data: name == "ballot.closed", 10)
    state = requests.get(balancer.url + w.state_path, timeout=10).json()
    assert state["state"] == "open" and state["id"] == w.plenary.id
    result = requests.get(balancer.url + w.ballot_path, timeout=10).text
    expected_for = sum(1 for c in choices.values() if c == "pour")
    assert 'id="verdict"' in result
    db.expire_all()
    db.refresh(w.ballot)
    assert w.ballot.result["counts"]["pour"] == expected_for
    assert w.ballot.result["counts"]["contre"] == VOTERS - expected_for
