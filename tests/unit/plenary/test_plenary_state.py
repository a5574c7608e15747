from datetime import datetime, timedelta, timezone

import pytest

from cocon.council.plenary.state import PlenaryState, opening_allowed, plenary_state

from plenary_fakes import T0, council, plenary


def test_a_new_session_is_a_draft():
    assert plenary_state(plenary(council([]))) == PlenaryState.DRAFT


def test_the_state_follows_the_timestamps_in_order():
    p = plenary(council([]), convened=T0)
    assert plenary_state(p) == PlenaryState.CONVENED
    p.opened_at = T0
    assert plenary_state(p) == PlenaryState.OPEN
    p.closed_at = T0
    assert plenary_state(p) == PlenaryState.CLOSED


@pytest.mark.parametrize("moment, allowed", [
    (datetime(2026, 11, 23, 6, 0, tzinfo=timezone.utc), True),     # same morning in Paris
    (datetime(2026, 11, 23, 22, 30, tzinfo=timezone.utc), True),   # 23:30 Paris, same day
    (datetime(2026, 11, 23, 23, 30, tzinfo=timezone.utc), False),  # 00:30 Paris, next day
    (datetime(2026, 11, 22, 17, 0, tzinfo=timezone.utc), False),   # the day before
    (datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc), False),    # the day after
])
def test_a_session_opens_only_on_its_day_in_paris(moment, allowed):
    assert opening_allowed(plenary(council([]), starts_at=T0), moment) is allowed


def test_a_session_just_after_midnight_may_open_two_hours_before():
    starts = datetime(2026, 11, 23, 23, 30, tzinfo=timezone.utc)  # 00:30 on the 24th in Paris
    p = plenary(council([]), starts_at=starts)
    assert opening_allowed(p, starts - timedelta(hours=2))
    assert not opening_allowed(p, starts - timedelta(hours=2, minutes=1))
