"""Tools of the fault tests: a TCP proxy that can refuse, a Redis of our own, voters with a
signed-in cookie, and live clients that count what they receive."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import subprocess
import threading
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import requests
from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench.cluster import SECRET_KEY, Cluster  # noqa: E402,F401 - the production set-up

COOKIE = "cocon"
RECORDED = re.compile(r"Votre vote a été enregistré\.")
ALREADY = re.compile(r"a déjà été enregistré\.")
DB_DOWN = re.compile(r"La base de données est momentanément inaccessible\. Rien n[’']a été "
                     r"enregistré")
DB_UNCONFIRMED = re.compile(r"a peut-être été enregistrée, peut-être pas")
DB_SAVED = re.compile(r"Votre modification a bien été enregistrée, mais la base de données")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TcpProxy:
    """Forwards loopback TCP connections to the first backend that accepts (round robin).

    `refuse()` closes the listening socket (new connections are refused) and cuts every
    connection in progress; `accept()` listens again on the same port.
    """

    def __init__(self, backends: list[tuple[str, int]]) -> None:
        self.backends = list(backends)
        self.port = free_port()
        self._next = 0
        self._pairs: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._accepting = threading.Event()
        self.routed: list[int] = []  # backend index of each connection, in order

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.address}"

    def __enter__(self) -> "TcpProxy":
        self.accept()
        return self

    def __exit__(self, *exc) -> None:
        self.refuse()

    def accept(self) -> None:
        """Listen (again) and forward new connections."""
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(256)
        listener.settimeout(0.1)
        self._listener = listener
        self._accepting.set()
        threading.Thread(target=self._serve, args=(listener,), daemon=True).start()

    def refuse(self) -> None:
        """Stop listening and cut every forwarded connection at once."""
        self._accepting.clear()
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        self.cut()

    def cut(self) -> None:
        """Cut the connections in progress (the listener stays as it is)."""
        with self._lock:
            pairs, self._pairs = self._pairs, set()
        for sock in pairs:
            _close(sock)

    def _serve(self, listener: socket.socket) -> None:
        while self._accepting.is_set() and self._listener is listener:
            try:
                client, _ = listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            threading.Thread(target=self._forward, args=(client,), daemon=True).start()

    def _connect_backend(self) -> socket.socket | None:
        with self._lock:
            start = self._next
            self._next = (self._next + 1) % len(self.backends)
        for offset in range(len(self.backends)):
            index = (start + offset) % len(self.backends)
            try:
                backend = socket.create_connection(self.backends[index], timeout=2)
            except OSError:
                continue
            backend.settimeout(None)
            self.routed.append(index)
            return backend
        return None

    def _forward(self, client: socket.socket) -> None:
        backend = self._connect_backend()
        if backend is None or not self._accepting.is_set():
            _close(client)
            if backend is not None:
                _close(backend)
            return
        with self._lock:
            self._pairs.update((client, backend))
        threading.Thread(target=self._pump, args=(backend, client), daemon=True).start()
        self._pump(client, backend)

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                _close(sock)
            with self._lock:
                self._pairs.discard(source)
                self._pairs.discard(target)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


class RedisServer:
    """A redis-server of our own on a free port, which the test may stop and start again."""

    def __init__(self, workdir) -> None:
        self.port = free_port()
        self.workdir = str(workdir)
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10) -> None:
        os.makedirs(self.workdir, exist_ok=True)
        self.proc = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", self.workdir, "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        """SIGKILL: Redis vanishes as in a crash."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None


def _signer(secret: str):
    app = Flask("faults")
    app.secret_key = secret
    return SecureCookieSessionInterface().get_signing_serializer(app)


@dataclass
class Outcome:
    """What a voter was told: 'recorded', 'already', 'done' (another success), 'refused'
    (another flash), 'failed' (no answer at all) or 'http' (an error page)."""

    kind: str
    status: int | None = None
    text: str = ""


