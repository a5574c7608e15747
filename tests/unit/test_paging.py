"""Page arithmetic shared by the directory and the threads."""

import pytest

from cocon.paging import Page, clamp_page, page_count, page_of_rank


@pytest.mark.parametrize("total, per_page, pages", [(0, 50, 1), (1, 50, 1), (50, 50, 1),
                                                     (51, 50, 2), (120, 50, 3), (100, 50, 2)])
def test_page_count(total, per_page, pages):
    assert page_count(total, per_page) == pages
    assert Page(total=total, per_page=per_page).pages == pages


@pytest.mark.parametrize("page, expected", [(-3, 1), (0, 1), (1, 1), (2, 2), (3, 3), (9, 3)])
def test_clamp_page(page, expected):
    assert clamp_page(page, 120, 50) == expected


@pytest.mark.parametrize("rank, page", [(1, 1), (50, 1), (51, 2), (100, 2), (101, 3), (0, 1)])
def test_page_of_rank(rank, page):
    assert page_of_rank(rank, 50) == page


def test_previous_next_and_last():
    first, middle, last = (Page(total=120, per_page=50, page=n) for n in (1, 2, 3))
    assert (first.has_previous, first.has_next, first.is_last) == (False, True, False)
    assert (middle.has_previous, middle.has_next, middle.is_last) == (True, True, False)
    assert (last.has_previous, last.has_next, last.is_last) == (True, False, True)
    assert Page(total=0).is_last and not Page(total=0).has_next
