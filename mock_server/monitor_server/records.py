"""The records of the monitor-server mock: how a session, context or metric payload is
checked (``InvalidInput`` naming the field) and how each is rendered on the wire."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from mock_server.core.errors import InvalidInput

BAD_DESCRIPTION = "Bad description format"  # the real server's message, kept for clients


# --------------------------------------------------------------------------- validation

_NUMBER = (int, float)


def _is_of(value: Any, kind: type | tuple[type, ...]) -> bool:
    # bool is an int in Python but never a number on the wire.
    return isinstance(value, kind) and not isinstance(value, bool)


def _require_fields(
    payload: Any, fields: dict[str, Any], required: Iterable[str], where: str
) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise InvalidInput(f"{where}: expected a JSON object")
    for name in required:
        if name not in payload:
            raise InvalidInput(f"{where}: '{name}' is required")
    for name, kind in fields.items():
        if name in payload and not _is_of(payload[name], kind):
            raise InvalidInput(f"{where}: '{name}' must be {_kind_name(kind)}")
    return payload


def _kind_name(kind: type | tuple[type, ...]) -> str:
    return {str: "a string", int: "an integer", _NUMBER: "a number"}.get(kind, str(kind))


def _check_hash(value: str, field: str, where: str) -> str:
    # A hash with '/' could never be reached by the /<hash>/... routes.
    if not value or "/" in value:
        raise InvalidInput(f"{where}: '{field}' must be a non-empty string without '/'")
    return value


# The RunDate pattern of specs/monitor_server.yaml: the mock refuses exactly what the spec
# does (a date is stored and echoed, never computed with, so its shape is what matters).
_ISO_DATE_TIME = re.compile(
    r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?"
)


def _check_iso_date(value: str, field: str, where: str) -> str:
    if not _ISO_DATE_TIME.fullmatch(value):
        raise InvalidInput(f"{where}: '{field}' must be an ISO 8601 date and time")
    return value


def _description_of(raw: Any, where: str) -> dict[str, Any]:
    """The description as an object: the seed sends JSON text, pytest-monitor an object."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = None
    if not isinstance(raw, dict):
        raise InvalidInput(
            f"{where}: description must be a JSON object or a string holding one",
            message=BAD_DESCRIPTION,
        )
    return raw


def _tag_value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


# description and scm_ref have rules of their own (see session_record).
_SESSION_FIELDS = {"h": str, "session_h": str, "run_date": str}
_CONTEXT_FIELDS = {
    "h": str,
    "cpu_count": int,
    "cpu_frequency": _NUMBER,
    "cpu_type": str,
    "cpu_vendor": str,
    "ram_total": int,
    "machine_node": str,
    "machine_type": str,
    "machine_arch": str,
    "system_info": str,
    "python_info": str,
}
_CONTEXT_REQUIRED = [name for name in _CONTEXT_FIELDS if name != "cpu_vendor"]
_METRIC_TEXT_FIELDS = (
    "session_h",
    "context_h",
    "item_start_time",
    "item_path",
    "item",
    "item_variant",
    "item_fs_loc",
    "kind",
    "component",
)
METRIC_NUMBER_FIELDS = ("total_time", "user_time", "kernel_time", "cpu_usage", "mem_usage")
_METRIC_FIELDS = {
    **dict.fromkeys(_METRIC_TEXT_FIELDS, str),
    **dict.fromkeys(METRIC_NUMBER_FIELDS, _NUMBER),
}


def session_record(payload: Any, where: str) -> dict[str, Any]:
    _require_fields(payload, _SESSION_FIELDS, ["run_date", "description"], where)
    given = [key for key in ("h", "session_h") if key in payload]
    if len(given) != 1:
        raise InvalidInput(f"{where}: exactly one of h / session_h must be given")
    scm_ref = payload.get("scm_ref")
    if scm_ref is not None and not isinstance(scm_ref, str):
        raise InvalidInput(f"{where}: 'scm_ref' must be a string or null")
    return {
        "session_h": _check_hash(payload[given[0]], given[0], where),
        "run_date": _check_iso_date(payload["run_date"], "run_date", where),
        "scm_ref": scm_ref,
        "description": _description_of(payload["description"], where),
    }


def context_record(payload: Any, where: str) -> dict[str, Any]:
    _require_fields(payload, _CONTEXT_FIELDS, _CONTEXT_REQUIRED, where)
    record = {name: payload.get(name, "") for name in _CONTEXT_FIELDS}
    _check_hash(record["h"], "h", where)
    return record


def metric_record(payload: Any, where: str) -> dict[str, Any]:
    _require_fields(payload, _METRIC_FIELDS, _METRIC_FIELDS, where)
    record = {name: payload[name] for name in _METRIC_TEXT_FIELDS}
    record.update({name: float(payload[name]) for name in METRIC_NUMBER_FIELDS})
    _check_hash(record["session_h"], "session_h", where)
    _check_hash(record["context_h"], "context_h", where)
    return record


# --------------------------------------------------------------------------- rendering


def render_session(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "session_h": record["session_h"],
        "run_date": record["run_date"],
        "scm_ref": record["scm_ref"],
        "tags": [
            {"key": name, "name": name, "value": _tag_value(value)}
            for name, value in record["description"].items()
        ],
    }


def render_context(record: dict[str, Any]) -> dict[str, Any]:
    # The real server truncates the frequency (an Integer field); monitor_api reads the
    # hash as context_h where pytest-monitor reads h, so both are given.
    return {
        **record,
        "context_h": record["h"],
        "cpu_frequency": int(record["cpu_frequency"]),
    }


def render_metric(record: dict[str, Any]) -> dict[str, Any]:
    return dict(record)
