"""A plenary of N participants on the production set-up: broadcast latency, votes, no loss.

Two gunicorn processes (gthread) share PostgreSQL and Redis (bench/cluster.py); N members,
half connected to each process over Socket.IO (WebSocket only), join the plenary's room.
The facilitator, signed in through the login form, creates and opens a secret vote with the
real forms; the time until every client has seen `ballot.opened` is measured. Every member
then votes over HTTP within the vote window (ballot page, CSRF token, form, result page).
The database is checked (one participation and one secret vote per member, none twice, none
of those told "recorded" missing); the facilitator closes; the time until every client has
seen `ballot.closed` (with the result) is measured.

    python bench/bench_plenary.py                        # 500 participants
    python bench/bench_plenary.py --participants 50,200,500   # the scaling series
    python bench/bench_plenary.py --quick                # 10 participants, a smoke run

Stops by itself; prints a table and writes bench/results/plenary[-quick].json.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (csrf_token, http_login, machine, machine_cpu_seconds,  # noqa: E402
                    new_http_session, summary, summary_ms, table, tree_cpu_seconds, tree_status,
                    write_results)
from cluster import DEFAULT_PG, DEFAULT_REDIS, SECRET_KEY, Cluster  # noqa: E402
from plenary_clients import run_worker  # noqa: E402
from seed import PASSWORD, cheap_hashing, cookie_signer, seed_plenary  # noqa: E402


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", default="500",
                        help="one count, or several separated by commas (a scaling series)")
    parser.add_argument("--processes", type=int, default=2, help="gunicorn processes")
    parser.add_argument("--client-procs", type=int, default=2,
                        help="client processes sharing the participants")
    parser.add_argument("--vote-window", type=float, default=30.0,
                        help="each member votes at a random moment within this many seconds")
    parser.add_argument("--threads", type=int, default=0,
                        help="threads per server process (default: sockets per process + 100)")
    parser.add_argument("--gunicorn-config", default="",
                        help="a gunicorn config file for the servers (diagnostics)")
    parser.add_argument("--quick", action="store_true", help="10 participants, 3 s window")
    parser.add_argument("--name", default="", help="results file name (default plenary)")
    parser.add_argument("--results", default="", help="write the JSON results to this path")
    parser.add_argument("--database-url", default=DEFAULT_PG, help="PostgreSQL (emptied!)")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS, help="Redis database (emptied!)")
    parser.add_argument("--instance", default="", help="instance folder (logs, secret)")
    args = parser.parse_args(argv)
    if args.quick:
        args.participants, args.vote_window = "10", 3.0
    args.sizes = [int(x) for x in str(args.participants).split(",") if x.strip()]
    return args


async def _wait_all(queue, kind: str, procs: list, timeout: float) -> dict:
    """Wait for message `kind` from every client process; stop at once, saying which, if one
    of them died before sending it (rather than waiting out the timeout)."""
    got, deadline = {}, time.monotonic() + timeout
    loop = asyncio.get_running_loop()
    while len(got) < len(procs):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"client processes did not report {kind!r} in {timeout:.0f} s")
        try:
            message = await loop.run_in_executor(None, queue.get, True, min(left, 1.0))
        except Exception:  # queue.Empty
            dead = [w for w, proc in enumerate(procs)
                    if w not in got and proc.exitcode is not None]
            if dead:  # what it sent before dying is in the queue already: take it first
                while len(got) < len(procs):
                    try:
                        message = queue.get(True, 0.2)
                    except Exception:  # queue.Empty
                        break
                    if message[0] == kind:
                        got[message[1]] = message[2]
                dead = [w for w in dead if w not in got]
            if dead:
                codes = ", ".join(f"{w} (exit code {procs[w].exitcode})" for w in dead)
                raise RuntimeError(f"client process {codes} ended before reporting {kind!r}")
            continue
        if message[0] == kind:
            got[message[1]] = message[2]
    return got


async def _facilitator_post(http, url: str, data: dict | None = None) -> tuple[int, str, float]:
    """Post a facilitator form with the page's CSRF token; returns status, location, seconds."""
    async with http.get(url.rsplit("/", 1)[0] if url.endswith(("ouvrir", "fermer")) else url) as r:
        token = csrf_token(await r.text())
    start = time.monotonic()
    async with http.post(url, data={**(data or {}), "csrf_token": token},
                         allow_redirects=False) as resp:
        await resp.read()
        return resp.status, resp.headers.get("Location", ""), start


def _cpu(cluster, procs) -> dict:
    """CPU seconds used so far by the servers, the client processes and the whole machine."""
    return {"servers": sum(tree_cpu_seconds(p) for p in cluster.pids() if p),
            "clients": sum(tree_cpu_seconds(p.pid) for p in procs),
            "machine": machine_cpu_seconds()}


