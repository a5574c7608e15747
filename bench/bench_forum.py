"""The forum under load on the production set-up, compared with a bare Flask route.

Two gunicorn processes (gthread, as in production) serve cocon on PostgreSQL and Redis; two
more serve bench/bare_app.py, a Flask route rendering a template of the same size (the same
posts) with nothing else. 16 clients, each signed in as a member and keeping its connection,
request back to back for a bounded time:

- the page of a 50-post thread (cocon) and the bare page, alternated twice;
- posting a reply (the form POST, CSRF token included; the answer is a redirect);
- then, for each forum size (10,000 and 100,000 posts by default), the same thread page,
  a 1,000-post thread, and the search page for a frequent, a less frequent and a rare word.

Rate limits are off for this run (COCON_RATELIMIT_ENABLED=0): 16 clients posting as fast as
they can would otherwise be refused after 12 posts a minute each, which is the point of them.

    python bench/bench_forum.py                 # 20 s per measure, 10,000 and 100,000 posts
    python bench/bench_forum.py --quick         # 3 s per measure, 1,000 posts

Stops by itself; prints tables and writes bench/results/forum[-quick].json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster import SECRET_KEY, Cluster  # noqa: E402
from common import (closed_loop, csrf_token, machine, new_http_session, table,  # noqa: E402
                    tree_cpu_seconds, write_results)
from seed import (WORDS, bulk_posts, cheap_hashing, cookie_signer,  # noqa: E402
                  seed_forum_base)

SEARCHES = {"frequent": "coopérative", "less frequent": "point", "rare": "Fil 5000"}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per measure")
    parser.add_argument("--sizes", default="10000,100000", help="forum sizes, in posts")
    parser.add_argument("--threads", type=int, default=100, help="threads per server process")
    parser.add_argument("--quick", action="store_true", help="3 s per measure, 1,000 posts")
    args = parser.parse_args(argv)
    if args.quick:
        args.duration, args.sizes = 3.0, "1000"
    args.sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    return args


def _cpu(cluster) -> float:
    return sum(tree_cpu_seconds(p) for p in cluster.pids() if p)


async def measure(cluster, request, *, clients: int, duration: float, sessions=None) -> dict:
    """One closed-loop measure, with the servers' CPU time per request."""
    before = _cpu(cluster)
    result = await closed_loop(request, clients=clients, duration=duration, sessions=sessions)
    used = _cpu(cluster) - before
    result["server_cpu_ms_per_request"] = round(1000 * used / max(result["requests"], 1), 2)
    return result


def getter(urls: list[str], path: str):
    async def request(session, i):
        async with session.get(urls[i % len(urls)] + path) as resp:
            await resp.read()
            return resp.status
    return request


async def member_sessions(world, urls, signer, count: int, thread_path: str):
    """Signed-in sessions (one member each), with the CSRF token of the thread's form."""
    import aiohttp
    from yarl import URL
    sessions, tokens = [], []
    for i in range(count):
        session = new_http_session(connector=aiohttp.TCPConnector(limit=1))
        for url in urls:
            session.cookie_jar.update_cookies({"cocon": signer(world.tokens[i])},
                                              response_url=URL(url))
        async with session.get(urls[i % len(urls)] + thread_path) as resp:
            html = await resp.text()
            if 'name="body"' not in html:
                raise RuntimeError("the member cannot write in the thread")
            tokens.append(csrf_token(html))
        sessions.append(session)
    return sessions, tokens


def poster(urls, path, tokens):
    rng = random.Random(5)

    async def request(session, i):
        body = " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "."
        async with session.post(urls[i % len(urls)] + path, allow_redirects=False, data={
                "body": body, "reply_to": "", "csrf_token": tokens[i]}) as resp:
            await resp.read()
            return resp.status if resp.status == 302 else 500 + resp.status
    return request


def _bare_posts(cluster, world, path: Path) -> None:
    """The read thread's posts, for the bare app to render the same content."""
    from cocon.workshops.forum import list_posts
    from cocon.workshops.models import Thread
    with cluster.session() as db:
        posts = list_posts(db, db.get(Thread, world.read_thread_id))
        data = [{"author": p.author.display_name, "created_at": p.created_at.isoformat(),
                 "html": p.body_html} for p in posts]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


async def page_bytes(url: str, session=None) -> int:
    own = session is None
    session = session or new_http_session()
    try:
        async with session.get(url) as resp:
            return len(await resp.read())
    finally:
        if own:
            await session.close()


