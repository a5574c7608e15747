"""Live counters: the first change at once, then only the latest, at most every interval."""

import threading
import time

from cocon.events import Event
from webapp.live_throttle import Throttle


def _collect(interval=0.2):
    sent, lock = [], threading.Lock()

    def send(event):
        with lock:
            sent.append(event)

    return Throttle(send, interval=interval), sent


def _voted(n, ballot=1, **extra):
    return Event("ballot.voted", "plenary:7", {"ballot_id": ballot, "voted": n, **extra})


def test_other_events_go_out_at_once_and_in_order():
    throttle, sent = _collect()
    events = [Event("ballot.opened", "plenary:7", {"ballot_id": 1}),
              Event("post.created", "thread:3", {"id": 5}),
              Event("ballot.closed", "plenary:7", {"ballot_id": 1})]
    for event in events:
        throttle.offer(event)
    assert sent == events


def test_a_burst_of_counts_sends_the_first_at_once_and_the_latest_soon_after():
    throttle, sent = _collect(interval=0.2)
    for n in range(1, 51):
        throttle.offer(_voted(n))
    assert [e.payload["voted"] for e in sent] == [1]
    time.sleep(0.5)
    assert [e.payload["voted"] for e in sent] == [1, 50]
    throttle.offer(_voted(51))  # a quiet counter: again at once
    assert [e.payload["voted"] for e in sent] == [1, 50, 51]


def test_each_ballot_has_its_own_counter():
    throttle, sent = _collect(interval=0.2)
    throttle.offer(_voted(1, ballot=1))
    throttle.offer(_voted(1, ballot=2))
    throttle.offer(_voted(2, ballot=1))
    assert [(e.payload["ballot_id"], e.payload["voted"]) for e in sent] == [(1, 1), (2, 1)]
    time.sleep(0.5)
    assert [(e.payload["ballot_id"], e.payload["voted"]) for e in sent] == [(1, 1), (2, 1), (1, 2)]


def test_public_ballots_name_every_voter_one_by_one():
    throttle, sent = _collect()
    for n, name in enumerate(["Alice", "Bob", "Chloé"], 1):
        throttle.offer(_voted(n, voter=name, choice="pour"))
    assert [e.payload["voter"] for e in sent] == ["Alice", "Bob", "Chloé"]


def test_counts_arriving_out_of_order_keep_the_highest():
    throttle, sent = _collect(interval=0.2)
    for n in (1, 5, 7, 6, 3):
        throttle.offer(_voted(n))
    time.sleep(0.5)
    assert [e.payload["voted"] for e in sent] == [1, 7]
