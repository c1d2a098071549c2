"""Checks of the data a seed or the admin API hands the Preservica mock: each raises
``InvalidInput`` naming where the problem is."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from mock_server.core.errors import InvalidInput, quoted
from mock_server.core.numbers import MAX_EXACT_INTEGER
from mock_server.preservica.records import (
    MONITOR_STATUSES,
    Monitor,
    Point,
    new_id,
    parse_timestamp,
)

POINT_COUNTERS = ("filesProcessed", "filesPending", "size", "warnings", "errors")
#: The largest count held.
MAX_COUNT = MAX_EXACT_INTEGER
#: How many unknown field names a refusal lists.
_NAMES_SHOWN = 5
POINT_KEYS = frozenset({"timestamp", "status", "percentComplete", *POINT_COUNTERS})


def mapping(value: Any, where: str, allowed: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidInput(f"{where}: expected an object")
    unknown = sorted((key for key in value if key not in allowed), key=str)
    if unknown:
        names = ", ".join(field_name(key) for key in unknown[:_NAMES_SHOWN])
        more = f" and {len(unknown) - _NAMES_SHOWN} more" if len(unknown) > _NAMES_SHOWN else ""
        raise InvalidInput(f"{where}: unknown field(s) {names}{more}")
    return value


def field_name(key: Any) -> str:
    """A field name as a detail shows it: as it is when short text, else quoted short."""
    return key if isinstance(key, str) and len(key) <= 40 else quoted(key)


def as_list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInput(f"{where}: expected a list")
    return value


def text(data: Mapping[str, Any], key: str, where: str, default: str) -> str:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise InvalidInput(f"{where}.{key}: expected a string")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # JSON's "\ud800" reads as a lone surrogate: held, it could not be written
            # to a snapshot or a --state file.
            raise InvalidInput(f"{where}.{key}: a lone surrogate is not text") from None
    return value


def count(data: Mapping[str, Any], key: str, where: str, default: int) -> int:
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise InvalidInput(
            f"{where}.{key}: expected an integer from 0 to {MAX_COUNT}, got {quoted(value)}"
        )
    return value


def choice(value: Any, allowed: tuple[str, ...], where: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise InvalidInput(f"{where}: {quoted(value)} is not one of {', '.join(allowed)}")
    return value


def choices(values: Iterable[str] | None, allowed: tuple[str, ...], what: str) -> set[str]:
    return {choice(v, allowed, what) for v in texts(values, what)}


def texts(values: Any, what: str) -> list[str]:
    """A filter's values: a list of text (None: no filter)."""
    if values is None:
        return []
    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
        raise InvalidInput(f"{what}: expected a list of text, got {quoted(values)}")
    return list(values)


def percent(data: Mapping[str, Any], where: str, default: str) -> str:
    value = data.get("percentComplete")
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidInput(f"{where}.percentComplete: expected 0..100 or empty")
    written = value.strip() if isinstance(value, str) else str(value) if 0 <= value <= 100 else "x"
    # ASCII digits only, and few: str.isdigit() takes "²" (which int() refuses) and int()
    # refuses more than 4,300 digits; either was a 500.
    if written and not (_PERCENT.fullmatch(written) and int(written) <= 100):
        raise InvalidInput(
            f"{where}.percentComplete: expected 0..100 or empty, got {quoted(value)}"
        )
    return str(int(written)) if written else ""


def mapped_id(data: Mapping[str, Any], where: str) -> str:
    value = data.get("mappedId")
    if value is None:
        return new_id()
    if not (isinstance(value, str) and len(value) == 32 and _is_lower_hex(value)):
        raise InvalidInput(
            f"{where}.mappedId: expected 32 lowercase hex digits, got {quoted(value)}"
        )
    return value


_PERCENT = re.compile(r"[0-9]{1,3}")


def _is_lower_hex(value: str) -> bool:
    return all(c in "0123456789abcdef" for c in value)


def build_point(data: Any, where: str, monitor: Monitor, now: float) -> Point:
    data = mapping(data, where, POINT_KEYS)
    return Point(
        timestamp=optional_time(data, "timestamp", where, now),
        status=choice(data.get("status", monitor.status), MONITOR_STATUSES, f"{where}.status"),
        percent_complete=percent(data, where, monitor.percent_complete or ""),
        counters={key: count(data, key, where, monitor.counters[key]) for key in POINT_COUNTERS},
    )


def given_null(data: Mapping[str, Any], key: str) -> bool:
    """Whether ``key`` is given as null (meaning "no value"), rather than left out (the
    default)."""
    return key in data and data[key] is None


def optional_time(data: Mapping[str, Any], key: str, where: str, default: Any) -> Any:
    value = data.get(key)
    return default if value is None else parse_timestamp(value, f"{where}.{key}")


def flag(data: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise InvalidInput(f"{where}.{key}: expected true or false")
    return value


def refuse_duplicates(keys: list[Any], what: str, key_name: str) -> None:
    seen: set[Any] = set()
    for key in keys:
        if key in seen:
            raise InvalidInput(f"preservica.{what}: {key_name} {quoted(key)} appears twice")
        seen.add(key)
