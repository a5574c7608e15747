"""The participants of bench_plenary, run in a client process: python-socketio AsyncClients
(WebSocket only, as browsers are configured) that join the plenary's room, and vote over HTTP
(ballot page, CSRF token, form POST, result page) as a browser does.

Times are `time.monotonic()` (CLOCK_MONOTONIC: one clock for every process of the machine),
so the main process compares them with the moment the facilitator clicked.
"""

from __future__ import annotations

import asyncio
import random
import time

CHOICES = ("pour", "contre", "abstention")
OPEN_GRACE = 15.0      # after the first client saw the opening, how long the others may take
SETTLE = 20.0          # after the last vote, how long live counts may take to arrive
CLOSE_WAIT = 240.0     # the longest a client process waits for the closing
VOTE_TIMEOUT = 60.0    # one voter's HTTP requests, at most


class Participant:
    """One member: a Socket.IO connection and what it saw and did."""

    def __init__(self, index: int, user_id: int, cookie: str, url: str) -> None:
        self.index, self.user_id, self.cookie, self.url = index, user_id, cookie, url
        self.sio = None
        self.connected = self.joined = False
        self.connect_s = self.connected_at = self.connected_wall = None
        self.opened_at = self.closed_at = None
        self.ballot_id = None
        self.closed_payload = None
        self.voted_events, self.max_voted, self.last_voted, self.disconnects = 0, 0, 0, 0
        self.leaving = False
        self.disconnect_log: list[tuple[float, str]] = []
        self.vote_ok = False
        self.vote_error = None
        self.vote_start = self.vote_end = None
        self.post_s = None
        self.opened = asyncio.Event()
        self.closed = asyncio.Event()

    def record(self) -> dict:
        keys = ("index", "user_id", "url", "connected", "joined", "connect_s", "connected_at",
                "connected_wall", "opened_at", "closed_at", "ballot_id", "voted_events",
                "max_voted", "last_voted", "disconnects", "vote_ok", "vote_error", "vote_start",
                "vote_end", "post_s", "closed_payload", "disconnect_log")
        return {k: getattr(self, k) for k in keys}

    async def connect(self, room: str) -> None:
        import socketio
        sio = socketio.AsyncClient(reconnection=True, reconnection_attempts=5)
        self.sio = sio

        @sio.on("ballot.opened", namespace="/live")
        async def _opened(data):
            if self.opened_at is None:
                self.opened_at, self.ballot_id = time.monotonic(), data.get("ballot_id")
                self.opened.set()

        @sio.on("ballot.voted", namespace="/live")
        async def _voted(data):
            self.voted_events += 1
            self.last_voted = int(data.get("voted") or 0)
            self.max_voted = max(self.max_voted, self.last_voted)

        @sio.on("ballot.closed", namespace="/live")
        async def _closed(data):
            if self.closed_at is None:
                self.closed_at, self.closed_payload = time.monotonic(), data
                self.closed.set()

        @sio.on("disconnect", namespace="/live")
        async def _gone(*args):
            if not self.leaving:
                self.disconnects += 1
                self.disconnect_log.append((time.monotonic(), str(args[0]) if args else ""))

        @sio.on("connect", namespace="/live")
        async def _back():
            if self.connected:  # a reconnection: join the room again, as live-socket.js does
                asyncio.ensure_future(self._join(room))

        start = time.monotonic()
        await sio.connect(self.url, headers={"Cookie": f"cocon={self.cookie}"},
                          transports=["websocket"], namespaces=["/live"], wait_timeout=30)
        self.connected = True
        await self._join(room)
        self.connect_s = time.monotonic() - start
        self.connected_at, self.connected_wall = time.monotonic(), time.time()

    async def _join(self, room: str) -> None:
        # python-engineio gives up when it has sent nothing for max(interval, timeout) + 5 =
        # 30 s, i.e. when a ping is 5 s late; browsers wait interval + timeout = 45 s. Match
        # browsers, so that a loaded machine's late pings are not counted as lost clients.
        eio = self.sio.eio
        eio.ping_timeout = max(eio.ping_timeout, eio.ping_interval + eio.ping_timeout - 5)
        ack = await self.sio.call("join", {"room": room}, namespace="/live", timeout=30)
        self.joined = bool(ack and ack.get("ok"))

    async def vote(self, slug: str, ballot_id: int, connector, delay: float, rng) -> None:
        """Load the ballot page, post the form, read the page it leads to."""
        import aiohttp
        from yarl import URL

        from common import csrf_token
        await asyncio.sleep(delay)
        self.vote_start = time.monotonic()
        jar = aiohttp.CookieJar(unsafe=True)
        jar.update_cookies({"cocon": self.cookie}, response_url=URL(self.url))
        page = f"{self.url}/conseils/{slug}/scrutins/{ballot_id}"
        step = "page"
        try:
            async with aiohttp.ClientSession(connector=connector, connector_owner=False,
                                             cookie_jar=jar, timeout=aiohttp.ClientTimeout(
                                                 total=VOTE_TIMEOUT)) as http:
                async with http.get(page) as resp:
                    token = csrf_token(await resp.text())
                step, posted = "post", time.monotonic()
                async with http.post(page + "/voter", allow_redirects=False, data={
                        "choice": rng.choice(CHOICES), "csrf_token": token}) as resp:
                    await resp.read()
                    self.post_s = time.monotonic() - posted
                    location = resp.headers.get("Location", "")
                    if resp.status != 302:
                        self.vote_error = f"post: HTTP {resp.status}"
                        return
                step = "result"
                async with http.get(f"{self.url}{location}" if location.startswith("/")
                                    else location) as resp:
                    html = await resp.text()
                    if resp.status != 200:
                        self.vote_error = f"result: HTTP {resp.status}"
                    elif 'id="you-voted"' not in html:
                        self.vote_error = "result: not told recorded"
                    else:
                        self.vote_ok = True
        except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
            self.vote_error = f"{step}: {type(exc).__name__}: {exc}"[:120]
        finally:
            self.vote_end = time.monotonic()


