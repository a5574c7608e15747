"""Live counters sent at most every half second: the first change at once, the latest after.

Each vote in a plenary announces the new count of voters to the whole room. With 500
members voting within half a minute, one message per vote means 500 broadcasts of 500
messages: 250,000 WebSocket frames that two cores cannot push in time (measured with
bench/bench_plenary.py: live counts fell behind, pings were late, every socket dropped).
A counter only needs its latest value, so per process and per counter the first event goes
out at once and the others within `INTERVAL`, only the latest of them. Counts never go down
on the page (votes-live.js keeps the highest), so two processes interleaving is harmless.
Public ballots name each voter in their event: those are sent one by one, as before.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

from cocon.events import Event

INTERVAL = 0.5
# event name -> (the payload field that tells two counters of one room apart, the count)
THROTTLED = {"ballot.voted": ("ballot_id", "voted")}


class Throttle:
    """Coalesce events of the THROTTLED kinds; send the others straight away."""

    def __init__(self, send: Callable[[Event], None], interval: float = INTERVAL) -> None:
        self.send, self.interval = send, interval
        self.lock = threading.Lock()
        self.last_sent: dict[tuple, float] = {}
        self.pending: dict[tuple, Event] = {}

    def offer(self, event: Event) -> None:
        """Send now, or keep as the latest value of its counter until the interval is over."""
        fields = THROTTLED.get(event.name)
        if fields is None or "voter" in event.payload:  # a roll-call line is not a counter
            self.send(event)
            return
        key = (event.name, event.room, event.payload.get(fields[0]))
        with self.lock:
            if key in self.pending:  # a flush is already planned: it carries the highest count
                kept = self.pending[key].payload.get(fields[1]) or 0
                if (event.payload.get(fields[1]) or 0) >= kept:
                    self.pending[key] = event
                return
            wait = self.last_sent.get(key, 0.0) + self.interval - time.monotonic()
            if wait > 0:
                self.pending[key] = event
                timer = threading.Timer(wait, self._flush, args=(key,))
                timer.daemon = True
                timer.start()
                return
            self.last_sent[key] = time.monotonic()
            if len(self.last_sent) > 10_000:  # forget long-finished counters
                self._forget_old()
        self.send(event)

    def _flush(self, key: tuple) -> None:
        with self.lock:
            event = self.pending.pop(key, None)
            self.last_sent[key] = time.monotonic()
        if event is not None:
            self.send(event)

    def _forget_old(self) -> None:
        horizon = time.monotonic() - 60 * self.interval
        for key in [k for k, t in self.last_sent.items() if t < horizon]:
            del self.last_sent[key]
