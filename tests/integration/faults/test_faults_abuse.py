"""A client replaying a ballot, sending malformed Socket.IO events, or flooding, against real
gunicorn processes: refused or cut off, the servers stay up and the others are unaffected."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from faults_helpers import SECRET_KEY, LiveClient, ballot_rows, logs

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

COPIES = 3  # identical POSTs per voter sent at once, over both processes


def _voted_by(name):
    return lambda event, data: event == "ballot.voted" and data.get("voter") == name


def test_replays_malformed_events_and_floods(vote_world, start_cluster, db):
    w = vote_world(16)
    cluster = start_cluster(2)
    calm = LiveClient(cluster.urls[1], w.room, w.voters[-1].headers).connect()
    try:
        _replays(w, cluster, db)
        _malformed(w, cluster, calm)
        _oversized(cluster)
        flood_took = _flood(w, cluster)
        # the calm client on the same process still gets what happens, and both still serve
        last = w.voters[-1]
        assert last.post(cluster.urls[0] + w.vote_path, {"choice": "pour"},
                         SECRET_KEY).kind == "recorded"
        assert calm.wait_for(_voted_by(last.name), 10), calm.events[-3:]
        assert calm.disconnects == 0
        for url in cluster.urls:
            assert requests.get(url + w.ballot_path, timeout=10).status_code == 200
        assert all(pid is not None for pid in cluster.pids())
        assert "unexpected error on" not in logs(cluster)
        print(f"\nFAULT abuse: {COPIES} simultaneous copies of a ballot -> one vote; malformed "
              f"events refused; a flood of joins cut after {flood_took:.2f} s; the calm client "
              f"on the same process kept its connection and its events")
    finally:
        calm.close()


def _replays(w, cluster, db):
    first = w.voters[0]
    form = {"choice": "pour"}
    assert first.post(cluster.urls[0] + w.vote_path, form, SECRET_KEY).kind == "recorded"
    assert first.post(cluster.urls[0] + w.vote_path, form, SECRET_KEY).kind == "already"
    assert first.post(cluster.urls[1] + w.vote_path, form, SECRET_KEY).kind == "already"
    racers = w.voters[1:9]
    barriers = {v.user_id: threading.Barrier(COPIES, timeout=30) for v in racers}

    def send(job):
        voter, copy = job
        barriers[voter.user_id].wait()
        return voter, voter.post(cluster.urls[copy % 2] + w.vote_path, form, SECRET_KEY)

    jobs = [(voter, copy) for voter in racers for copy in range(COPIES)]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        results = list(pool.map(send, jobs))
    for voter in racers:
        kinds = sorted(o.kind for v, o in results if v is voter)
        assert kinds == ["already"] * (COPIES - 1) + ["recorded"], (voter.name, kinds)
    rows = ballot_rows(db, w.ballot.id)
    assert sorted(rows.participants) == sorted(v.user_id for v in [first, *racers])
    assert sorted(rows.public) == sorted(rows.participants)


GARBAGE = ["plenary:1", 7, None, [1, 2], {"room": 5}, {"room": ["a"]}, {"room": "x" * 8000},
           {"room": "plenary:99999999999999999999"}, {"room": "nope:1"}, {"room": "plenary:-1"}]


def _malformed(w, cluster, calm):
    import socketio
    bad = socketio.Client(reconnection=False)
    bad.connect(cluster.urls[1], namespaces=["/live"], transports=["websocket"],
                wait_timeout=10)
    try:
        for data in GARBAGE:
            ack = bad.call("join", data, namespace="/live", timeout=10)
            assert isinstance(ack, dict) and ack["ok"] is False, (data, ack)
        for name in ("drop", "ballot.voted", "error_default"):
            bad.emit(name, {"voted": 999}, namespace="/live")
        assert bad.call("join", {"room": w.room}, namespace="/live", timeout=10)["ok"] is True
        assert bad.connected
    finally:
        bad.disconnect()
    assert not any(name == "ballot.voted" and data.get("voted") == 999
                   for _, name, data in calm.events), "a client broadcast to the room"


def _oversized(cluster):
    """An 8 MB message (the limit is 16 kB): the server stops reading it after 16 kB and closes
    that WebSocket, so the sender is cut off before it has sent it all."""
    import websocket
    port = cluster.ports[1]
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{port}/socket.io/?EIO=4&transport=websocket", timeout=10)
    try:
        assert ws.recv().startswith("0{")
        ws.send("40/live,")
        assert ws.recv().startswith("40/live,")
        codes = []
        try:
            ws.send('42/live,["join",{"room":"' + "x" * 8_000_000 + '"}]')
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                opcode, data = ws.recv_data(control_frame=True)
                if opcode == websocket.ABNF.OPCODE_CLOSE:
                    codes.append(int.from_bytes(data[:2], "big"))
                    break
        except (websocket.WebSocketException, OSError):
            codes.append("cut off")
        assert codes in (["cut off"], [1009]), codes  # 1009: message too big
    finally:
        ws.close()


def _flood(w, cluster) -> float:
    import socketio
    flood = socketio.Client(reconnection=False)
    flood.connect(cluster.urls[1], namespaces=["/live"], transports=["websocket"],
                  wait_timeout=10)
    started = time.monotonic()
    try:
        for _ in range(2000):
            if not flood.connected:
                break
            try:
                flood.emit("join", {"room": w.room}, namespace="/live")
            except socketio.exceptions.SocketIOError:
                break
        deadline = time.monotonic() + 15
        while flood.connected and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not flood.connected, "the flooding client was never cut off"
        return time.monotonic() - started
    finally:
        if flood.connected:
            flood.disconnect()
