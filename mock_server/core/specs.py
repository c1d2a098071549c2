"""The specs as documents: which operations each API has, read once per process.

Each document is parsed once and shared: the app hands a copy of it to connexion, the seed
checks read the admin spec's schemas from it, and the domain reads what it needs without
HTTP: the operationIds a fault rule may name (``operation_ids``) and, for the traffic
layer, each operation's method, path and example answers.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

SPEC_DIR = Path(__file__).parents[1] / "specs"
#: api name -> its spec.
SPEC_FILES = {
    "admin": "mock_admin.yaml",
    "preservica": "preservica_monitor.yaml",
    "monitor_server": "monitor_server.yaml",
    "aepublish": "aepublish.yaml",
}
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def spec_document(api: str) -> dict[str, Any]:
    """The parsed spec of ``api`` (shared: do not change it)."""
    return yaml.load((SPEC_DIR / SPEC_FILES[api]).read_text(), Loader=_Loader)


def operations(api: str) -> list[tuple[str, str, str, dict[str, Any]]]:
    """``(METHOD, path, operationId, operation)`` of every operation, in spec order."""
    found = []
    for path, item in spec_document(api)["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                found.append((method.upper(), path, operation["operationId"], operation))
    return found


@cache
def operation_ids(api: str) -> frozenset[str]:
    return frozenset(operation_id for _, _, operation_id, _ in operations(api))
