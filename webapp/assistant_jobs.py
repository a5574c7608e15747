"""Background re-indexing after a guide upload: one job at a time, with visible progress.

The job rebuilds the index (unchanged passages reuse their vectors) with freshly loaded models,
so questions keep being answered by the running assistant; when done, the new assistant
replaces it. The state is module-level: status idle/running/done/failed, progress 0–100, message
(an English msgid with its parameters, translated when shown).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from flask import Flask

from cocon.errors import CoconError, Conflict

# Share of the progress bar given to each stage of the build (reading is instantaneous here).
STAGES = {"embeddings": (5, 55), "use": (55, 95)}


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

    def snapshot(self) -> "JobState":
        return JobState(self.status, self.progress, self.message, dict(self.params), self.guide)


_lock = threading.Lock()
_state = JobState()
_thread: threading.Thread | None = None


def job_state() -> JobState:
    """A copy of the current state."""
    with _lock:
        return _state.snapshot()


def _update(**changes) -> None:
    with _lock:
        for key, value in changes.items():
            setattr(_state, key, value)


class _Progress:
    """Turns the build's (stage, advance, total) calls into a 0–100 figure."""

    def __init__(self) -> None:
        self.done: dict[str, int] = {}

    def __call__(self, stage: str, advance: int, total: int) -> None:
        low, high = STAGES.get(stage, (5, 95))
        self.done[stage] = self.done.get(stage, 0) + int(advance)
        share = 1.0 if total <= 0 else min(1.0, self.done[stage] / total)
        value = int(low + (high - low) * share)
        with _lock:
            _state.progress = max(_state.progress, min(99, value))


def _run(app: Flask, guide: str) -> None:
    from webapp.assistant_runtime import set_assistant
    from webapp.commands.assistant import load_assistant

    try:
        assistant = load_assistant(dict(app.config), progress=_Progress())
        set_assistant(app, assistant)
        skipped = [s["doc"] for s in assistant.index.skipped]
        if guide in skipped:
            _update(status="failed", progress=100, message=N_("The guide %(name)s could not be read"),
                    params={"name": guide})
        else:
            _update(status="done", progress=100, message=N_("The guide %(name)s is indexed: %(n)s passages in all"),
                    params={"name": guide, "n": len(assistant.index.passages)})
    except CoconError as exc:
        _update(status="failed", message=exc.message if hasattr(exc, "message") else str(exc),
                params=dict(getattr(exc, "params", {}) or {}))
    except Exception as exc:  # noqa: BLE001 - shown on the page instead of killing the thread silently
        _update(status="failed", message=N_("Indexing failed: %(error)s"), params={"error": str(exc)})


def start_reindex(app: Flask, guide: str) -> None:
    """Start rebuilding the index in a thread; Conflict if a job is already running."""
    global _thread
    with _lock:
        if _state.status == "running":
            raise Conflict("A guide is already being indexed; please wait until it is finished")
        _state.status, _state.progress, _state.guide = "running", 0, guide
        _state.message, _state.params = N_("Indexing %(name)s"), {"name": guide}
        _thread = threading.Thread(target=_run, args=(app, guide), name="assistant-reindex", daemon=True)
        _thread.start()


def is_running() -> bool:
    return job_state().status == "running"


def wait(timeout: float) -> bool:
    """Wait for the running job (tests); True when it finished in time."""
    thread = _thread
    if thread is not None:
        thread.join(timeout)
        return not thread.is_alive()
    return True


def reset() -> None:
    """Back to idle (tests)."""
    with _lock:
        _state.status, _state.progress, _state.message, _state.params, _state.guide = "idle", 0, "", {}, ""
