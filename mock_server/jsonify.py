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
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_has_non_finite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_non_finite(v) for v in value)
    return False
