"""The proxy and attendance rules, on in-memory sessions."""

import pytest

from cocon.council.models import Role
from cocon.council.plenary import attendance
from cocon.council.plenary.models import AttendanceStatus
from cocon.errors import Conflict, Forbidden, InvalidInput

from plenary_fakes import T0, FakeDb, council, member, plenary

DB = FakeDb()


def _session(max_proxies=1, state="convened"):
    members = [member(i) for i in range(1, 7)] + [
        member(7, role=Role.OBSERVER, has_college=False), member(8, votes=False)]
    stamps = {"convened": {"convened": T0}, "open": {"convened": T0, "opened": T0},
              "closed": {"convened": T0, "opened": T0, "closed": T0}, "draft": {}}[state]
    p = plenary(council(members, max_proxies=max_proxies), **stamps)
    return p, {m.user_id: m.user for m in members}


def _give(p, users, giver, holder):
    return attendance.give_proxy(DB, p, users[giver], holder, now=T0)


def test_a_member_gives_a_proxy_and_is_recorded_as_excused():
    p, users = _session()
    events = _give(p, users, 1, 2)
    assert [(x.giver_id, x.holder_id) for x in p.proxies] == [(1, 2)]
    assert attendance.attendance_of(p, 1).status == AttendanceStatus.EXCUSED
    assert events[0].name == "plenary.attendance" and events[0].room == "plenary:1"


@pytest.mark.parametrize("holder, error, words", [
    (1, InvalidInput, "yourself"), (99, InvalidInput, "member of the council"),
    (7, InvalidInput, "voting member"), (8, InvalidInput, "voting member"),
])
def test_a_proxy_is_refused_to_oneself_non_members_observers_and_advisers(holder, error, words):
    p, users = _session()
    with pytest.raises(error, match=words):
        _give(p, users, 1, holder)
    assert p.proxies == [] and p.attendances == []


def test_no_more_proxies_than_the_council_allows():
    p, users = _session(max_proxies=1)
    _give(p, users, 1, 3)
    with pytest.raises(Conflict, match="maximum"):
        _give(p, users, 2, 3)
    assert len(p.proxies) == 1


def test_the_maximum_is_the_councils():
    p, users = _session(max_proxies=2)
    _give(p, users, 1, 3)
    _give(p, users, 2, 3)
    with pytest.raises(Conflict, match="maximum"):
        _give(p, users, 4, 3)


def test_changing_ones_holder_does_not_count_against_the_limit():
    p, users = _session(max_proxies=1)
    _give(p, users, 1, 3)
    _give(p, users, 1, 3)
    _give(p, users, 1, 4)
    assert [(x.giver_id, x.holder_id) for x in p.proxies] == [(1, 4)]


def test_no_proxy_to_someone_who_gave_theirs():
    p, users = _session(max_proxies=3)
    _give(p, users, 2, 3)
    with pytest.raises(Conflict, match="chained"):
        _give(p, users, 1, 2)


def test_no_proxy_from_someone_who_holds_one():
    p, users = _session(max_proxies=3)
    _give(p, users, 2, 1)
    with pytest.raises(Conflict, match="chained"):
        _give(p, users, 1, 3)


def test_someone_present_votes_in_person():
    p, users = _session()
    attendance.register_attendance(DB, p, users[1], "present", now=T0)
    with pytest.raises(Conflict, match="present"):
        _give(p, users, 1, 2)
    assert p.proxies == []


def test_coming_in_person_takes_the_proxy_back():
    p, users = _session()
    _give(p, users, 1, 2)
    attendance.register_attendance(DB, p, users[1], "present", now=T0)
    assert p.proxies == []


def test_observers_and_advisers_give_no_proxy():
    p, users = _session()
    with pytest.raises(Forbidden):
        _give(p, users, 7, 2)
    with pytest.raises(Forbidden):
        _give(p, users, 8, 2)


@pytest.mark.parametrize("state", ["closed", "draft"])
def test_nothing_changes_outside_the_convened_and_open_states(state):
    p, users = _session(state=state)
    with pytest.raises(Conflict):
        _give(p, users, 1, 2)
    with pytest.raises(Conflict):
        attendance.register_attendance(DB, p, users[1], "present", now=T0)
    with pytest.raises(Conflict):
        attendance.check_in(DB, p, 1, "present", actor=None, now=T0)
    assert p.proxies == [] and p.attendances == []


def test_check_in_is_for_members_with_a_known_status():
    p, users = _session(state="open")
    with pytest.raises(InvalidInput, match="not a member"):
        attendance.check_in(DB, p, 99, "present", actor=None, now=T0)
    with pytest.raises(InvalidInput, match="present, excused or absent"):
        attendance.check_in(DB, p, 1, "maybe", actor=None, now=T0)
    attendance.check_in(DB, p, 1, "present", actor=None, now=T0)
    assert attendance.attendance_of(p, 1).status == AttendanceStatus.PRESENT


def test_withdrawing_a_proxy_that_was_never_given_is_refused():
    p, users = _session()
    with pytest.raises(Conflict):
        attendance.withdraw_proxy(DB, p, users[1], now=T0)
