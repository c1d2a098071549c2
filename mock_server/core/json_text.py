"""A JSON value kept as its text: stored once, written into each answer as it is.

A record the mock answers with over and over (a monitor-server row) is encoded when it is
stored. Decoding it for every answer, only for the encoder to write the same text again,
was a fifth of a listing's time; ``JSONText`` goes into an answer's document as it is and
the encoder copies its text (``orjson.Fragment``). Python callers that want the value
call ``value()``.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


class JSONText:
    """The JSON text of one value (its ``value()`` gives the value back)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    @classmethod
    def of(cls, value: Any) -> JSONText:
        """``value`` encoded: by orjson, or by the json module for what orjson cannot
        write (an integer beyond 64 bits, which the real services write whole)."""
        try:
            return cls(orjson.dumps(value).decode())
        except TypeError:
            return cls(json.dumps(value, separators=(",", ":")))

    def value(self) -> Any:
        try:
            return orjson.loads(self.text)
        except orjson.JSONDecodeError:  # an integer beyond 64 bits
            return json.loads(self.text)

    def __repr__(self) -> str:
        return f"JSONText({self.text[:80]!r})"


def fragment_of(value: Any) -> orjson.Fragment:
    """``orjson.dumps``'s ``default``: a ``JSONText`` is written as its text."""
    if type(value) is JSONText:
        return orjson.Fragment(value.text)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def value_of(value: Any) -> Any:
    """The json module's ``default``: a ``JSONText`` is written as its value."""
    if type(value) is JSONText:
        return value.value()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
