"""The one pager every listing uses: fetch a page, yield its items, follow its cursor.

Each listing only says how to fetch the page at a cursor and where the next cursor is
(``Page``); the walking is written once here, as an async iterator that a blocking client
iterates a step at a time (``sides.iterate_sync``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
C = TypeVar("C")


@dataclass(frozen=True, slots=True)
class Page(Generic[T, C]):
    """One page of a listing: its items, and the cursor of the next page (None: the last)."""

    items: Sequence[T]
    next: C | None


async def walk(fetch: Callable[[C], Awaitable[Page[T, C]]], first: C) -> AsyncIterator[T]:
    """Every item of a paged listing, fetching a page as the items before it are used."""
    cursor: C | None = first
    while cursor is not None:
        page = await fetch(cursor)
        for item in page.items:
            yield item
        cursor = page.next
