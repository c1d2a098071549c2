"""SQL ``LIKE`` patterns as the real server builds them, and the index range that narrows one.

The real server matches prefixes with ``column LIKE 'prefix%'``. SQLite's ``LIKE`` folds
ASCII letters only (``'AB%'`` matches ``abc``), takes ``_`` for any one character and ``%``
for any run, and has no escape. SQLite itself decides each match here too; these helpers
only find the range of ``lower(column)`` (an index, ASCII-folded like ``LIKE``) that can
hold a match, so a lookup does not scan the table.
"""

from __future__ import annotations

import re

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_LAST = chr(0x10FFFF)
_SURROGATES = range(0xD800, 0xE000)


def like_prefix(prefix: str) -> str:
    """The pattern the real server matches a prefix with (its wildcards left as they are)."""
    return f"{prefix}%"


_STOPS = re.compile("[%_\x00]")


def literal_head(pattern: str) -> str:
    """The start of ``pattern`` before its first wildcard. SQLite reads a pattern as text
    ending at its first NUL, so that ends the literal part too."""
    stop = _STOPS.search(pattern)
    return pattern if stop is None else pattern[: stop.start()]


def fold(text: str) -> str:
    """SQLite's ``lower()`` without ICU: ASCII letters only."""
    return text.translate(_ASCII_LOWER)


def folded_range(head: str) -> tuple[str, str | None]:
    """``(low, high)``: ``lower(s)`` starts with ``fold(head)`` exactly when
    ``low <= lower(s) < high`` (no upper bound when ``high`` is None).

    SQLite compares text by its UTF-8 bytes, which order as code points do, so the bound is
    the folded head with its last code point (below U+10FFFF) bumped, surrogates skipped.
    """
    low = fold(head)
    stem = low.rstrip(_LAST)
    if not stem:
        return low, None
    bumped = ord(stem[-1]) + 1
    if bumped in _SURROGATES:
        bumped = _SURROGATES.stop
    return low, stem[:-1] + chr(bumped)
