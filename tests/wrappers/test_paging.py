"""The one pager yields every item exactly once, in order, for any page size; a blocking
client iterates it a step at a time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wrappers._core.paging import Page, walk
from wrappers._core.sides import iterate_sync


def paged_source(items: list[int], page_size: int):
    """A fake paged endpoint: the cursor is the offset of the page; counts every fetch."""
    fetched: list[int] = []

    async def fetch(offset: int) -> Page[int, int]:
        fetched.append(offset)
        end = offset + page_size
        return Page(items[offset:end], end if end < len(items) else None)

    return fetch, fetched


@given(st.lists(st.integers(), max_size=60), st.integers(min_value=1, max_value=25))
def test_every_item_exactly_once_in_order(items, page_size):
    fetch, fetched = paged_source(items, page_size)
    assert list(iterate_sync(walk(fetch, 0))) == items
    # One request per page, and one for the empty first page of an empty source.
    assert len(fetched) == max(1, -(-len(items) // page_size))


@given(st.lists(st.integers(), max_size=60), st.integers(min_value=1, max_value=25))
async def test_async_form_yields_the_same(items, page_size):
    fetch, _ = paged_source(items, page_size)
    assert [item async for item in walk(fetch, 0)] == items


def test_a_failing_page_stops_the_walk_after_the_items_before_it():
    async def fetch(offset: int) -> Page[str, int]:
        if offset == 2:
            raise ConnectionError("page 2 is down")
        return Page(["a", "b"], offset + 2)

    walked = []
    with pytest.raises(ConnectionError):
        for item in iterate_sync(walk(fetch, 0)):
            walked.append(item)
    assert walked == ["a", "b"]


def test_pages_are_fetched_lazily():
    fetch, fetched = paged_source(list(range(10)), 3)
    walked = iterate_sync(walk(fetch, 0))
    assert fetched == []
    assert next(walked) == 0
    assert fetched == [0]
