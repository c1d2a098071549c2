"""JSON the mock takes in: finite numbers, exact integers, a bounded depth.

RFC 8259 JSON has no NaN or Infinity, but Python's json module reads ``NaN``, ``Infinity``
and ``-Infinity`` and turns ``1e999`` into infinity; left in, they would come back out as
text no strict JSON parser reads (or, from orjson, as ``null`` where the spec promises a
number). An integer literal beyond a float's range (``1`` and 400 zeros) is read as a
Python int that no float arithmetic takes (a backend adding it to a time, or comparing it
with a float, raises): refused the same way. Request bodies are parsed by
``loads_finite`` (a 400 names the culprit) and seeds are checked by ``refuse_non_finite``,
so every answer can be written by orjson with no scan for them
(``mock_server._connexion.jsonify``).

``loads_finite`` is orjson's parse, which refuses the non-numbers itself, with two bounds of
its own:

- an integer beyond 64 bits, which orjson reads as a float (losing digits) or refuses
  (beyond a double), is read exactly, as Python's json module (and so connexion's own
  parse) reads it: such a body is parsed again by the json module; so is a string holding
  a lone surrogate (``"\\ud800"``), which orjson refuses and JSON allows;
- nesting is at most ``MAX_DEPTH`` levels. orjson stops at 1,024, but much of what handles
  a body after it recurses once a level or more (jsonschema's error messages, Python's
  ``repr``, ``json.dumps``, PyYAML when the state is written) and would reach Python's
  recursion limit: a ``RecursionError``, a 500. Request bodies of these APIs nest a few
  levels; 64 leaves room for any free-form field.

A text that is not JSON is described by the json module's own message, the one connexion's
parse gives, so a 400 reads as it always has.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

import orjson

from mock_server.core.errors import InvalidInput

#: The deepest nesting of arrays and objects a JSON text may have.
MAX_DEPTH = 64
#: The largest integer every JSON reader holds exactly (2**53 - 1): the bound of the counts
#: the backends keep, so that sums of them stay far within the 64 bits the encoder writes.
MAX_EXACT_INTEGER = 2**53 - 1

# Every byte a digit or not: a run of 19 digits is the shortest integer orjson may read as
# a float (beyond -2**63 or 2**64 - 1); a string holding one only costs a second parse.
_DIGIT_MAP = bytes(0x31 if 0x30 <= byte <= 0x39 else 0x30 for byte in range(256))
_LONG_INTEGER = b"1" * 19


class TooDeep(ValueError):
    def __init__(self) -> None:
        super().__init__(f"the JSON text nests deeper than {MAX_DEPTH} levels")


def loads_finite(data: bytes | str) -> Any:
    """The value of a JSON text; a ``ValueError`` saying why when it is not JSON, holds a
    number JSON has no value for, or nests deeper than ``MAX_DEPTH``."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")  # orjson refuses the surrogates
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        return _as_json_module_reads(data)
    if data.count(b"[") + data.count(b"{") > MAX_DEPTH:
        _check_depth(value)
    if _LONG_INTEGER in data.translate(_DIGIT_MAP):
        value = _json_module_loads(data)  # within MAX_DEPTH: no recursion error
    return value


def _check_depth(value: Any) -> None:
    """Raise ``TooDeep`` when ``value``'s arrays and objects nest beyond ``MAX_DEPTH``
    (level by level: a batch of a thousand small objects costs a fraction of its parse)."""
    level = [value] if type(value) in _CONTAINERS else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise TooDeep()
        level = [
            child
            for node in level
            for child in (node.values() if type(node) is dict else node)
            if type(child) in _CONTAINERS
        ]


_CONTAINERS = (dict, list)


def _as_json_module_reads(data: bytes) -> Any:
    """What orjson refused, read by the json module (as connexion reads it): its error when
    it refuses the text too (the culprit named when it holds a NaN, an infinity or an
    integer beyond a float's range); its value when that is JSON orjson does not take (a
    string holding a lone surrogate, an integer beyond 64 bits)."""
    try:
        value = _json_module_loads(data)
    except RecursionError:
        raise TooDeep() from None
    except ValueError as reason:  # not JSON, or not UTF-8: as connexion's parse words it
        raise reason from None
    _check_depth(value)
    return value


def _json_module_loads(data: bytes) -> Any:
    """The json module's parse, refusing what it would read as NaN, an infinity or an
    integer beyond a float's range."""
    return json.loads(
        data.decode("utf-8"),
        parse_constant=_refuse_constant,
        parse_float=_finite_float,
        parse_int=_finite_int,
    )


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
