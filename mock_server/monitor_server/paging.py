"""Paging of the monitor-server mock: the real server's page windows, and ``HashIndex``,
which keeps records sorted by hash so a prefix lookup is a bisect range and a page one
slice, however many records there are."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mock_server.core.errors import NotFound

# --------------------------------------------------------------------------- paging


@dataclass(frozen=True)
class PageWindow:
    """Which slice of a collection a requested page is, with its neighbours."""

    start: int
    stop: int
    page: int
    total_page: int

    @property
    def prev_page(self) -> int | None:
        return self.page - 1 if self.page > 1 else None

    @property
    def next_page(self) -> int | None:
        return self.page + 1 if self.page < self.total_page else None


def page_window(total: int, page: int, page_size: int) -> PageWindow:
    """Resolve ``page`` as the real server's pager does (Flask-SQLAlchemy ``paginate``).

    A negative page counts from the end; page 1 of an empty collection is an empty page;
    anything else outside ``1..total_page`` is "not found".
    """
    total_page = -(-total // page_size)
    resolved = total_page + page + 1 if page < 0 else page
    if resolved < 1 or (resolved > total_page and resolved != 1):
        raise NotFound(f"page {page} does not exist ({total_page} pages)")
    start = (resolved - 1) * page_size
    return PageWindow(start, min(start + page_size, total), resolved, total_page)


def page_result(envelope: str, rendered: list, window: PageWindow) -> dict[str, Any]:
    """A page with its page numbers; the handler turns the neighbours into URLs."""
    return {
        envelope: rendered,
        "page": window.page,
        "prev_page": window.prev_page,
        "next_page": window.next_page,
        "total_page": window.total_page,
    }


def page_of(items: list, page: int, page_size: int, render: Callable, envelope: str) -> dict:
    window = page_window(len(items), page, page_size)
    return page_result(envelope, [render(i) for i in items[window.start : window.stop]], window)


class HashIndex:
    """Records by hash, with the hashes kept sorted for prefix ranges. Not locked itself.

    Besides the sorted list of every hash, hashes are bucketed by their first
    ``BUCKET_PREFIX`` characters: a lookup by a prefix at least that long bisects its small
    bucket instead of the whole list, so it costs the same at 1,000 or 100,000 records.
    """

    BUCKET_PREFIX = 4

    def __init__(self) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        self.hashes: list[str] = []
        self._buckets: dict[str, list[str]] = {}

    def __contains__(self, h: str) -> bool:
        return h in self.records

    def __len__(self) -> int:
        return len(self.records)

    def add(self, h: str, record: dict[str, Any]) -> None:
        self.records[h] = record
        insort(self.hashes, h)
        insort(self._buckets.setdefault(h[: self.BUCKET_PREFIX], []), h)

    def add_many(self, records: dict[str, dict[str, Any]]) -> None:
        # One sort of the merged keys beats one insort per record for a large seed.
        self.records.update(records)
        self.hashes.extend(records)
        self.hashes.sort()
        touched = set()
        for h in records:
            key = h[: self.BUCKET_PREFIX]
            self._buckets.setdefault(key, []).append(h)
            touched.add(key)
        for key in touched:
            self._buckets[key].sort()

    def page(
        self, prefix: str | None, page: int, page_size: int, render: Callable, envelope: str
    ) -> dict[str, Any]:
        # Only the page's keys are sliced out: copying a 100,000-key range per request
        # would defeat the index.
        hashes, lo, hi = self._range(prefix)
        window = page_window(hi - lo, page, page_size)
        keys = hashes[lo + window.start : lo + window.stop]
        return page_result(envelope, [render(self.records[h]) for h in keys], window)

    def _range(self, prefix: str | None) -> tuple[list[str], int, int]:
        """The sorted list holding the hashes that start with ``prefix``, and where."""
        if prefix is None:
            return self.hashes, 0, len(self.hashes)
        if len(prefix) >= self.BUCKET_PREFIX:
            hashes = self._buckets.get(prefix[: self.BUCKET_PREFIX], [])
        else:
            hashes = self.hashes
        lo = bisect_left(hashes, prefix)
        past = _first_string_past(prefix)
        return hashes, lo, len(hashes) if past is None else bisect_left(hashes, past, lo)


def _first_string_past(prefix: str) -> str | None:
    """The least string greater than every string that starts with ``prefix``.

    None when there is none (a prefix of only U+10FFFF: every greater string starts with
    it). Strings compare by code point, so bumping the last code point below the maximum
    gives the bound, whatever follows the prefix in a hash.
    """
    stem = prefix.rstrip(chr(0x10FFFF))
    if not stem:
        return None
    return stem[:-1] + chr(ord(stem[-1]) + 1)
