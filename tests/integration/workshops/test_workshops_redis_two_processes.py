"""Two server processes share events through Redis: a post on A reaches a client on B."""

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from cocon.accounts.services import register_user
from cocon.council.models import Role
from cocon.council.services import add_college, add_member, create_council
from cocon.db import make_engine, make_session_factory, utcnow
from cocon.workshops import forum, services

REDIS_URL = os.environ.get("COCON_TEST_REDIS_URL")
ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "un mot de passe assez long"
SERVER = """
import sys
from webapp import create_app
app = create_app({"DATABASE_URL": sys.argv[1], "SOCKETIO_MESSAGE_QUEUE": sys.argv[2],
                  "INSTANCE_PATH": sys.argv[3], "SECRET_KEY": "two-processes",
                  "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
app.extensions["socketio"].run(app, host="127.0.0.1", port=int(sys.argv[4]),
                               allow_unsafe_werkzeug=True, use_reloader=False, log_output=False)
"""

pytestmark = [pytest.mark.redis, pytest.mark.slow,
              pytest.mark.skipif(not REDIS_URL, reason="COCON_TEST_REDIS_URL is not set")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"server on port {port} did not start")


@pytest.fixture
def world(tmp_path):
    """A fresh SQLite database of its own (the servers write to it), with a thread."""
    from webapp.migrate import upgrade
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    db, now = make_session_factory(engine)(), utcnow()
    admin = register_user(db, email="admin@example.org", password=PASSWORD,
                          display_name="Claire Fontaine", now=now, is_site_admin=True)
    council = create_council(db, name="Conseil", territory="Ville", creator=admin, now=now)
    college = add_college(db, council, name="Acteurs", weight=1, now=now)
    member = register_user(db, email="lucie@example.org", password=PASSWORD,
                           display_name="Lucie Ernst", now=now)
    add_member(db, council, member, role=Role.MEMBER, college_id=college.id, actor=admin, now=now)
    workshop = services.create_workshop(db, council, title="Atelier", actor=admin, now=now)
    thread = forum.start_thread(db, workshop, author=member, title="Fil", body="Bonjour",
                                now=now).post.thread
    db.commit()
    path = f"/conseils/{council.slug}/ateliers/{workshop.id}/fils/{thread.id}"
    ids = thread.id
    db.close()
    engine.dispose()
    return url, path, ids


def test_a_post_on_process_a_reaches_a_client_on_process_b(world, tmp_path):
    import requests
    import socketio
    url, path, thread_id = world
    channel = f"{REDIS_URL.rstrip('/')}"
    ports = [free_port(), free_port()]
    procs = [subprocess.Popen(
        [sys.executable, "-c", SERVER, url, channel, str(tmp_path / f"inst{i}"), str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i, port in
        enumerate(ports)]
    client = socketio.Client(reconnection=False)
    try:
        deadline = time.monotonic() + 30
        for port in ports:
            wait_for(port, deadline)
        a, b = (f"http://127.0.0.1:{p}" for p in ports)
        received, arrived = [], threading.Event()

        @client.on("post.created", namespace="/live")
        def _on_post(data):
            received.append(data)
            arrived.set()

        client.connect(b, namespaces=["/live"], transports=["websocket"], wait_timeout=10)
        ack = client.call("join", {"room": f"thread:{thread_id}"}, namespace="/live", timeout=10)
        assert ack == {"ok": True, "room": f"thread:{thread_id}"}
        http = requests.Session()
        login = http.post(f"{a}/compte/connexion", data={
            "email": "lucie@example.org", "password": PASSWORD}, allow_redirects=False, timeout=10)
        assert login.status_code == 302
        marker = uuid.uuid4().hex
        reply = http.post(f"{a}{path}", data={"body": f"Depuis A {marker}"},
                          allow_redirects=False, timeout=10)
        assert reply.status_code == 302
        assert arrived.wait(5), "the post made on A never reached the client on B"
        assert marker in received[0]["html"] and received[0]["author"] == "Lucie Ernst"
    finally:
        if client.connected:
            client.disconnect()
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
