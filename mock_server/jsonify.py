"""The JSON encoder of every answer connexion serializes: orjson, where it writes what the
json module would mean.

connexion's default (``json.dumps`` with its encoder class, then a newline) is several
times slower on a page of records. orjson writes the same JSON values, compact and in UTF-8
rather than ``\\uXXXX`` escapes; for the few values it would write differently or refuses,
connexion's own encoder answers as before: non-finite floats (json writes ``NaN``, orjson
``null``), integers beyond 64 bits, lone surrogates, non-string keys, other types.
"""

from __future__ import annotations

import math
from typing import Any

import orjson
from connexion.jsonifier import Jsonifier


class FastJsonifier(Jsonifier):
    def dumps(self, data: Any, **kwargs: Any) -> Any:
        if kwargs:
            return super().dumps(data, **kwargs)
        try:
            encoded = orjson.dumps(data)
        except TypeError:  # orjson.JSONEncodeError is one
            return super().dumps(data)
        # orjson writes a non-finite float as null: look for one only when a null is there.
        if b"null" in encoded and _has_non_finite(data):
            return super().dumps(data)
        return encoded


def _has_non_finite(value: Any) -> bool:
    # A loop over a stack, not recursion: this runs on every answer holding a null.
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str or kind is int or item is None or kind is bool:
            continue
        if kind is dict:
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        elif isinstance(item, float):
            if not math.isfinite(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return False
