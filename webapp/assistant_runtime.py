"""One Assistant per app, loaded lazily in the background and shared by every request thread.

The first request starts loading (or building) the index in a thread and, if it is not ready
within a moment, gets `AssistantStarting`; later requests reuse the loaded assistant.

With several server processes, only the one that indexed an uploaded guide holds the new
index in memory; every other process notices, at most REFRESH_SECONDS later, that the saved
index folder changed and reads it, keeping its loaded models.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from flask import Flask

from cocon.errors import CoconError

EXTENSION = "cocon_assistant"
WAIT_SECONDS = 3.0
REFRESH_SECONDS = 15.0


class AssistantStarting(CoconError):
    """The assistant is still loading its index; try again shortly."""

    status = 503


class _Holder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ready = threading.Event()
        self.assistant = None
        self.error: CoconError | None = None
        self.thread: threading.Thread | None = None
        self.stamp: int | None = None  # params.json's mtime when the index was read
        self.checked_at = 0.0
        self.refreshing = threading.Lock()


def index_stamp(index_dir: str) -> int | None:
    """When the saved index was last written, or None if there is none."""
    try:
        return (Path(index_dir) / "params.json").stat().st_mtime_ns
    except OSError:
        return None


def _holder(app: Flask) -> _Holder:
    holder = app.extensions.get(EXTENSION)
    if holder is None:
        holder = app.extensions.setdefault(EXTENSION, _Holder())
    return holder


def _load(app: Flask, holder: _Holder) -> None:
    from webapp.commands.assistant import load_assistant

    try:
        stamp = index_stamp(app.config["INDEX_DIR"])
        holder.assistant = load_assistant(dict(app.config))
        holder.stamp = stamp
    except CoconError as exc:
        holder.error = exc
    except Exception as exc:  # noqa: BLE001 - reported to the page, not swallowed
        holder.error = CoconError("The assistant could not start: %(error)s", error=str(exc))
    finally:
        holder.ready.set()


def get_assistant(app: Flask, wait: float | None = None):
    """The app's Assistant; raises AssistantStarting while it loads, or its loading error."""
    holder = _holder(app)
    with holder.lock:
        if holder.thread is None or (holder.error is not None and holder.ready.is_set()):
            holder.error = None
            holder.ready.clear()
            holder.thread = threading.Thread(target=_load, args=(app, holder), name="assistant-loader",
                                             daemon=True)
            holder.thread.start()
    timeout = wait if wait is not None else (None if app.testing else WAIT_SECONDS)
    if not holder.ready.wait(timeout):
        raise AssistantStarting("The assistant is getting ready; please try again in a minute")
    if holder.error is not None:
        raise holder.error
    _refresh_if_saved_elsewhere(app, holder)
    return holder.assistant


def _refresh_if_saved_elsewhere(app: Flask, holder: _Holder) -> None:
    now = time.monotonic()
    if now - holder.checked_at < REFRESH_SECONDS or not holder.refreshing.acquire(blocking=False):
        return
    try:
        holder.checked_at = now
        stamp = index_stamp(app.config["INDEX_DIR"])
        if stamp is None or stamp == holder.stamp or holder.assistant is None:
            return
        fresh = holder.assistant.reload_index(app.config["INDEX_DIR"], app.config["CORPUS_DIR"])
        if fresh is not None:
            holder.assistant, holder.stamp = fresh, stamp
    finally:
        holder.refreshing.release()


def set_assistant(app: Flask, assistant) -> None:
    """Install a ready assistant (tests, or a process that loaded it already)."""
    holder = _holder(app)
    holder.assistant = assistant
    holder.stamp = index_stamp(app.config["INDEX_DIR"])
    holder.error = None
    holder.thread = threading.current_thread()
    holder.ready.set()
