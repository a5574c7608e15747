"""Socket.IO's Redis message queue, reconnecting at most five seconds apart after an outage.

python-socketio's RedisManager doubles its wait after each failed reconnection, up to 60 s:
after Redis has been away for 20 s, live updates came back 11 s after Redis did, and after a
few minutes up to a minute late (measured by tests/integration/faults/test_faults_redis.py).
Pages and ballots never depended on it, but a plenary's screens would stay frozen that long.
Here the wait still grows (1, 2, 4 s) and then stays at MAX_RETRY_SECONDS: one connection
attempt every five seconds per server process is nothing for Redis.

This overrides one private method of python-socketio (pinned below 6 in pyproject.toml);
tests/unit/test_live_queue.py fails if a release renames it.
"""

from __future__ import annotations

import time

import socketio

MAX_RETRY_SECONDS = 5


def retry_delays():
    """1, 2, 4, then MAX_RETRY_SECONDS for ever."""
    delay = 1
    while True:
        yield delay
        delay = min(delay * 2, MAX_RETRY_SECONDS)


class RedisQueue(socketio.RedisManager):
    """RedisManager whose listener retries at most MAX_RETRY_SECONDS apart."""

    def _redis_listen_with_retries(self):  # pragma: no cover - exercised by the fault test
        delays = retry_delays()
        subscribed = False
        while True:
            try:
                if not subscribed:
                    self._redis_connect()
                    self.pubsub.subscribe(self.channel)
                    subscribed = True
                    delays = retry_delays()
                yield from self.pubsub.listen()
            except Exception as exc:  # noqa: BLE001 - any failure: reconnect
                delay = next(delays)
                self._get_logger().error("Cannot receive from redis... retrying in %s secs",
                                         delay, extra={"redis_exception": str(exc)})
                subscribed = False
                time.sleep(delay)


def client_manager(url: str | None, channel: str):
    """The manager for a message-queue URL: ours for Redis, None to let Flask-SocketIO choose
    for another kind (Kombu, Kafka) or when there is no queue."""
    if url and url.split(":", 1)[0] in ("redis", "rediss", "unix"):
        return RedisQueue(url, channel=channel)
    return None
