"""How the real server reads the body of each write, and what it refuses.

monitor-server-api 1.1.0 reads ``request.json[...]`` directly: a body that is not a JSON
object, or lacks a key it reads, crashes it (500). Those are answered here with a 400
naming the cause (the one way the mock may differ from it). What it refuses on purpose
keeps its own answer:
- ``POST /sessions/`` with a ``description`` that is not an object: 400 with the session
  model's fields all null (its output model overwrites the error message);
- ``POST /metrics/``: flask-restx validates the body against the metric model first, and
  answers 400 ``{"errors": {field: message}, "message": "Input payload validation
  failed"}`` with jsonschema's messages.
"""

from __future__ import annotations

import json
import re
from typing import Any

from jsonschema import Draft4Validator

from mock_server.core.errors import InvalidInput
from mock_server.monitor_server.render import CONTEXT_FIELDS, METRIC_FIELDS

#: The real server's answer to a description that is not a JSON object.
BAD_DESCRIPTION_BODY = {"session_h": None, "run_date": None, "scm_ref": None, "tags": None}


class BadDescription(InvalidInput):
    def __init__(self) -> None:
        super().__init__("description must be a JSON object", body=BAD_DESCRIPTION_BODY)


class PayloadInvalid(InvalidInput):
    """flask-restx's refusal of a body its model does not validate."""

    def __init__(self, errors: dict[str, str]) -> None:
        body = {"errors": errors, "message": "Input payload validation failed"}
        super().__init__("Input payload validation failed", body=body)


# The real server's metric model, whose fields (names and kinds) are its answer's too.
METRIC_KEYS = tuple(name for name, _, _ in METRIC_FIELDS)
# The schema flask-restx builds from that model (every field required; strings and
# numbers; other keys allowed), as it serves it.
METRIC_SCHEMA: dict[str, Any] = {
    "required": sorted(METRIC_KEYS),
    "properties": {
        name: {"type": "string" if kind == "string" else "number"}
        for name, _, kind in METRIC_FIELDS
    },
    # Last, as flask-restx writes it: jsonschema reports errors in keyword order.
    "type": "object",
}
_METRIC_VALIDATOR = Draft4Validator(METRIC_SCHEMA)
_REQUIRED = re.compile(r"'(?P<name>.*)' is a required property")
# An error quotes the offending value; a huge one is cut (the real server quotes it whole).
_MAX_QUOTED = 300


def _error_key_and_message(error: Any) -> tuple[str, str]:
    """flask-restx's ``Model.format_error``: the field path (plus the name of a missing
    required field) joined by dots, and jsonschema's message."""
    path = [str(part) for part in error.path]
    if error.validator == "required":
        found = _REQUIRED.match(error.message)
        if found:
            path.append(found.group("name"))
    message = error.message
    if len(message) > _MAX_QUOTED:
        message = message[: _MAX_QUOTED - 3] + "..."
    return ".".join(path), message


def _object(payload: Any) -> dict[str, Any]:
    if not isinstance(payload, dict):
        # request.json[...] on None, a list, a string or a number: a TypeError there.
        raise InvalidInput("the body must be a JSON object (Content-Type: application/json)")
    return payload


def _key(payload: dict[str, Any], name: str) -> Any:
    if name not in payload:
        raise InvalidInput(f"'{name}' is required (the real server fails without it)")
    return payload[name]


def session_values(payload: Any, url_hash: str | None = None) -> tuple[Any, ...]:
    """``SESSION_COLUMNS`` values of a new session; the hash comes from the URL when the
    body has no ``session_h`` (``POST /sessions/<h>``)."""
    payload = _object(payload)
    description = _key(payload, "description")
    if type(description) is not dict:  # the real server's own test: exactly a dict
        raise BadDescription()
    session_h = payload.get("session_h", url_hash)
    if session_h is None:
        raise InvalidInput("'session_h' is required (in the body, or in the URL)")
    run_date = _key(payload, "run_date")
    scm_ref = _key(payload, "scm_ref")
    # The real server's JSON column writes the description with json.dumps' defaults.
    return session_h, run_date, scm_ref, json.dumps(description)


CONTEXT_KEYS = tuple(name for name, _, _ in CONTEXT_FIELDS)


def context_values(payload: Any) -> tuple[Any, ...]:
    """``CONTEXT_COLUMNS`` values of a new context (the hash in the URL is not read)."""
    payload = _object(payload)
    return tuple(
        payload.get("cpu_vendor", "") if name == "cpu_vendor" else _key(payload, name)
        for name in CONTEXT_KEYS
    )


def metric_values(payload: Any) -> tuple[Any, ...]:
    """``METRIC_COLUMNS`` values of a new metric, after flask-restx's validation."""
    errors = dict(_error_key_and_message(e) for e in _METRIC_VALIDATOR.iter_errors(payload))
    if errors:
        raise PayloadInvalid(errors)
    return tuple(payload[name] for name in METRIC_KEYS)
