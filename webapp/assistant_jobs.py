"""Background re-indexing after a guide upload: one job at a time, with visible progress.

The job rebuilds the index (unchanged passages reuse their vectors) with freshly loaded models,
so questions keep being answered by the running assistant; when done, the new assistant
replaces it. The state (status idle/running/done/failed, progress 0–100, message as an English
msgid with its parameters, translated when shown) lives in a small JSON file beside the index,
so that every server process sharing that index sees the same job and only one runs at a time.
A running job whose process died is seen as failed once its heartbeat is older than STALE_SECONDS.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from flask import Flask, current_app, has_app_context

from cocon.errors import CoconError, Conflict

# Share of the progress bar given to each stage of the build (reading is instantaneous here).
STAGES = {"embeddings": (5, 55), "use": (55, 95)}
STALE_SECONDS = 600.0  # a build reports progress far more often than this


def N_(msgid: str) -> str:
    """Marks a msgid for extraction; it is translated when shown."""
    return msgid


@dataclass
class JobState:
    status: str = "idle"  # idle, running, done, failed
    progress: int = 0
    message: str = ""
    params: dict = field(default_factory=dict)
    guide: str = ""
    heartbeat: float = 0.0  # time.time() of the last word from the running job


_lock = threading.Lock()
_thread: threading.Thread | None = None
_path: Path | None = None  # the state file of the app last seen (tests call without an app)


def _state_file(app: Flask | None = None) -> Path:
    global _path
    if app is None and has_app_context():
        app = current_app
    if app is not None:
        index = Path(app.config["INDEX_DIR"])
        _path = index.with_name(index.name + ".job.json")
    if _path is None:
        raise RuntimeError("no application to find the job's state for")
    return _path


def _read(path: Path) -> JobState:
    try:
        state = JobState(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return JobState()
    if state.status == "running" and time.time() - state.heartbeat > STALE_SECONDS:
        state.status, state.message, state.params = ("failed", N_("Indexing stopped: the server "
                                                     "process was interrupted"), {})
    return state


def _write(path: Path, state: JobState) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
    staging.write_text(json.dumps(asdict(state), ensure_ascii=False), encoding="utf-8")
    os.replace(staging, path)  # readers see the old state or the new one, never half


class _FileLock:
    """Serialises read-modify-write of the state across threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")

    def __enter__(self):
        _lock.acquire()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "a")
        fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()
        _lock.release()


def job_state(app: Flask | None = None) -> JobState:
    """The current state, as every process sharing the index sees it."""
    return _read(_state_file(app))


def _update(path: Path, **changes) -> None:
    with _FileLock(path):
        state = _read(path)
        for key, value in changes.items():
            setattr(state, key, value)
        state.heartbeat = time.time()
        _write(path, state)


class _Progress:
    """Turns the build's (stage, advance, total) calls into a 0–100 figure."""

    def __init__(self, path: Path) -> None:
        self.done: dict[str, int] = {}
        self.path = path
        self.shown = -1

    def __call__(self, stage: str, advance: int, total: int) -> None:
        low, high = STAGES.get(stage, (5, 95))
        self.done[stage] = self.done.get(stage, 0) + int(advance)
        share = 1.0 if total <= 0 else min(1.0, self.done[stage] / total)
        value = min(99, int(low + (high - low) * share))
        if value > self.shown:  # one write per percent, which is also the heartbeat
            self.shown = value
            _update(self.path, progress=value)


def _run(app: Flask, guide: str, path: Path) -> None:
    from webapp.assistant_runtime import set_assistant
    from webapp.commands.assistant import load_assistant

    try:
        assistant = load_assistant(dict(app.config), progress=_Progress(path))
        set_assistant(app, assistant)
        skipped = [s["doc"] for s in assistant.index.skipped]
        if guide in skipped:
            _update(path, status="failed", progress=100,
                    message=N_("The guide %(name)s could not be read"), params={"name": guide})
        else:
            _update(path, status="done", progress=100,
                    message=N_("The guide %(name)s is indexed: %(n)s passages in all"),
                    params={"name": guide, "n": len(assistant.index.passages)})
    except CoconError as exc:
        _update(path, status="failed", message=exc.message if hasattr(exc, "message") else str(exc),
                params=dict(getattr(exc, "params", {}) or {}))
    except Exception as exc:  # noqa: BLE001 - shown on the page instead of killing the thread silently
        _update(path, status="failed", message=N_("Indexing failed: %(error)s"),
                params={"error": str(exc)})


def start_reindex(app: Flask, guide: str) -> None:
    """Start rebuilding the index in a thread; Conflict if any process is already indexing."""
    global _thread
    path = _state_file(app)
    with _FileLock(path):
        if _read(path).status == "running":
            raise Conflict("A guide is already being indexed; please wait until it is finished")
        _write(path, JobState("running", 0, N_("Indexing %(name)s"), {"name": guide}, guide,
                              time.time()))
    _thread = threading.Thread(target=_run, args=(app, guide, path), name="assistant-reindex",
                               daemon=True)
    _thread.start()


def is_running(app: Flask | None = None) -> bool:
    return job_state(app).status == "running"


def wait(timeout: float) -> bool:
    """Wait for the running job (tests); True when it finished in time."""
    thread = _thread
    if thread is not None:
        thread.join(timeout)
        return not thread.is_alive()
    return True


def reset(app: Flask | None = None) -> None:
    """Back to idle (tests)."""
    if app is None and _path is None and not has_app_context():
        return
    path = _state_file(app)
    with _FileLock(path):
        _write(path, JobState())
