"""The assistant under concurrent questions, on the production set-up.

Two gunicorn processes (gthread) share PostgreSQL and Redis; the index is built first with
`cocon ingest` in the cluster's instance folder. Then 1, 4 and 16 clients ask questions of
bench/assistant_questions.jsonl through the JSON API (POST /api/assistant/ask) back to back
for a bounded time: throughput, latency percentiles, the servers' CPU time per question.

Rate limits are off for this run (COCON_RATELIMIT_ENABLED=0): every client comes from
127.0.0.1, and the API allows 20 questions a minute per address, which is the point of it.

    python bench/bench_assistant_load.py            # 30 s per level: 1, 4, 16 clients
    python bench/bench_assistant_load.py --quick    # 4 s per level

Stops by itself; prints a table and writes bench/results/assistant-load[-quick].json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster import Cluster  # noqa: E402
from common import closed_loop, machine, table, tree_cpu_seconds, write_results  # noqa: E402

QUESTIONS = Path(__file__).with_name("assistant_questions.jsonl")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="1,4,16", help="simultaneous clients")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per level")
    parser.add_argument("--threads", type=int, default=100, help="threads per server process")
    parser.add_argument("--quick", action="store_true", help="4 s per level")
    args = parser.parse_args(argv)
    if args.quick:
        args.duration = 4.0
    args.levels = [int(x) for x in args.levels.split(",") if x.strip()]
    return args


def questions() -> list[str]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def asker(urls: list[str], asked: list[str]):
    counter = {"n": 0, "abstained": 0}

    async def request(session, i):
        n = counter["n"]
        counter["n"] += 1
        async with session.post(urls[i % len(urls)] + "/api/assistant/ask",
                                json={"question": asked[n % len(asked)]}) as resp:
            data = await resp.json(content_type=None)
            if resp.status == 200 and data.get("abstained"):
                counter["abstained"] += 1
            return resp.status
    return request, counter


async def warm_up(urls: list[str], timeout: float = 300) -> float:
    """Ask each server once, until it answers (it loads its index on the first question)."""
    import aiohttp
    start = time.monotonic()
    async with aiohttp.ClientSession() as session:
        for url in urls:
            while True:
                async with session.post(url + "/api/assistant/ask",
                                        json={"question": "Qu'est-ce qu'une SCIC ?"}) as resp:
                    await resp.read()
                    if resp.status == 200:
                        break
                    if resp.status != 503 or time.monotonic() - start > timeout:
                        raise RuntimeError(f"the assistant does not answer ({resp.status})")
                await asyncio.sleep(1)
    return time.monotonic() - start


async def main_async(args) -> dict:
    asked = questions()
    out = {"questions_file": QUESTIONS.name, "distinct_questions": len(asked), "levels": []}
    with Cluster(processes=2, threads=args.threads, ratelimits=False) as cluster:
        started = time.monotonic()
        built = cluster.cocon("ingest", timeout=3600)
        out["ingest"] = {"seconds": round(time.monotonic() - started, 1),
                         "said": built.stdout.strip().splitlines()[-1:]}
        out["warm_up_seconds"] = round(await warm_up(cluster.urls), 1)
        for clients in args.levels:
            print(f"{clients} simultaneous clients…", flush=True)
            request, counter = asker(cluster.urls, asked)
            before = sum(tree_cpu_seconds(p) for p in cluster.pids() if p)
            result = await closed_loop(request, clients=clients, duration=args.duration)
            used = sum(tree_cpu_seconds(p) for p in cluster.pids() if p) - before
            result["server_cpu_ms_per_question"] = round(1000 * used / max(result["requests"], 1),
                                                         1)
            result["abstained"] = counter["abstained"]
            out["levels"].append(result)
    return out


def report(out: dict) -> None:
    print(table(["clients", "questions", "questions/s", "p50 ms", "p95 ms", "p99 ms", "max ms",
                 "server CPU ms/question", "statuses"],
                [[r["clients"], r["requests"], r["rps"], r["latency_ms"]["p50"],
                  r["latency_ms"]["p95"], r["latency_ms"]["p99"], r["latency_ms"]["max"],
                  r["server_cpu_ms_per_question"], r["statuses"]] for r in out["levels"]]))


def main(argv=None) -> int:
    args = parse_args(argv)
    start = machine()
    out = asyncio.run(main_async(args))
    report(out)
    path = write_results("assistant-load-quick" if args.quick else "assistant-load",
                         {"machine_at_start": start, **out})
    print(f"results: {path}")
    return 0 if all(set(r["statuses"]) == {"200"} for r in out["levels"]) else 1


if __name__ == "__main__":
    sys.exit(main())
