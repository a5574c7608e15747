"""Majority judgment on profiles: lower median and Balinski–Laraki tie-break, checked by brute force."""

from functools import cmp_to_key

from hypothesis import given, settings
from hypothesis import strategies as st

from cocon.proposals.counting import (
    compare_profiles,
    majority_grade,
    majority_values,
    rank_profiles,
)


def brute_compare(first, second):
    """Compare by literally removing median grades one at a time."""
    a, b = majority_values(first), majority_values(second)
    return (a > b) - (a < b)


def test_majority_grade_of_an_odd_count_is_the_median():
    assert majority_grade([1, 1, 1]) == 1


def test_majority_grade_of_an_even_count_is_the_lower_median():
    assert majority_grade([1, 1, 0]) == 1
    assert majority_grade([2, 0, 2]) == 2
    assert majority_grade([3, 0, 1]) == 0


def test_majority_grade_of_an_empty_profile_is_none():
    assert majority_grade([0, 0]) is None


def test_majority_values_remove_the_median_from_the_centre_outwards():
    assert majority_values([1, 1, 1, 1]) == [2, 1, 3, 0]
    assert majority_values([1, 1, 1, 1, 1]) == [2, 3, 1, 4, 0]


def test_better_majority_grade_wins():
    assert compare_profiles([2, 1, 0], [0, 3, 0]) == -1
    assert compare_profiles([0, 3, 0], [2, 1, 0]) == 1


def test_equal_majority_grades_are_separated_by_the_next_median():
    # Same median "1"; removing it leaves [2,0,1]→0 for the first and [0,2,1]→1 for the second.
    assert compare_profiles([2, 1, 1], [0, 3, 1]) == -1
    assert brute_compare([2, 1, 1], [0, 3, 1]) == -1


def test_identical_profiles_tie():
    assert compare_profiles([1, 2, 3], [1, 2, 3]) == 0


def test_known_example_with_many_ballots():
    first = [0, 400, 300, 300]
    second = [300, 0, 400, 300]
    assert compare_profiles(first, second) == brute_compare(first, second)


def test_compare_works_on_huge_weights_without_expanding_them():
    huge = 10**30
    first = [huge, 0, huge + 1]
    second = [huge + 1, 0, huge]
    assert majority_grade(second) == 0 and majority_grade(first) == 2
    assert compare_profiles(second, first) == -1
    assert compare_profiles([huge, huge, huge], [huge, huge - 1, huge + 1]) == -1


def test_rank_shares_a_rank_for_identical_profiles_and_orders_them_by_name():
    ranked = rank_profiles({"b": [1, 1, 0], "a": [1, 1, 0], "c": [2, 0, 0], "d": [0, 0, 2]})
    assert ranked == [("c", 1), ("a", 2), ("b", 2), ("d", 4)]


def pairs_of_profiles(max_grades=5, max_count=6):
    def build(grades):
        profile = st.lists(st.integers(0, max_count), min_size=grades, max_size=grades)
        return st.tuples(profile, profile)

    def same_total(pair):
        first, second = pair
        total_first, total_second = sum(first), sum(second)
        if total_first < total_second:
            first = first[:-1] + [first[-1] + total_second - total_first]
        else:
            second = second[:-1] + [second[-1] + total_first - total_second]
        return first, second

    return st.integers(1, max_grades).flatmap(build).map(same_total)


@settings(max_examples=600, deadline=None)
@given(pairs_of_profiles())
def test_fast_comparison_equals_literal_removal(pair):
    first, second = pair
    assert compare_profiles(first, second) == brute_compare(first, second)


@settings(max_examples=200, deadline=None)
@given(pairs_of_profiles())
def test_comparison_is_antisymmetric(pair):
    first, second = pair
    assert compare_profiles(first, second) == -compare_profiles(second, first)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 4).flatmap(
    lambda g: st.lists(st.lists(st.integers(0, 4), min_size=g, max_size=g), min_size=1,
                       max_size=5).map(lambda ps: [p[:-1] + [p[-1] + 12 - sum(p)] for p in ps]
                                       if all(sum(p) <= 12 for p in ps) else [[12] + [0] * (g - 1)])))
def test_ranking_agrees_with_sorting_by_majority_values(profiles):
    named = {f"c{i}": p for i, p in enumerate(profiles)}
    ranked = rank_profiles(named)
    expected = sorted(sorted(named), key=lambda name: majority_values(named[name]))
    assert [name for name, _ in ranked] == expected
    keys = sorted(named, key=cmp_to_key(lambda a, b: compare_profiles(named[a], named[b])))
    assert [majority_values(named[k]) for k in keys] == sorted(
        majority_values(p) for p in named.values())
