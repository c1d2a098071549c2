"""Numbers the mock holds are finite: NaN and the infinities are refused where data comes in.

RFC 8259 JSON has no NaN or Infinity, but Python's json module reads ``NaN``,
``Infinity`` and ``-Infinity`` and turns ``1e999`` into infinity; left in, they would come
back out as text no strict JSON parser reads (or, from a fast encoder, as ``null`` where
the spec promises a number). Request bodies are parsed by ``loads_finite`` (a 400 names
the culprit) and seeds are checked by ``refuse_non_finite``, so every answer can be written
by orjson with no scan for them (``mock_server._connexion.jsonify``).
"""

from __future__ import annotations

import json
import math
from typing import Any

from mock_server.core.errors import InvalidInput


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number (RFC 8259)")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"{text} is beyond the range of a number")
    return value


def loads_finite(text: str | bytes) -> Any:
    """``json.loads`` refusing NaN, Infinity and overflowing numbers with a ValueError."""
    return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)


def refuse_non_finite(value: Any, where: str = "(document)") -> None:
    """Raise ``InvalidInput`` naming the first non-finite float in ``value``."""
    stack = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, float):
            if not math.isfinite(item):
                raise InvalidInput(f"{path}: {item} is not a JSON number (RFC 8259)")
        elif isinstance(item, dict):
            stack.extend((v, f"{path}.{k}") for k, v in item.items())
        elif isinstance(item, (list, tuple)):
            stack.extend((v, f"{path}[{i}]") for i, v in enumerate(item))
