"""How the real server writes a stored row on the wire: flask-restx's field marshalling.

Every answer of monitor-server-api 1.1.0 passes its rows through flask-restx models:
``String`` fields are ``str(value)``, ``Integer`` ``int(value)``, ``Float``
``float(value)``, ``DateTime`` re-renders an ISO 8601 string read by aniso8601 (a date
alone gains ``T00:00:00``, ``Z`` becomes ``+00:00``), and ``None`` stays ``null``. A value
a field cannot format crashes the real server (a 500, on every listing that holds it); here
``Unrenderable`` is raised instead, before the row is stored.

The rows given here are what SQLite hands back (``store.py``), so the values are already
those the real server's database would return.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import aniso8601


class Unrenderable(ValueError):
    """A stored value the real server's models cannot write (it would answer 500)."""

    def __init__(self, field: str, value: Any, reason: str) -> None:
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(f"'{field}' cannot be rendered from {shown}: {reason}")
        self.field = field


def as_string(value: Any) -> str | None:
    """flask-restx ``fields.String``."""
    return None if value is None else str(value)


def as_integer(field: str, value: Any) -> int | None:
    """flask-restx ``fields.Integer``."""
    return _number(field, value, int, "not an integer")


def as_float(field: str, value: Any) -> float | None:
    """flask-restx ``fields.Float``."""
    return _number(field, value, float, "not a number")


def _number(field: str, value: Any, kind: Callable[[Any], Any], what: str) -> Any:
    if value is None:
        return None
    try:
        return kind(value)
    except (ValueError, TypeError) as error:
        raise Unrenderable(field, value, what) from error


def as_datetime(field: str, value: Any) -> str | None:
    """flask-restx ``fields.DateTime(dt_format="iso8601")``: aniso8601 reads a date and
    time, or else a date alone (midnight), and Python writes it back with ``isoformat``."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise Unrenderable(field, value, "not a date")
    return _iso_datetime(field, value)


@functools.lru_cache(maxsize=4096)  # a bulk load repeats dates; aniso8601 takes ~20 µs
def _iso_datetime(field: str, value: str) -> str:
    try:
        try:
            parsed = aniso8601.parse_datetime(value)
        except ValueError:
            day = aniso8601.parse_date(value)
            parsed = datetime(day.year, day.month, day.day)
        return parsed.isoformat()
    except Exception as error:  # aniso8601 raises several kinds for a bad literal
        raise Unrenderable(field, value, "not an ISO 8601 date") from error


# --------------------------------------------------------------------------- the models


def session_wire(row: dict[str, Any]) -> dict[str, Any]:
    """A session: its description's keys and values become ``{name, value}`` tags."""
    description = json.loads(row["DESCRIPTION"]) if row["DESCRIPTION"] is not None else None
    return {
        "session_h": as_string(row["SESSION_H"]),
        "run_date": as_datetime("run_date", row["RUN_DATE"]),
        "scm_ref": as_string(row["SCM_REF"]),
        "tags": [
            {"name": as_string(name), "value": as_string(value)}
            for name, value in (description or {}).items()
        ],
    }


CONTEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    # (wire name, column, kind)
    ("h", "ENV_H", "string"),
    ("cpu_count", "CPU_COUNT", "integer"),
    ("cpu_frequency", "CPU_FREQUENCY_MHZ", "integer"),
    ("cpu_type", "CPU_TYPE", "string"),
    ("cpu_vendor", "CPU_VENDOR", "string"),
    ("ram_total", "RAM_TOTAL_MB", "integer"),
    ("machine_node", "MACHINE_NODE", "string"),
    ("machine_type", "MACHINE_TYPE", "string"),
    ("machine_arch", "MACHINE_ARCH", "string"),
    ("system_info", "SYSTEM_INFO", "string"),
    ("python_info", "PYTHON_INFO", "string"),
)

METRIC_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("session_h", "SESSION_H", "string"),
    ("context_h", "CONTEXT_H", "string"),
    ("item_start_time", "ITEM_START_TIME", "string"),
    ("item_path", "ITEM_PATH", "string"),
    ("item", "ITEM", "string"),
    ("item_variant", "ITEM_VARIANT", "string"),
    ("item_fs_loc", "ITEM_FS_LOC", "string"),
    ("kind", "KIND", "string"),
    ("component", "COMPONENT", "string"),
    ("total_time", "TOTAL_TIME", "float"),
    ("user_time", "USER_TIME", "float"),
    ("kernel_time", "KERNEL_TIME", "float"),
    ("cpu_usage", "CPU_USAGE", "float"),
    ("mem_usage", "MEM_USAGE", "float"),
)


def _field(kind: str, name: str, value: Any) -> Any:
    if kind == "string":
        return as_string(value)
    if kind == "integer":
        return as_integer(name, value)
    return as_float(name, value)


def context_wire(row: dict[str, Any]) -> dict[str, Any]:
    return {name: _field(kind, name, row[column]) for name, column, kind in CONTEXT_FIELDS}


def metric_wire(row: dict[str, Any]) -> dict[str, Any]:
    return {name: _field(kind, name, row[column]) for name, column, kind in METRIC_FIELDS}


def value_list(values: list[Any]) -> list[str | None]:
    """``fields.List(fields.String)``: each SQL value as text, nulls kept."""
    return [as_string(value) for value in values]
