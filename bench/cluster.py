"""Start cocon's production set-up on this machine: gunicorn processes on loopback ports,
sharing the local PostgreSQL and Redis. Used by the benchmarks and the fault tests.

    with Cluster(processes=2) as cluster:   # fresh schema, migrations, Redis db emptied
        cluster.urls                         # ["http://127.0.0.1:PORT", ...]
        with cluster.session() as db: ...    # seed through the core services
        cluster.kill(0)                      # SIGKILL server 0 (master and worker)
        cluster.start_one(0)                 # start it again on the same port

Each server is `gunicorn --worker-class gthread --workers 1 --threads T`, as in the Procfile.
A websocket holds one thread for its whole life, so T must exceed the sockets a process
serves plus the HTTP requests in flight: size it with `threads=`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
DEFAULT_PG = "postgresql://postgres@127.0.0.1/cocon_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/3"
SECRET_KEY = "bench-secret-key-shared-by-every-process"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sqlalchemy_url(url: str) -> str:
    """The psycopg 3 form of a postgresql:// address."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database of `url` if it does not exist, then empty its schema."""
    import psycopg
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def flush_redis(url: str) -> None:
    """Empty this Redis database only (the others belong to other users of the machine)."""
    import redis
    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
    finally:
        client.close()


class Cluster:
    """Several gunicorn processes (threaded workers) behind loopback ports."""

    def __init__(self, processes: int = 2, *, database_url: str = DEFAULT_PG,
                 redis_url: str = DEFAULT_REDIS, threads: int = 200,
                 instance: Path | None = None, fresh: bool = True,
                 ratelimits: bool = True, extra_env: dict[str, str] | None = None,
                 gunicorn_args: list[str] | None = None, app: str = "webapp.wsgi:app") -> None:
        self.processes, self.threads = processes, threads
        self.database_url, self.redis_url = database_url, redis_url
        self.instance = Path(instance or ROOT / "instance" / "bench")
        self.fresh, self.ratelimits = fresh, ratelimits
        self.extra_env = dict(extra_env or {})
        self.gunicorn_args = list(gunicorn_args or [])
        self.app = app  # another WSGI app (bench/bare_app.py) served the same way
        self.ports = [free_port() for _ in range(processes)]
        self.procs: list[subprocess.Popen | None] = [None] * processes
        self._engine = None

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.ports]

    def env(self) -> dict[str, str]:
        """The environment of every server process (and of `cocon` commands run for it)."""
        env = dict(os.environ)
        env.update({
            "COCON_DATABASE_URL": self.database_url,
            "COCON_REDIS_URL": self.redis_url,
            "COCON_SOCKETIO_MESSAGE_QUEUE": self.redis_url,
            "COCON_RATELIMIT_STORAGE_URI": self.redis_url,
            "COCON_RATELIMIT_ENABLED": "1" if self.ratelimits else "0",
            "COCON_SECRET_KEY": SECRET_KEY,
            "COCON_INSTANCE_PATH": str(self.instance),
        })
        env.update(self.extra_env)
        return env

    def cocon(self, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess:
        """Run a `cocon` command against this cluster's database and instance folder."""
        return subprocess.run([str(VENV_BIN / "cocon"), *args], cwd=ROOT, env=self.env(),
                              check=True, timeout=timeout, capture_output=True, text=True)

    def prepare(self) -> None:
        """A fresh schema at the latest migration, and an empty Redis database."""
        ensure_database(self.database_url)
        self.cocon("db", "upgrade", timeout=300)
        flush_redis(self.redis_url)

    @property
    def engine(self):
        """A SQLAlchemy engine on the cluster's database (for seeding and checking)."""
        if self._engine is None:
            from cocon.db import make_engine
            self._engine = make_engine(sqlalchemy_url(self.database_url))
        return self._engine

    @contextmanager
    def session(self):
        """A database session on the cluster's database; the caller commits."""
        import cocon.models  # noqa: F401 - every mapped class, so relationships resolve
        from cocon.db import make_session_factory
        db = make_session_factory(self.engine)()
        try:
            yield db
        finally:
            db.close()

    def start_one(self, index: int) -> None:
        """Start server `index` on its port (again, after a kill) and wait until it answers."""
        self._spawn(index)
        self.wait_ready(index)

    def _spawn(self, index: int) -> None:
        log = open(self.instance / f"gunicorn-{index}.log", "ab")
        self.procs[index] = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "--worker-class", "gthread", "--workers", "1",
             "--threads", str(self.threads), "--bind", f"127.0.0.1:{self.ports[index]}",
             "--graceful-timeout", "2", "--timeout", "60",
             "--no-control-socket",  # gunicorn 27: one shared ~/.gunicorn path otherwise
             "--pythonpath", str(ROOT / "bench"), *self.gunicorn_args, self.app],
            cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)  # its own process group: kill() reaches the worker too
        log.close()

    def wait_ready(self, index: int, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            proc = self.procs[index]
            if proc is None or proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.urls[index] + "/healthz", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"server {index} did not start; see "
                           f"{self.instance}/gunicorn-{index}.log")

    def kill(self, index: int, sig: int = signal.SIGKILL) -> None:
        """Send `sig` (SIGKILL by default) to server `index`, master and worker, and reap it."""
        proc = self.procs[index]
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        if proc is not None and sig != signal.SIGKILL:
            self._reap_group(proc.pid)
        self.procs[index] = None

    @staticmethod
    def _reap_group(pgid: int, timeout: float = 10) -> None:
        """Wait for the rest of the group (the worker) to leave; SIGKILL it if it lingers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def stop(self) -> None:
        """Stop every server gracefully (SIGTERM), then release the engine."""
        for index in range(self.processes):
            self.kill(index, signal.SIGTERM)
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def pids(self) -> list[int | None]:
        """The master process id of each server (None when stopped)."""
        return [p.pid if p is not None and p.poll() is None else None for p in self.procs]

    def __enter__(self) -> "Cluster":
        self.instance.mkdir(parents=True, exist_ok=True)
        if self.fresh:
            self.prepare()
        try:
            for index in range(self.processes):  # all at once: each takes seconds to import
                self._spawn(index)
            for index in range(self.processes):
                self.wait_ready(index)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
