"""bench/bench_plenary.py stops at once, naming the client process, when one dies before
reporting, instead of waiting out its timeout; what a process sent before dying still counts."""

import asyncio
import importlib.util
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_plenary.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_plenary_under_test", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(coroutine):
    """Run a coroutine on its own event loop in another thread: when the browser tests ran
    first, Playwright's synchronous API keeps an event loop running in the main thread, where
    asyncio.run() refuses to start."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_a_dead_client_process_stops_the_wait_at_once(bench):
    messages = queue.Queue()
    messages.put(("ready", 0, {"joined": 5}))
    procs = [SimpleNamespace(exitcode=None), SimpleNamespace(exitcode=-9)]
    started = time.monotonic()
    with pytest.raises(RuntimeError, match=r"client process 1 \(exit code -9\) ended before "
                                           r"reporting 'ready'"):
        run(bench._wait_all(messages, "ready", procs, timeout=60))
    assert time.monotonic() - started < 10


def test_a_report_sent_just_before_exiting_counts(bench):
    messages = queue.Queue()
    messages.put(("done", 1, ["records"]))
    procs = [SimpleNamespace(exitcode=None), SimpleNamespace(exitcode=0)]

    def later():
        time.sleep(1.5)
        messages.put(("done", 0, ["more"]))
    threading.Thread(target=later, daemon=True).start()
    got = run(bench._wait_all(messages, "done", procs, timeout=30))
    assert got == {0: ["more"], 1: ["records"]}


def test_silence_without_a_dead_process_times_out(bench):
    with pytest.raises(TimeoutError, match="did not report 'voted' in 2 s"):
        run(bench._wait_all(queue.Queue(), "voted", [SimpleNamespace(exitcode=None)], timeout=2))