def _db_check(cluster, ballot_id: int, participant_ids: list[int]) -> dict:
    from sqlalchemy import func, select

    from cocon.proposals.voting_models import Ballot, BallotParticipation, SecretVote
    with cluster.session() as db:
        rows = db.execute(select(BallotParticipation.member_id).where(
            BallotParticipation.ballot_id == ballot_id)).scalars().all()
        secret = db.scalar(select(func.count()).select_from(SecretVote).where(
            SecretVote.ballot_id == ballot_id))
        ballot = db.get(Ballot, ballot_id)
        members = Counter(rows)
        return {"participations": len(rows), "distinct_members": len(members),
                "doubled": sum(c - 1 for c in members.values() if c > 1),
                "secret_votes": secret, "strangers": len(set(members) - set(participant_ids)),
                "opened": ballot.opened_at is not None, "closed": ballot.closed_at is not None,
                "result": ballot.result, "voters": set(members)}


async def run_size(cluster: Cluster, n: int, args, signer) -> dict:
    from cocon.db import utcnow
    with cluster.session() as db:
        world = seed_plenary(db, n, now=utcnow())
    urls = cluster.urls
    clients = [(i, uid, signer(tok), urls[i % len(urls)])
               for i, (uid, tok) in enumerate(zip(world.participant_ids, world.tokens))]
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    procs = []
    for w in range(args.client_procs):
        spec = {"worker": w, "clients": clients[w::args.client_procs], "seed": 1000 * n + w,
                "room": f"plenary:{world.plenary_id}", "slug": world.slug, "participants": n,
                "vote_window": args.vote_window, "connect_concurrency": 20,
                "http_concurrency": 64, "open_timeout": 600}
        procs.append(ctx.Process(target=run_worker, args=(spec, queue), daemon=True))
        procs[-1].start()
    try:
        ready = await _wait_all(queue, "ready", procs, 600)
        connected = sum(r["connected"] for r in ready.values())
        joined = sum(r["joined"] for r in ready.values())
        connect_s = max(r["seconds"] for r in ready.values())
        base = urls[0]
        async with new_http_session() as http:
            await http_login(http, base, world.facilitator_email, PASSWORD)
            plenary_url = f"{base}/conseils/{world.slug}/seances/{world.plenary_id}/scrutins"
            status, location, _ = await _facilitator_post(http, plenary_url, {
                "item_id": str(world.item_id), "question": "Adopter la délibération ?",
                "method": "simple_majority", "secret": "y"})
            if status != 302 or "/scrutins/" not in location:
                raise RuntimeError(f"the vote was not created ({status} {location})")
            ballot_id = int(location.rstrip("/").rsplit("/", 1)[1])
            ballot_url = f"{base}/conseils/{world.slug}/scrutins/{ballot_id}"
            await asyncio.sleep(1.0)
            cpu_before = _cpu(cluster, procs)
            status, _, t_open = await _facilitator_post(http, ballot_url + "/ouvrir")
            open_click_s = time.monotonic() - t_open
            voted = await _wait_all(queue, "voted", procs, args.vote_window + 300)
            cpu = {k: round(v - cpu_before[k], 1) for k, v in _cpu(cluster, procs).items()}
            cpu["wall"] = round(time.monotonic() - t_open, 1)
            servers = [tree_status(p) for p in cluster.pids() if p]
            before_close = await asyncio.to_thread(_db_check, cluster, ballot_id,
                                                   world.participant_ids)
            status_close, _, t_close = await _facilitator_post(http, ballot_url + "/fermer")
            close_click_s = time.monotonic() - t_close
        done = await _wait_all(queue, "done", procs, 600)
    finally:
        for proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()
    records = [r for part in done.values() for r in part]
    after_close = await asyncio.to_thread(_db_check, cluster, ballot_id, world.participant_ids)
    figures = _figures(n, records, world, connected, joined, connect_s, t_open, open_click_s,
                       t_close, close_click_s, before_close, after_close,
                       sum(v["ok"] for v in voted.values()))
    figures["cpu_seconds_open_to_last_vote"] = cpu
    figures["server_processes_after_votes"] = servers
    return figures