async def _run(spec: dict, queue) -> None:
    import aiohttp
    rng = random.Random(spec["seed"])
    people = [Participant(*c) for c in spec["clients"]]
    gate = asyncio.Semaphore(spec["connect_concurrency"])

    async def connect(p):
        async with gate:
            try:
                await p.connect(spec["room"])
            except Exception as exc:  # noqa: BLE001
                p.vote_error = f"connect: {type(exc).__name__}: {exc}"[:200]

    lags: list[tuple[float, float]] = []

    async def watch_loop():  # how late this process's event loop runs (a client-side stall)
        while True:
            before = time.monotonic()
            await asyncio.sleep(0.1)
            late = time.monotonic() - before - 0.1
            if late > 0.25:
                lags.append((before, late))

    watcher = asyncio.ensure_future(watch_loop())
    start = time.monotonic()
    await asyncio.gather(*(connect(p) for p in people))
    queue.put(("ready", spec["worker"], {"connected": sum(p.connected for p in people),
                                         "joined": sum(p.joined for p in people),
                                         "seconds": time.monotonic() - start}))
    # the opening: every client waits for it; once one has it, the others get OPEN_GRACE
    waiting = [asyncio.ensure_future(p.opened.wait()) for p in people]
    first = None
    while True:
        done = sum(1 for p in people if p.opened.is_set())
        if done == len(people):
            break
        if first is None and done:
            first = time.monotonic()
        if first is not None and time.monotonic() - first > OPEN_GRACE:
            break
        if first is None and time.monotonic() - start > spec["open_timeout"]:
            break
        await asyncio.sleep(0.05)
    for task in waiting:
        task.cancel()
    ballot_id = next((p.ballot_id for p in people if p.ballot_id), spec.get("ballot_id"))
    # One connection per request. gunicorn closes idle kept-alive connections after 2 s, and
    # on a loaded machine a request written on one may meet the close: browsers then retry
    # transparently, aiohttp does not. Fresh connections keep that client artefact out.
    connector = aiohttp.TCPConnector(limit=spec["http_concurrency"], force_close=True)
    if ballot_id is not None:
        await asyncio.gather(*(p.vote(spec["slug"], ballot_id, connector,
                                      rng.uniform(0, spec["vote_window"]), rng) for p in people))
    await connector.close()
    settle = time.monotonic()
    total = spec["participants"]
    while time.monotonic() - settle < SETTLE and any(p.max_voted < total for p in people
                                                      if p.joined):
        await asyncio.sleep(0.1)
    queue.put(("voted", spec["worker"], {"ok": sum(p.vote_ok for p in people)}))
    # the closing
    start_close = time.monotonic()
    first = None
    while time.monotonic() - start_close < CLOSE_WAIT:
        done = sum(1 for p in people if p.closed.is_set() or not p.joined)
        if done == len(people):
            break
        if first is None and any(p.closed.is_set() for p in people):
            first = time.monotonic()
        if first is not None and time.monotonic() - first > OPEN_GRACE:
            break
        await asyncio.sleep(0.05)
    for p in people:
        p.leaving = True
    await asyncio.gather(*(p.sio.disconnect() for p in people if p.sio is not None),
                         return_exceptions=True)
    watcher.cancel()
    records = [p.record() for p in people]
    if records:
        records[0]["loop_lags"] = lags
    queue.put(("done", spec["worker"], records))


def _log_aborts(path: str) -> None:
    """Diagnostics (BENCH_CLIENT_LOG=file): why Engine.IO clients drop their connection."""
    import logging

    class Aborts(logging.Filter):
        def filter(self, record):
            text = record.getMessage()
            return ("abort" in text or "Unexpected" in text or "close" in text.lower()
                    or "packet PING" in text)

    handler = logging.FileHandler(path)
    handler.addFilter(Aborts())
    handler.setFormatter(logging.Formatter("%(created).3f %(name)s %(message)s"))
    for name in ("engineio.client", "socketio.client"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def run_worker(spec: dict, queue) -> None:
    """Entry point of a client process (multiprocessing, spawn)."""
    import os
    if os.environ.get("BENCH_CLIENT_LOG"):
        _log_aborts(f'{os.environ["BENCH_CLIENT_LOG"]}.{spec["worker"]}')
    asyncio.run(_run(spec, queue))
