"""Checks of the data a seed or the admin API hands the Preservica mock: each raises
``InvalidInput`` naming where the problem is."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mock_server.core.errors import InvalidInput
from mock_server.preservica.records import (
    MONITOR_STATUSES,
    Monitor,
    Point,
    new_id,
    parse_timestamp,
)

POINT_COUNTERS = ("filesProcessed", "filesPending", "size", "warnings", "errors")
POINT_KEYS = frozenset({"timestamp", "status", "percentComplete", *POINT_COUNTERS})


def mapping(value: Any, where: str, allowed: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidInput(f"{where}: expected an object")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise InvalidInput(f"{where}: unknown field(s) {', '.join(unknown)}")
    return value


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
    return value


def count(data: Mapping[str, Any], key: str, where: str, default: int) -> int:
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(f"{where}.{key}: expected an integer >= 0, got {value!r}")
    return value


def choice(value: Any, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise InvalidInput(f"{where}: {value!r} is not one of {', '.join(allowed)}")
    return value


def choices(values: Iterable[str] | None, allowed: tuple[str, ...], what: str) -> set[str]:
    return {choice(v, allowed, what) for v in values or ()}


def percent(data: Mapping[str, Any], where: str, default: str) -> str:
    value = data.get("percentComplete")
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidInput(f"{where}.percentComplete: expected 0..100 or empty")
    written = str(value).strip()
    if written and not (written.isdigit() and 0 <= int(written) <= 100):
        raise InvalidInput(f"{where}.percentComplete: expected 0..100 or empty, got {value!r}")
    return str(int(written)) if written else ""


def mapped_id(data: Mapping[str, Any], where: str) -> str:
    value = data.get("mappedId")
    if value is None:
        return new_id()
    if not (isinstance(value, str) and len(value) == 32 and _is_lower_hex(value)):
        raise InvalidInput(f"{where}.mappedId: expected 32 lowercase hex digits, got {value!r}")
    return value


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
            raise InvalidInput(f"preservica.{what}: {key_name} {key!r} appears twice")
        seen.add(key)
