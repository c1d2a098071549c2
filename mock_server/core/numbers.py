"""Numbers the mock holds are finite: NaN and the infinities are refused where data comes in.

RFC 8259 JSON has no NaN or Infinity, but Python's json module reads ``NaN``,
``Infinity`` and ``-Infinity`` and turns ``1e999`` into infinity; left in, they would come
back out as text no strict JSON parser reads (or, from a fast encoder, as ``null`` where
the spec promises a number). An integer literal beyond a float's range (``1`` and 400
zeros) is read as a Python int that no float arithmetic takes: refused the same way.
Request bodies are parsed by ``loads_finite`` (a 400 names the culprit) and seeds are
checked by ``refuse_non_finite``, so every answer can be written by orjson with no scan for
them (``mock_server._connexion.jsonify``).
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

from mock_server.core.errors import InvalidInput


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number (RFC 8259)")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"{_shown(text)} is beyond the range of a number")
    return value


#: Integers from here on have no float: a backend adding one to a time, or comparing it
#: with a float, raises OverflowError (a 500), so they are refused as 1e999 is.
_FLOAT_DIGITS = len(str(int(sys.float_info.max)))


def _finite_int(text: str) -> int:
    value = int(text)
    # Only a long literal can be out of range: the check costs one len() for every other.
    if len(text) >= _FLOAT_DIGITS and not _in_float_range(value):
        raise ValueError(f"{_shown(text)} is beyond the range of a number")
    return value


def _in_float_range(value: int) -> bool:
    try:
        float(value)
    except OverflowError:
        return False
    return True


def _shown(text: str) -> str:
    # An error quotes the number, not all of its hundreds of digits.
    return text if len(text) <= 40 else f"{text[:20]}...({len(text)} digits)"


def loads_finite(text: str | bytes) -> Any:
    """``json.loads`` refusing NaN, Infinity and overflowing numbers (floats and integers
    beyond a float's range) with a ValueError."""
    return json.loads(
        text, parse_constant=_refuse_constant, parse_float=_finite_float, parse_int=_finite_int
    )


def refuse_non_finite(value: Any, where: str = "(document)") -> None:
    """Raise ``InvalidInput`` naming the first non-finite float, or integer beyond a
    float's range (a YAML seed holds any), in ``value``."""
    stack = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, float):
            if not math.isfinite(item):
                raise InvalidInput(f"{path}: {item} is not a JSON number (RFC 8259)")
        elif isinstance(item, int) and not isinstance(item, bool):
            if not _in_float_range(item):
                raise InvalidInput(f"{path}: an integer beyond the range of a number")
        elif isinstance(item, dict):
            stack.extend((v, f"{path}.{k}") for k, v in item.items())
        elif isinstance(item, (list, tuple)):
            stack.extend((v, f"{path}[{i}]") for i, v in enumerate(item))