async def main_async(args) -> dict:
    from sqlalchemy import text

    from cocon.db import utcnow
    from cocon.workshops.forum import start_thread
    from cocon.workshops.models import Workshop
    from cocon.accounts.models import User
    cheap_hashing()
    signer = cookie_signer(SECRET_KEY)
    out: dict = {"clients": args.clients, "duration_s": args.duration, "sizes": []}
    with Cluster(processes=2, threads=args.threads, ratelimits=False) as cocon:
        now = utcnow()
        print("seeding the forum…", flush=True)
        with cocon.session() as db:
            world = seed_forum_base(db, members=max(40, args.clients), now=now)
            bulk_posts(db, world, 49, thread_id=world.read_thread_id, now=now)
            long = start_thread(db, db.get(Workshop, world.workshop_id),
                                author=db.get(User, world.member_ids[2]), title="Un très long fil",
                                body="Le premier message.", now=now).post.thread.id
            db.commit()
            world.total_posts += 1
            bulk_posts(db, world, 999, thread_id=long, now=now)
            started = time.monotonic()
            bulk_posts(db, world, max(0, args.sizes[0] - world.total_posts), now=now)
            out["seed_seconds_first_size"] = round(time.monotonic() - started, 1)
        base = f"/conseils/{world.slug}/ateliers/{world.workshop_id}/fils/"
        read_path, post_path = base + str(world.read_thread_id), base + str(world.post_thread_id)
        posts_file = cocon.instance / "bare_posts.json"
        _bare_posts(cocon, world, posts_file)
        urls = cocon.urls
        sessions, tokens = await member_sessions(world, urls, signer, args.clients, post_path)
        try:
            with Cluster(processes=2, threads=args.threads, app="bare_app:app", fresh=False,
                         extra_env={"BARE_POSTS_FILE": str(posts_file)}) as bare:
                out["page_bytes"] = {"cocon_thread": await page_bytes(urls[0] + read_path,
                                                                      sessions[0]),
                                     "bare": await page_bytes(bare.urls[0] + "/fil")}
                runs = {"cocon thread page": [], "bare page": []}
                for _ in range(2):  # alternated: the machine's other load hits both alike
                    print("thread page / bare page…", flush=True)
                    runs["cocon thread page"].append(await measure(
                        cocon, getter(urls, read_path), clients=args.clients,
                        duration=args.duration, sessions=sessions))
                    runs["bare page"].append(await measure(
                        bare, getter(bare.urls, "/fil"), clients=args.clients,
                        duration=args.duration))
                out["compare"] = runs
            print("posting…", flush=True)
            out["posting"] = await measure(cocon, poster(urls, post_path, tokens),
                                           clients=args.clients, duration=args.duration,
                                           sessions=sessions)
            for size in args.sizes:
                if size > world.total_posts:
                    print(f"growing the forum to {size} posts…", flush=True)
                    with cocon.session() as db:
                        bulk_posts(db, world, size - world.total_posts, now=now)
                        db.execute(text("ANALYZE"))
                        db.commit()
                print(f"forum of {world.total_posts} posts…", flush=True)
                entry = {"posts": world.total_posts, "thread_page": await measure(
                    cocon, getter(urls, read_path), clients=args.clients,
                    duration=args.duration, sessions=sessions)}
                for label, page in (("long thread (1,000 posts), page 1", ""),
                                    ("long thread (1,000 posts), last page", "?page=20")):
                    entry[label] = await measure(
                        cocon, getter(urls, base + str(long) + page), clients=4,
                        duration=args.duration / 2, sessions=sessions[:4])
                for label, words in SEARCHES.items():
                    entry[f"search {label}"] = await measure(
                        cocon, getter(urls, f"/recherche?q={quote(words)}"), clients=4,
                        duration=args.duration / 2, sessions=sessions[:4])
                out["sizes"].append(entry)
        finally:
            await asyncio.gather(*(s.close() for s in sessions))
    return out


def _mean(runs: list[dict], key: str) -> float:
    return round(sum(r[key] for r in runs) / len(runs), 1)


def report(out: dict) -> None:
    compare = out["compare"]
    cocon_rps, bare_rps = _mean(compare["cocon thread page"], "rps"), _mean(compare["bare page"],
                                                                            "rps")
    cocon_cpu = _mean(compare["cocon thread page"], "server_cpu_ms_per_request")
    bare_cpu = _mean(compare["bare page"], "server_cpu_ms_per_request")
    out["ratio"] = {"rps_bare_over_cocon": round(bare_rps / max(cocon_rps, 0.1), 1),
                    "cpu_cocon_over_bare": round(cocon_cpu / max(bare_cpu, 0.01), 1)}
    rows = []
    for label, runs in (*compare.items(), ("posting (POST, redirect)", [out["posting"]])):
        for r in runs:
            rows.append([label, r["requests"], r["rps"], r["latency_ms"]["p50"],
                         r["latency_ms"]["p95"], r["latency_ms"]["p99"],
                         r["server_cpu_ms_per_request"], r["statuses"]])
    print(table(["measure", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms",
                 "server CPU ms/req", "statuses"], rows))
    print(f"page sizes: {out['page_bytes']}; bare/cocon throughput ratio "
          f"{out['ratio']['rps_bare_over_cocon']}, cocon/bare CPU per page "
          f"{out['ratio']['cpu_cocon_over_bare']}")
    rows = []
    for entry in out["sizes"]:
        for key, r in entry.items():
            if isinstance(r, dict):
                rows.append([entry["posts"], key, r["clients"], r["rps"], r["latency_ms"]["p50"],
                             r["latency_ms"]["p95"], r["server_cpu_ms_per_request"],
                             r["statuses"]])
    print(table(["forum posts", "measure", "clients", "req/s", "p50 ms", "p95 ms",
                 "server CPU ms/req", "statuses"], rows))


def main(argv=None) -> int:
    args = parse_args(argv)
    start = machine()
    out = asyncio.run(main_async(args))
    report(out)
    path = write_results("forum-quick" if args.quick else "forum",
                         {"machine_at_start": start, **out})
    print(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
