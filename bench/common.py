"""What every benchmark shares: percentiles, the machine's state, tables, JSON results,
and the few HTTP steps a browser does (CSRF token, login form)."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
ROOT = Path(__file__).resolve().parent.parent
CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def percentile(values, q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation; None for no values."""
    data = sorted(values)
    if not data:
        return None
    if len(data) == 1:
        return float(data[0])
    pos = (len(data) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return float(data[low] + (data[high] - data[low]) * (pos - low))


def summary_ms(seconds) -> dict:
    """Count, median, p95, p99 and max of durations given in seconds, in milliseconds."""
    return summary([s * 1000 for s in seconds])


def summary(values) -> dict:
    """Count, median, p95, p99 and max of some values."""
    values = list(values)
    out = {"n": len(values)}
    for name, q in (("p50", 50), ("p95", 95), ("p99", 99), ("max", 100)):
        value = percentile(values, q)
        out[name] = None if value is None else round(value, 1)
    return out


def machine() -> dict:
    """Where and when: cores, load average, date, versions, commit."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True, timeout=5).stdout.strip()
    except OSError:
        commit = ""
    return {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "cores": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "platform": platform.platform(),
            "commit": commit}


def table(headers: list[str], rows: list[list]) -> str:
    """A plain-text (and Markdown) table."""
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(headers)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
                      *(line(r) for r in cells)])


def write_results(name: str, data: dict, path: str | Path | None = None) -> Path:
    """Write bench/results/<name>.json, or `path` (with the machine and the command line)."""
    RESULTS.mkdir(exist_ok=True)
    data = {"command": "python " + " ".join(["bench/" + Path(sys.argv[0]).name, *sys.argv[1:]]),
            "machine_at_start": data.pop("machine_at_start", None), "machine_at_end": machine(),
            **data}
    path = Path(path) if path else RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def csrf_token(html: str) -> str:
    """The CSRF token of the first form of a page."""
    match = CSRF_RE.search(html)
    if not match:
        raise RuntimeError("no CSRF token in the page")
    return match.group(1)


async def http_login(session, base: str, email: str, password: str) -> None:
    """Sign in through the real login form (aiohttp session with its own cookie jar)."""
    async with session.get(f"{base}/compte/connexion") as resp:
        token = csrf_token(await resp.text())
    async with session.post(f"{base}/compte/connexion", allow_redirects=False, data={
            "email": email, "password": password, "csrf_token": token}) as resp:
        if resp.status != 302:
            raise RuntimeError(f"login refused ({resp.status})")


def new_http_session(**kwargs):
    """An aiohttp session that keeps cookies for 127.0.0.1 (unsafe=True allows IP hosts)."""
    import aiohttp
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), **kwargs)


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its live descendants."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
        if p != pid:
            total += sum(tree_cpu_seconds(c) for c in _children(p))
    return total


def machine_cpu_seconds() -> float:
    """CPU time the whole machine spent busy so far (every process, every user)."""
    ticks = os.sysconf("SC_CLK_TCK")
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / ticks


async def closed_loop(request, *, clients: int, duration: float, sessions: list | None = None
                      ) -> dict:
    """`clients` loops, each awaiting `request(session, i)` (which returns an HTTP status)
    back to back for `duration` seconds; throughput, latency percentiles and failures.

    Each loop keeps its own aiohttp session (its cookies, one kept-alive connection), as a
    browser tab does. `sessions` may give them (logged-in); otherwise fresh ones are made.
    """
    import asyncio
    import time
    from collections import Counter

    import aiohttp
    own = sessions is None
    if own:
        sessions = [new_http_session(connector=aiohttp.TCPConnector(limit=1))
                    for _ in range(clients)]
    latencies, statuses = [], Counter()
    deadline = time.monotonic() + duration

    async def loop(i: int) -> None:
        while time.monotonic() < deadline:
            start = time.monotonic()
            try:
                status = await request(sessions[i], i)
            except Exception as exc:  # noqa: BLE001 - counted, the loop goes on
                status = type(exc).__name__
            statuses[status] += 1
            latencies.append(time.monotonic() - start)

    start = time.monotonic()
    try:
        await asyncio.gather(*(loop(i) for i in range(clients)))
    finally:
        if own:
            await asyncio.gather(*(s.close() for s in sessions))
    elapsed = time.monotonic() - start
    ok = sum(n for s, n in statuses.items() if isinstance(s, int) and s < 400)
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies),
            "rps": round(ok / elapsed, 1), "latency_ms": summary_ms(latencies),
            "statuses": {str(k): v for k, v in statuses.items()}}


def tree_status(pid: int) -> dict:
    """Threads and resident memory (MiB) of a process and its descendants (/proc)."""
    threads, rss = 0, 0.0
    stack = [pid]
    while stack:
        p = stack.pop()
        stack.extend(_children(p))
        try:
            lines = Path(f"/proc/{p}/status").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith("Threads:"):
                threads += int(line.split()[1])
            elif line.startswith("VmRSS:"):
                rss += int(line.split()[1]) / 1024
    return {"threads": threads, "rss_mb": round(rss, 1)}
