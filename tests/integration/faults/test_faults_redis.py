"""Redis (message queue and rate-limit storage) stopped and restarted: the platform keeps
serving pages and accepting ballots, and live updates resume once Redis is back."""

import time

import pytest
import requests

from faults_helpers import SECRET_KEY, LiveClient, Voter, ballot_rows, logs

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

PASSWORD = "un mot de passe assez long"
# Seconds without Redis: long enough for python-socketio's own listener to have backed off to
# 16 s (it would resume about 11 s after Redis); webapp/live_queue.py waits at most 5 s.
OUTAGE = 20
RESUME_WITHIN = 8  # seconds after Redis is back: one 5 s wait, the connection, the vote


def _voted_by(names):
    return lambda name, data: name == "ballot.voted" and data.get("voter") in names


def test_redis_stopped_then_restarted(vote_world, start_cluster, redis_server, db):
    w = vote_world(50)
    cluster = start_cluster(2)
    voters = iter(w.voters)
    listener = LiveClient(cluster.urls[1], w.room, w.voters[-1].headers).connect()
    try:
        first = next(voters)
        assert first.post(cluster.urls[0] + w.vote_path, {"choice": "pour"},
                          SECRET_KEY).kind == "recorded"
        assert listener.wait_for(_voted_by({first.name}), 10), "no live update before the fault"

        redis_server.stop()
        stopped = time.monotonic()
        statuses = []
        for url in cluster.urls:
            for path in (f"/conseils/{w.slug}", f"/conseils/{w.slug}/seances/{w.plenary.id}",
                         w.ballot_path, w.state_path, "/compte/connexion", "/healthz"):
                response = requests.get(url + path, headers=first.headers, timeout=15)
                statuses.append(response.status_code)
                assert response.status_code == 200, (url + path, response.status_code)
        during = [next(voters) for _ in range(6)]
        for index, voter in enumerate(during):
            outcome = voter.post(cluster.urls[index % 2] + w.vote_path, {"choice": "contre"},
                                 SECRET_KEY)
            statuses.append(outcome.status)
            assert outcome.kind == "recorded", (outcome, logs(cluster))
        for index, url in enumerate(cluster.urls):  # the rate-limited form, limits in Redis
            member = w.members[index]
            visitor = Voter.signed_in(SECRET_KEY, member.id, member.display_name, None)
            response = requests.post(url + "/compte/connexion", headers=visitor.headers, data={
                "email": member.email, "password": PASSWORD, "csrf_token": visitor.csrf},
                allow_redirects=False, timeout=15)
            statuses.append(response.status_code)
            assert response.status_code == 302 and "connexion" not in response.headers[
                "Location"], (response.status_code, response.text[:500])
        rows = ballot_rows(db, w.ballot.id)
        assert {v.user_id for v in [first, *during]} == set(rows.participants)
        assert listener.client.connected  # the WebSocket itself never needed Redis

        while time.monotonic() - stopped < OUTAGE:  # long enough for the listeners to back off
            time.sleep(0.1)
        redis_server.start()
        restarted = time.monotonic()
        after, resumed = set(), None
        while time.monotonic() - restarted < 45:
            voter = next(voters)
            assert voter.post(cluster.urls[0] + w.vote_path, {"choice": "pour"},
                              SECRET_KEY).kind == "recorded"
            after.add(voter.name)
            if listener.wait_for(_voted_by(after), 1):
                resumed = time.monotonic() - restarted
                break
        assert resumed is not None, "live updates did not resume after Redis came back"
        assert resumed < RESUME_WITHIN, f"live updates resumed only {resumed:.1f} s later"
        # and from process 1 too, through the same Redis
        last = next(voters)
        assert last.post(cluster.urls[1] + w.vote_path, {"choice": "pour"},
                         SECRET_KEY).kind == "recorded"
        assert listener.wait_for(_voted_by({last.name}), 15)
        assert 500 not in statuses
        assert "unexpected error on" not in logs(cluster)
        print(f"\nFAULT redis: Redis down {OUTAGE} s: {len(statuses)} requests, none failed "
              f"({len(during)} ballots recorded, 2 sign-ins); live updates back "
              f"{resumed:.1f} s after Redis restarted")
    finally:
        listener.close()
