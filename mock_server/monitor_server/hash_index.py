"""A table's rows as the answers write them, and its hashes in ASCII-folded order: what a
prefix lookup of sessions or contexts needs, without a query.

SQLite stays where rows live and where every other lookup is decided. A prefix lookup
(``GET /sessions/<prefix>``, ``GET /contexts/<prefix>``) is the real server's
``hash LIKE 'prefix%'``; when the prefix holds no wildcard (``_``, ``%``) and no NUL, that
``LIKE`` is exactly "the hash, ASCII letters folded, starts with the prefix, folded", which a
sorted list answers with two binary searches. A SQLite query for it cost more than the rest
of the request together (its statement, its sort into insertion order, ten rows read back).
A prefix with a wildcard still goes to SQLite's ``LIKE``. A property test holds the two to
the same answers.

Each row's wire form (``JSONText``) is kept here, not in SQLite, keyed by ``rowid``:
listings that SQLite decides select ``rowid`` and take the rows from here.

Not locked itself: the backend holds one lock around every use.
"""

from __future__ import annotations

from collections.abc import Iterable

from sortedcontainers import SortedList

from mock_server.core.json_text import JSONText
from mock_server.monitor_server.like import fold, folded_range, literal_head


class HashIndex:
    def __init__(self) -> None:
        self._folded: SortedList = SortedList()  # (folded hash, rowid)
        self._rows: dict[int, JSONText] = {}

    def add(self, rows: Iterable[tuple[int, str, JSONText]]) -> None:
        """Rows just stored: ``(rowid, hash, wire form)``."""
        rows = list(rows)
        self._folded.update((fold(hash_), rowid) for rowid, hash_, _ in rows)
        self._rows.update((rowid, wire) for rowid, _, wire in rows)

    def clear(self) -> None:
        self._folded.clear()
        self._rows.clear()

    def row(self, rowid: int) -> JSONText:
        return self._rows[rowid]

    def rows(self, rowids: Iterable[int]) -> list[JSONText]:
        stored = self._rows
        return [stored[rowid] for rowid in rowids]

    def like(self, pattern: str) -> list[int] | None:
        """The rowids of the hashes ``LIKE pattern``, in the order stored; None when only
        SQLite can say (a pattern with a wildcard before its final ``%``, or a NUL)."""
        head = literal_head(pattern)
        if pattern != head + "%":
            return None
        low, high = folded_range(head)
        folded = self._folded
        start = folded.bisect_left((low,))
        stop = len(folded) if high is None else folded.bisect_left((high,))
        return sorted([rowid for _, rowid in folded[start:stop]])