def _figures(n, records, world, connected, joined, connect_s, t_open, open_click_s, t_close,
             close_click_s, before, after, ok_votes) -> dict:
    opened = [r["opened_at"] - t_open for r in records if r["opened_at"]]
    closed = [r["closed_at"] - t_close for r in records if r["closed_at"]]
    told = {r["user_id"] for r in records if r["vote_ok"]}
    errors = Counter(r["vote_error"] for r in records if r["vote_error"])
    ends = [r["vote_end"] for r in records if r["vote_end"]]
    lags = [lag for r in records for lag in r.get("loop_lags", [])]
    results_in_event = sum(1 for r in records if (r["closed_payload"] or {}).get("result"))
    return {
        "participants": n, "connected": connected, "joined": joined,
        "connect_seconds": round(connect_s, 2),
        "open_click_ms": round(open_click_s * 1000, 1), "open_broadcast_ms": summary_ms(opened),
        "open_missed": joined - len(opened),
        "votes_told_recorded": len(told), "vote_errors": dict(errors),
        "vote_post_ms": summary_ms([r["post_s"] for r in records if r["post_s"]]),
        "last_vote_after_open_s": round(max(ends) - t_open, 2) if ends else None,
        "live_counts_complete": sum(1 for r in records
                                    if r["max_voted"] >= before["participations"]),
        "live_counts_last_is_final": sum(1 for r in records
                                         if r["last_voted"] >= before["participations"]),
        "live_count_events_per_client": summary(r["voted_events"] for r in records),
        "live_count_highest_seen": summary(r["max_voted"] for r in records),
        "live_count_last_seen": summary(r["last_voted"] for r in records),
        "db_participations": before["participations"], "db_secret_votes": before["secret_votes"],
        "db_doubled": before["doubled"], "db_strangers": before["strangers"],
        "lost_told_recorded": len(told - before["voters"]),
        "recorded_not_told": len(before["voters"] - told),
        "db_after_close": {k: after[k] for k in ("participations", "secret_votes", "doubled",
                                                   "closed")},
        "result_ballots": ((after["result"] or {}).get("counts") or {}).get("ballots"),
        "result": after["result"],
        "close_click_ms": round(close_click_s * 1000, 1), "close_broadcast_ms": summary_ms(closed),
        "close_missed": joined - len(closed), "result_in_closing_event": results_in_event,
        "client_loop_stalls_s": {"count": len(lags),
                                 "max": round(max((l for _, l in lags), default=0), 2),
                                 "total": round(sum(l for _, l in lags), 2),
                                 "worst": sorted(((round(t - t_open, 1), round(l, 2))
                                                  for t, l in lags), key=lambda x: -x[1])[:8]},
        "disconnects": sum(r["disconnects"] for r in records),
        "disconnect_reasons": dict(Counter(reason for r in records
                                           for _, reason in r["disconnect_log"])),
        "disconnect_after_open_s": summary_ms([t - t_open for r in records
                                               for t, _ in r["disconnect_log"]]),
    }


def print_figures(runs: list[dict]) -> None:
    print(table(
        ["N", "joined", "open p50/p95/max ms", "votes ok", "vote POST p50/p95 ms", "last vote s",
         "DB rows", "doubled", "lost", "close p50/p95/max ms", "live counts", "disc."],
        [[r["participants"], r["joined"],
          "/".join(str(r["open_broadcast_ms"][k]) for k in ("p50", "p95", "max")),
          r["votes_told_recorded"],
          f'{r["vote_post_ms"]["p50"]}/{r["vote_post_ms"]["p95"]}', r["last_vote_after_open_s"],
          r["db_participations"], r["db_doubled"], r["lost_told_recorded"],
          "/".join(str(r["close_broadcast_ms"][k]) for k in ("p50", "p95", "max")),
          f'{r["live_counts_complete"]}/{r["joined"]}', r["disconnects"]] for r in runs]))
    for r in runs:
        if r["vote_errors"] or r["open_missed"] or r["close_missed"]:
            print(f'N={r["participants"]}: errors {r["vote_errors"]}, missed opening '
                  f'{r["open_missed"]}, missed closing {r["close_missed"]}')


async def main_async(args) -> list[dict]:
    cheap_hashing()
    signer = cookie_signer(SECRET_KEY)
    per_process = -(-max(args.sizes) // args.processes)
    threads = args.threads or per_process + 100
    runs = []
    extra = ["--config", args.gunicorn_config] if args.gunicorn_config else []
    with Cluster(processes=args.processes, threads=threads, gunicorn_args=extra,
                 database_url=args.database_url, redis_url=args.redis_url,
                 instance=Path(args.instance) if args.instance else None) as cluster:
        for n in args.sizes:
            print(f"-- {n} participants on {args.processes} processes x {threads} threads",
                  flush=True)
            runs.append(await run_size(cluster, n, args, signer))
            print_figures(runs[-1:])
    return runs, threads


def main(argv=None) -> int:
    args = parse_args(argv)
    start = machine()
    runs, threads = asyncio.run(main_async(args))
    print()
    print_figures(runs)
    name = args.name or ("plenary-quick" if args.quick else "plenary")
    path = write_results(name, {"machine_at_start": start, "server_processes": args.processes,
                                "threads_per_process": threads,
                                "client_processes": args.client_procs,
                                "vote_window_s": args.vote_window, "runs": runs},
                         path=args.results or None)
    print(f"results: {path}")
    bad = [r for r in runs if r["lost_told_recorded"] or r["db_doubled"]
           or r["db_participations"] != r["votes_told_recorded"] + r["recorded_not_told"]]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
