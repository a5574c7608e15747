"""Start cocon's production set-up on this machine: gunicorn processes on loopback ports,
sharing the local PostgreSQL and Redis. Used by the benchmarks and the fault tests.

    with Cluster(processes=2) as cluster:
        cluster.urls  # ["http://127.0.0.1:PORT", ...]
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
DEFAULT_PG = "postgresql://postgres@127.0.0.1/cocon_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/3"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


class Cluster:
    """Several gunicorn processes (threaded workers) behind loopback ports."""

    def __init__(self, processes: int = 2, *, database_url: str = DEFAULT_PG,
                 redis_url: str = DEFAULT_REDIS, threads: int = 200,
                 instance: Path | None = None) -> None:
        self.processes, self.threads = processes, threads
        self.database_url, self.redis_url = database_url, redis_url
        self.instance = instance or ROOT / "instance" / "bench"
        self.ports = [free_port() for _ in range(processes)]
        self.procs: list[subprocess.Popen | None] = [None] * processes

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.ports]

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({
            "COCON_DATABASE_URL": self.database_url,
            "COCON_SOCKETIO_MESSAGE_QUEUE": self.redis_url,
            "COCON_RATELIMIT_STORAGE_URI": self.redis_url,
            "COCON_SECRET_KEY": "bench-secret-key-shared-by-every-process",
            "COCON_INSTANCE_PATH": str(self.instance),
        })
        return env

    def start_one(self, index: int) -> None:
        log = open(self.instance / f"gunicorn-{index}.log", "ab")
        self.procs[index] = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "--worker-class", "gthread", "--workers", "1",
             "--threads", str(self.threads), "--bind", f"127.0.0.1:{self.ports[index]}",
             "--graceful-timeout", "2", "--timeout", "60", "webapp.wsgi:app"],
            cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT)
        self.wait_ready(index)

    def wait_ready(self, index: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.urls[index] + "/healthz", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"server {index} did not start; see {self.instance}")

    def kill(self, index: int, sig: int = signal.SIGKILL) -> None:
        proc = self.procs[index]
        if proc is not None and proc.poll() is None:
            proc.send_signal(sig)
            proc.wait(timeout=30)
        self.procs[index] = None

    def __enter__(self) -> "Cluster":
        self.instance.mkdir(parents=True, exist_ok=True)
        for index in range(self.processes):
            self.start_one(index)
        return self

    def __exit__(self, *exc) -> None:
        for index in range(self.processes):
            self.kill(index, signal.SIGTERM)