@dataclass
class Voter:
    """A signed-in member: a server-side login session and its cookie, a CSRF token."""

    user_id: int
    name: str
    cookie: str
    csrf: str
    outcomes: list = field(default_factory=list)

    @classmethod
    def signed_in(cls, secret: str, user_id: int, name: str, token: str | None) -> "Voter":
        """Someone with this login session (or a visitor, without a token)."""
        raw = hashlib.sha1(os.urandom(32)).hexdigest()
        content = {"csrf_token": raw} if token is None else {"sid": token, "csrf_token": raw}
        cookie = _signer(secret).dumps(content)
        csrf = URLSafeTimedSerializer(secret, salt="wtf-csrf-token").dumps(raw)
        return cls(user_id, name, cookie, csrf)

    @property
    def headers(self) -> dict:
        return {"Cookie": f"{COOKIE}={self.cookie}"}

    def post(self, url: str, data: dict, secret: str, timeout: float = 15) -> Outcome:
        """POST a form as this person; read the answer as they would (the flash or the page)."""
        try:
            response = requests.post(url, data={**data, "csrf_token": self.csrf},
                                     headers=self.headers, allow_redirects=False,
                                     timeout=timeout)
        except requests.RequestException as exc:
            outcome = Outcome("failed", None, f"{type(exc).__name__}: {exc}"[:300])
        else:
            outcome = read_outcome(response, secret)
        self.outcomes.append(outcome)
        return outcome


def read_outcome(response, secret: str) -> Outcome:
    """Classify an answer to a form: the flash in the new cookie, or the error page."""
    if response.status_code != 302:
        return Outcome("http", response.status_code, response.text)
    flashes = []
    if COOKIE in response.cookies:
        flashes = _signer(secret).loads(response.cookies[COOKIE]).get("_flashes", [])
    text = " ".join(message for _, message in flashes)
    if ("success" in {c for c, _ in flashes}) and RECORDED.search(text):
        return Outcome("recorded", 302, text)
    if ALREADY.search(text):
        return Outcome("already", 302, text)
    if flashes and {c for c, _ in flashes} == {"success"}:
        return Outcome("done", 302, text)
    return Outcome("refused", 302, text)


class LiveClient:
    """A python-socketio client (WebSocket only, reconnecting) that joins a room on every
    connection, as the pages' script does, and keeps what it receives."""

    def __init__(self, url: str, room: str, headers: dict | None = None,
                 reconnection: bool = True) -> None:
        import socketio
        self.url, self.room, self.headers = url, room, headers or {}
        self.client = socketio.Client(reconnection=reconnection, reconnection_delay=0.2,
                                      reconnection_delay_max=1, randomization_factor=0)
        self.events: list[tuple[float, str, object]] = []
        self.connects = self.disconnects = 0
        self.joined = threading.Event()
        self.changed = threading.Condition()
        client = self.client

        @client.on("connect", namespace="/live")
        def _connect():
            self.connects += 1
            self.joined.clear()
            client.emit("join", {"room": room}, namespace="/live", callback=self._ack)

        @client.on("disconnect", namespace="/live")
        def _disconnect(*_reason):
            self.disconnects += 1
            self.joined.clear()

        @client.on("*", namespace="/live")
        def _any(name, data=None):
            with self.changed:
                self.events.append((time.monotonic(), name, data))
                self.changed.notify_all()

    def _ack(self, ack=None):
        if isinstance(ack, dict) and ack.get("ok"):
            self.joined.set()

    def connect(self, timeout: float = 15) -> "LiveClient":
        self.client.connect(self.url, namespaces=["/live"], transports=["websocket"],
                            headers=self.headers, wait_timeout=timeout)
        if not self.joined.wait(timeout):
            raise AssertionError(f"could not join {self.room} on {self.url}")
        return self

    def wait_for(self, predicate, timeout: float) -> bool:
        """Wait until one received event (name, data) satisfies the predicate."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                if any(predicate(name, data) for _, name, data in self.events):
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.changed.wait(left)

    def close(self) -> None:
        try:
            self.client.disconnect()
        except Exception:  # noqa: BLE001 - already gone
            pass


def logs(cluster: Cluster) -> str:
    """Everything the cluster's processes wrote, for assertion messages."""
    return "\n".join(path.read_text("utf-8", "replace")[-4000:]
                     for path in sorted(cluster.instance.glob("gunicorn-*.log")))


def ballot_rows(db, ballot_id: int) -> SimpleNamespace:
    """Who took part and which votes are stored, straight from the database."""
    from sqlalchemy import select
    from cocon.proposals.voting_models import BallotParticipation, PublicVote, SecretVote
    db.expire_all()
    participants = db.scalars(select(BallotParticipation.member_id).where(
        BallotParticipation.ballot_id == ballot_id)).all()
    public = db.scalars(select(PublicVote.voter_id).where(
        PublicVote.ballot_id == ballot_id)).all()
    secret = db.scalars(select(SecretVote.id).where(SecretVote.ballot_id == ballot_id)).all()
    db.rollback()
    return SimpleNamespace(participants=list(participants), public=list(public),
                           secret_count=len(secret))
