"""A stateful local mock of the Preservica Process Monitor, monitor-server and aepublish APIs.

One connexion app serves every spec in ``specs/``; each API keeps its state and rules in a
backend that knows nothing of HTTP, and thin handlers translate between the two.

The names below are imported when first used: importing ``mock_server`` (as the pytest
plugin and the CLI do) must not cost connexion's import, nor need the ``mock`` extra.
"""

from __future__ import annotations

import warnings
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mock_server.app import create_app
    from mock_server.core.clock import MockClock
    from mock_server.core.config import ALL_APIS, MockConfig
    from mock_server.core.state import MockState

__all__ = ["ALL_APIS", "MockClock", "MockConfig", "MockState", "create_app"]

_WHERE = {
    "ALL_APIS": "mock_server.core.config",
    "MockClock": "mock_server.core.clock",
    "MockConfig": "mock_server.core.config",
    "MockState": "mock_server.core.state",
    "create_app": "mock_server.app",
}
MOCK_EXTRA = "the mock server needs the `mock` extra: pip install 'api-mocks[mock]'"


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'mock_server' has no attribute {name!r}")
    value = getattr(import_app_module(where), name)
    globals()[name] = value
    return value


def import_app_module(name: str) -> Any:
    """Import a module of the server (or of its stack) without the warnings its imports
    give: starlette's, when connexion imports its test client, that it prefers httpx2 (we
    pin httpx 0.28), and jsonschema's deprecations of what connexion 3.3 imports from it.
    A downstream suite running with ``filterwarnings = error`` must not fail on those.
    Without the ``mock`` extra: an ImportError saying which install is missing."""
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
            warnings.filterwarnings("ignore", category=DeprecationWarning, module="connexion")
            return import_module(name)
    except ModuleNotFoundError as error:
        if error.name and error.name.split(".")[0] in _MOCK_ONLY:
            raise ModuleNotFoundError(f"{MOCK_EXTRA} ({error.name} is missing)") from error
        raise


#: Top-level modules the ``mock`` extra brings (the base install has none of them).
_MOCK_ONLY = frozenset(
    {"connexion", "starlette", "uvicorn", "jsonschema", "yaml", "orjson", "aniso8601", "respx"}
)
