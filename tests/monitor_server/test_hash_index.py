"""``HashIndex.like`` gives the rows SQLite's ``LIKE`` gives, in the order stored, for every
pattern it answers (a literal prefix); any other pattern it leaves to SQLite. And the
backend's prefix listings, answered from it, are the listings SQLite answers."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from mock_server.core.clock import MockClock
from mock_server.core.json_text import JSONText
from mock_server.monitor_server.backend import MonitorServerBackend, SessionFlags
from mock_server.monitor_server.hash_index import HashIndex
from mock_server.monitor_server.like import like_prefix

# Letters in both cases, the wildcards, NUL, and characters lower() and LIKE do not fold.
_CHARS = st.sampled_from(list("aAbBzZ09_%\x00éÉßİ\U0010ffff\ud7ff\ue000"))
_HASHES = st.lists(st.text(_CHARS, max_size=6), max_size=25, unique=True)


def _sqlite_like(hashes: list[str], pattern: str) -> list[int]:
    db = sqlite3.connect(":memory:")
    db.execute('CREATE TABLE t ("H" VARCHAR(64) NOT NULL, PRIMARY KEY ("H"))')
    db.executemany('INSERT INTO t ("H") VALUES (?)', [(h,) for h in hashes])
    rows = db.execute("SELECT rowid FROM t WHERE \"H\" LIKE (? || '') ORDER BY rowid", [pattern])
    return [rowid for (rowid,) in rows]


def _index(hashes: list[str]) -> HashIndex:
    index = HashIndex()
    index.add((rowid, h, JSONText(f'"{rowid}"')) for rowid, h in enumerate(hashes, start=1))
    return index


@settings(max_examples=300)
@given(hashes=_HASHES, data=st.data())
def test_a_literal_prefix_finds_what_sqlite_like_finds(hashes, data):
    if hashes and data.draw(st.booleans()):  # the start of a stored hash, maybe case-swapped
        start = data.draw(st.sampled_from(hashes))
        prefix = start[: data.draw(st.integers(0, len(start)))]
        if data.draw(st.booleans()):
            prefix = prefix.swapcase()
    else:
        prefix = data.draw(st.text(_CHARS, max_size=4))
    pattern = like_prefix(prefix)
    found = _index(hashes).like(pattern)
    literal = not any(char in prefix for char in "_%\x00")
    assert (found is not None) == literal
    if found is not None:
        assert found == _sqlite_like(hashes, pattern)


def test_rows_come_in_the_order_stored_whatever_their_hashes():
    index = _index(["b1", "A1", "a2", "B2", "a0"])
    assert index.like("a%") == [2, 3, 5]
    assert index.like("%") == [1, 2, 3, 4, 5]
    index.clear()
    assert index.like("a%") == []


def _session(h: str) -> dict:
    return {
        "session_h": h,
        "run_date": "2024-05-13T10:00:00",
        "scm_ref": "x",
        "description": {"k": "v"},
    }


@given(
    hashes=st.lists(st.text(_CHARS, min_size=1, max_size=5), max_size=12, unique=True),
    prefix=st.text(_CHARS, min_size=1, max_size=3),
    page=st.sampled_from([1, 2, 3, -1, 2.5]),
)
def test_prefix_listings_are_the_listings_sqlite_decides(hashes, prefix, page):
    """Flags that hold for every session send the same lookup through SQLite's ``LIKE``."""
    backend = MonitorServerBackend(MockClock(), page_size=3)
    for h in hashes:
        backend.create_session(_session(h))
    every = SessionFlags(keys=["k"], values=["v"], match_all=True)

    def listed(**flags):
        try:
            answer = backend.list_sessions(prefix, page, **flags)
        except Exception as error:  # a page out of range: the same error both ways
            return type(error), str(error)
        return answer.items, answer.page, answer.pages

    assert listed() == listed(flags=every)
