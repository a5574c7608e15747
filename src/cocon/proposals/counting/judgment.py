"""Majority judgment (Balinski and Laraki) on integer grade profiles.

A profile lists, best grade first, how many (possibly weighted) ballots gave each grade.
The majority grade is the lower median. Ties are broken by the majority-value sequence:
remove one median grade from each tied profile, take the median again, and so on; the
first difference decides. All profiles of one vote have the same total, so removal visits
the same positions of the sorted ballots in every profile (centre outwards), and the first
difference is found from the profiles' cumulative counts without expanding any ballot.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cmp_to_key
from itertools import accumulate
from typing import Mapping, Sequence

from cocon.french import fold

Profile = Sequence[int]


def median_position(total: int) -> int:
    """Index, in the ballots sorted best to worst, of the lower median (the worse middle one)."""
    return total // 2


def grade_at(profile: Profile, position: int) -> int:
    """The grade index of the ballot at `position` once the ballots are sorted best first."""
    return bisect_right(list(accumulate(profile)), position)


def majority_grade(profile: Profile) -> int | None:
    """The index of the majority grade (lower median); None for an empty profile."""
    total = sum(profile)
    if total == 0:
        return None
    return grade_at(profile, median_position(total))


def removal_step(position: int, total: int) -> int:
    """At which step the tie-break removes the ballot at `position` (0 for the median).

    With an even number left the lower median sits just below the centre, so removal
    alternates better side first; with an odd number, worse side first.
    """
    offset = position - median_position(total)
    if offset == 0:
        return 0
    if total % 2 == 0:
        return 2 * -offset - 1 if offset < 0 else 2 * offset
    return 2 * offset - 1 if offset > 0 else 2 * -offset


def compare_profiles(first: Profile, second: Profile) -> int:
    """-1 if `first` ranks above `second`, 1 if below, 0 if their majority values all match."""
    total = sum(first)
    if total != sum(second):
        raise ValueError("profiles of one vote must have the same total")
    if total == 0:
        return 0
    cumulative_first = list(accumulate(first))
    cumulative_second = list(accumulate(second))
    cuts = sorted({0, total, *cumulative_first, *cumulative_second})
    middle = median_position(total)
    earliest: tuple[int, int] | None = None
    for start, end in zip(cuts, cuts[1:]):
        if start >= end:
            continue
        grade_first = bisect_right(cumulative_first, start)
        grade_second = bisect_right(cumulative_second, start)
        if grade_first == grade_second:
            continue
        # Within [start, end) the two sorted lists differ everywhere; the position of the
        # segment closest to the median is the one removal reaches first.
        position = min(max(middle, start), end - 1)
        step = removal_step(position, total)
        if earliest is None or step < earliest[0]:
            earliest = (step, -1 if grade_first < grade_second else 1)
    return 0 if earliest is None else earliest[1]


def majority_values(profile: Profile) -> list[int]:
    """The whole majority-value sequence by literal removal; for small profiles and tests."""
    remaining = list(profile)
    values = []
    for _ in range(sum(profile)):
        grade = majority_grade(remaining)
        values.append(grade)
        remaining[grade] -= 1
    return values


def rank_profiles(profiles: Mapping[str, Profile]) -> list[tuple[str, int]]:
    """Candidates best first with their rank; identical majority values share a rank.

    Equal candidates are listed by name in dictionary order: letters first, case and accents
    set aside (« abeille », « Éco », « Zèbre »), then unaccented before accented, then lower case
    before capitals (« eco », « Eco », « éco », « Éco »), so the output is stable.
    """
    order = sorted(profiles, key=lambda name: (fold(name), name.lower(), name.swapcase(), name))
    order.sort(key=cmp_to_key(lambda a, b: compare_profiles(profiles[a], profiles[b])))
    ranked: list[tuple[str, int]] = []
    for index, name in enumerate(order):
        if index and compare_profiles(profiles[order[index - 1]], profiles[name]) == 0:
            ranked.append((name, ranked[-1][1]))
        else:
            ranked.append((name, index + 1))
    return ranked
