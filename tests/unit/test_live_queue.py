"""The Redis message queue reconnects at most five seconds apart (webapp/live_queue.py)."""

from itertools import islice

import pytest
import socketio

from webapp import create_app, live_queue
from webapp.live_queue import MAX_RETRY_SECONDS, RedisQueue, client_manager, retry_delays


def test_the_wait_grows_then_stays_at_five_seconds():
    assert list(islice(retry_delays(), 7)) == [1, 2, 4, 5, 5, 5, 5]
    assert MAX_RETRY_SECONDS == 5


def test_the_overridden_method_still_exists_upstream():
    """If python-socketio renames it, our override would silently do nothing."""
    assert callable(getattr(socketio.RedisManager, "_redis_listen_with_retries", None))
    assert RedisQueue._redis_listen_with_retries is not \
        socketio.RedisManager._redis_listen_with_retries


@pytest.mark.parametrize("url, ours", [("redis://127.0.0.1:6379/0", True),
                                       ("rediss://cache.example:6380/1", True),
                                       ("unix:///run/redis.sock", True),
                                       ("amqp://guest@127.0.0.1//", False), (None, False),
                                       ("", False)])
def test_the_manager_for_each_kind_of_queue(url, ours):
    manager = client_manager(url, "cocon-test")
    assert isinstance(manager, RedisQueue) is ours
    if ours:
        assert manager.channel == "cocon-test"


class _PubSub:
    def __init__(self, messages):
        self.messages = messages

    def subscribe(self, channel):
        self.channel = channel

    def listen(self):
        yield from self.messages


def test_after_an_outage_it_retries_1_2_4_5_5_seconds_then_listens_again(monkeypatch):
    queue = RedisQueue("redis://127.0.0.1:1/0", channel="cocon-test")
    failures = iter(range(5))
    slept = []

    def connect():
        if next(failures, None) is not None:
            raise ConnectionError("Redis is away")
        queue.pubsub = _PubSub([{"type": "message", "data": b"back"}])
    monkeypatch.setattr(queue, "_redis_connect", connect)
    monkeypatch.setattr(live_queue.time, "sleep", slept.append)
    messages = queue._redis_listen_with_retries()
    assert next(messages) == {"type": "message", "data": b"back"}
    assert slept == [1, 2, 4, 5, 5]


def test_the_application_uses_it_when_the_queue_is_redis(tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'q.sqlite3'}",
                      "SECRET_KEY": "x", "INSTANCE_PATH": str(tmp_path),
                      "SOCKETIO_MESSAGE_QUEUE": "redis://127.0.0.1:6379/15",
                      "SOCKETIO_CHANNEL": "cocon-unit"})
    manager = app.extensions["socketio"].server.manager
    assert isinstance(manager, RedisQueue) and manager.channel == "cocon-unit"
    app.extensions["cocon_engine"].dispose()
