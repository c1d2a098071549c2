"""The one pager every generator uses: fetch a page, yield its items, follow its cursor.

Each endpoint only says how to fetch the page at a cursor and where the next cursor is
(``Page``); the walking is written once here, in a sync and an async form.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
C = TypeVar("C")


@dataclass(frozen=True)
class Page(Generic[T, C]):
    items: Sequence[T]
    #: Where the next page is; ``None`` on the last page.
    next: C | None


def iterate_pages(fetch: Callable[[C], Page[T, C]], first: C) -> Iterator[T]:
    cursor: C | None = first
    while cursor is not None:
        page = fetch(cursor)
        yield from page.items
        cursor = page.next


async def aiterate_pages(fetch: Callable[[C], Awaitable[Page[T, C]]], first: C) -> AsyncIterator[T]:
    cursor: C | None = first
    while cursor is not None:
        page = await fetch(cursor)
        for item in page.items:
            yield item
        cursor = page.next
