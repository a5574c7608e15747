"""bench/bench_plenary.py works: 10 participants on two gunicorn processes, PostgreSQL and
Redis, every one sees the vote open, votes once, and sees it close with its result."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PG_URL = os.environ.get("COCON_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("COCON_TEST_REDIS_URL")
BENCH = Path(__file__).resolve().parents[2] / "bench"

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow,
              pytest.mark.skipif(not (PG_URL and REDIS_URL),
                                 reason="COCON_TEST_DATABASE_URL and COCON_TEST_REDIS_URL")]


def test_the_plenary_benchmark_runs_and_loses_nothing(tmp_path):
    # a database of its own next to the test database: the cluster empties it
    database = re.sub(r"^postgres(ql)?(\+psycopg)?://", "postgresql://", PG_URL) + "_bench"
    results = tmp_path / "plenary.json"
    # as a user runs it: its own process (and event loop), bounded in time
    done = subprocess.run(
        [sys.executable, str(BENCH / "bench_plenary.py"), "--quick", "--database-url", database,
         "--redis-url", REDIS_URL, "--results", str(results), "--instance", str(tmp_path)],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    run = json.loads(results.read_text())["runs"][0]
    assert run["participants"] == run["joined"] == 10
    assert run["open_broadcast_ms"]["n"] == 10 and run["open_missed"] == 0
    assert run["votes_told_recorded"] == run["db_participations"] == run["db_secret_votes"] == 10
    assert run["db_doubled"] == 0 and run["lost_told_recorded"] == 0
    assert run["close_broadcast_ms"]["n"] == 10 and run["result_ballots"] == 10
    assert run["result_in_closing_event"] == 10 and run["live_counts_complete"] == 10
