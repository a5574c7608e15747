from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from cocon.council.models import Role
from cocon.council.plenary.quorum import quorum_state, required_for

from plenary_fakes import council, excused, member, plenary, present, proxy


def _state(members, attendances=(), proxies=(), quorum="0.5"):
    c = council(members, quorum=quorum)
    return quorum_state(plenary(c), members, list(attendances), list(proxies))


def test_observers_and_advisory_colleges_do_not_count_as_voting_members():
    members = [member(1), member(2), member(3, role=Role.OBSERVER),
               member(4, votes=False), member(5, role=Role.ADMIN, has_college=False)]
    assert _state(members).voting == 2


def test_half_of_ten_needs_exactly_five():
    members = [member(i) for i in range(10)]
    assert _state(members, [present(i) for i in range(4)]).met is False
    state = _state(members, [present(i) for i in range(5)])
    assert (state.required, state.present, state.met) == (5, 5, True)


def test_the_requirement_rounds_up_for_an_odd_number():
    members = [member(i) for i in range(7)]
    assert _state(members).required == 4  # ceil(3.5)
    assert _state(members, [present(i) for i in range(3)]).met is False
    assert _state(members, [present(i) for i in range(4)]).met is True


def test_one_third_is_computed_exactly_without_float_rounding():
    assert required_for(Decimal("0.33333"), 3) == 1
    assert required_for(Decimal("0.33334"), 3) == 2
    assert required_for("0.5", 0) == 0
    assert required_for("1", 9) == 9
    assert required_for("0.6", 5) == 3  # 0.6 * 5 is 3.0000000000000004 in floats


def test_a_proxy_counts_only_when_its_holder_is_present():
    members = [member(i) for i in range(4)]
    assert _state(members, [present(0), excused(1)], [proxy(1, 0)]).represented == 1
    assert _state(members, [excused(0), excused(1)], [proxy(1, 0)]).represented == 0


def test_represented_members_complete_the_quorum():
    members = [member(i) for i in range(6)]
    state = _state(members, [present(0), present(1), excused(2)], [proxy(2, 0)])
    assert (state.present, state.represented, state.required, state.met) == (2, 1, 3, True)
    assert state.excused == 0  # represented, so not counted among the excused


def test_no_voting_member_means_no_quorum():
    assert _state([member(1, role=Role.OBSERVER)]).met is False


def test_non_voting_people_present_do_not_count():
    members = [member(1), member(2, votes=False), member(3, role=Role.OBSERVER)]
    state = _state(members, [present(2), present(3)])
    assert (state.present, state.met) == (0, False)


@given(voting=st.integers(0, 60), present_count=st.integers(0, 60),
       share=st.sampled_from(["0", "0.25", "0.33333", "0.5", "0.66667", "0.75", "1"]))
def test_met_means_at_least_the_share_of_voting_members(voting, present_count, share):
    present_count = min(present_count, voting)
    members = [member(i) for i in range(voting)]
    state = _state(members, [present(i) for i in range(present_count)], quorum=share)
    assert state.met == (voting > 0 and present_count >= Decimal(share) * voting)


@pytest.mark.parametrize("quorum", ["0.5", "0.25"])
def test_the_share_comes_from_the_council(quorum):
    members = [member(i) for i in range(8)]
    assert _state(members, quorum=quorum).required == int(Decimal(quorum) * 8)
