"""Pages of a long list (the directory's results, a thread's posts): which page, how many."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


def page_count(total: int, per_page: int) -> int:
    """How many pages `total` items fill (at least one, even when there are none)."""
    return max(1, -(-total // per_page))


def clamp_page(page: int, total: int, per_page: int) -> int:
    """The page asked for, brought back within 1 … the last page."""
    return max(1, min(page, page_count(total, per_page)))


def page_of_rank(rank: int, per_page: int) -> int:
    """The page on which the item with this 1-based rank falls."""
    return max(1, -(-rank // per_page))


@dataclass
class Page(Generic[T]):
    """One page of items and what is needed to page through them."""

    items: list[T] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 20

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def is_last(self) -> bool:
        return self.page >= self.pages
