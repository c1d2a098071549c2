"""Domain errors raised by the backends.

Backends know nothing of HTTP: they raise these, and ``mock_server._connexion.problems``
turns each into a status code and a JSON problem body in one place.
"""

from __future__ import annotations

import reprlib
from typing import Any


class MockError(Exception):
    """A request the mock refuses. ``detail`` is shown to the client; ``extra`` is merged
    into the problem body (e.g. ``{"message": ...}`` where a real service says so).

    ``body``: where the real service answers this refusal with a body of its own (not a
    problem document), that body, sent as it is.
    """

    title = "Bad Request"

    def __init__(self, detail: str, *, body: Any = None, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.body = body
        self.extra = extra


class InvalidInput(MockError):
    title = "Bad Request"


class Unauthorized(MockError):
    title = "Unauthorized"


class Forbidden(MockError):
    title = "Forbidden"


class NotFound(MockError):
    title = "Not Found"


class Conflict(MockError):
    title = "Conflict"


class PayloadTooLarge(MockError):
    title = "Payload Too Large"


#: How much of a value a ``detail`` quotes: enough to recognise it, never the whole of a
#: hostile input (a detail is sent back, and kept in the request journal).
QUOTE_LIMIT = 80


def _quoter() -> reprlib.Repr:
    # reprlib cuts strings, long integers, containers and depth as it goes, so a huge or
    # deep value is never written whole first.
    quoter = reprlib.Repr()
    quoter.maxlevel = 3
    quoter.maxstring = quoter.maxother = quoter.maxlong = QUOTE_LIMIT // 2
    quoter.maxlist = quoter.maxtuple = quoter.maxdict = quoter.maxset = 4
    return quoter


_QUOTER = _quoter()


def quoted(value: Any, limit: int = QUOTE_LIMIT) -> str:
    """``repr(value)`` for a detail, cut to at most ``limit`` characters."""
    shown = _QUOTER.repr(value)
    return shown if len(shown) <= limit else f"{shown[: limit - 3]}..."
