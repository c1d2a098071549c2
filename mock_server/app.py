"""The app factory: every spec in ``specs/`` mounted on one connexion ASGI app."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

import connexion
from connexion.resolver import Resolver

from mock_server._connexion.operations import (
    JSONIFIER,
    MockApp,
    json_unless_told,
    middlewares,
    swagger_ui_options,
)
from mock_server._connexion.problems import mock_error_response, undecodable_body_response
from mock_server._connexion.security import security_map_for
from mock_server._connexion.validation import PreparedURIParser
from mock_server.core.config import LENIENT_APIS, MockConfig
from mock_server.core.errors import MockError
from mock_server.core.seed import load_initial_data
from mock_server.core.state import MockState
from mock_server.monitor_server.routing import RealServerRouting
from mock_server.traffic.middleware import traffic_middleware
from mock_server.traffic.routes import OperationIndex

SPEC_DIR = Path(__file__).parent / "specs"

# api name -> (spec file, "module:HandlersClass"); the class is built with the MockState.
APIS: dict[str, tuple[str, str]] = {
    "admin": ("mock_admin.yaml", "mock_server.admin.handlers:AdminHandlers"),
    "preservica": ("preservica_monitor.yaml", "mock_server.preservica.handlers:PreservicaHandlers"),
    "monitor_server": (
        "monitor_server.yaml",
        "mock_server.monitor_server.handlers:MonitorServerHandlers",
    ),
    "aepublish": ("aepublish.yaml", "mock_server.aepublish.handlers:AepublishHandlers"),
}


def _handlers_for(api: str, state: MockState) -> Any:
    module, _, cls = APIS[api][1].partition(":")
    return getattr(import_module(module), cls)(state)


def create_app(
    config: MockConfig | None = None, state: MockState | None = None
) -> connexion.AsyncApp:
    """Build the mock: one ASGI app serving ``config.apis`` over one ``MockState``.

    The state is reachable as ``app.mock_state`` so tests and the pytest plugin can seed it
    or move its clock without going through HTTP.
    """
    config = config or (state.config if state else MockConfig())
    state = state or MockState(config)
    index = OperationIndex(tuple(api for api in config.apis if api != "admin"))
    state.journal.resolve = index.resolve
    # First of all: faults act before anything else sees a request, and the journal sees
    # every answer (the server's own send, which a cut connection needs, is only there).
    front: list[Any] = [traffic_middleware(state, index)]
    if "monitor_server" in config.apis:  # the real server's answers before its operations
        front.append(RealServerRouting)
    app = MockApp(
        __name__,
        specification_dir=SPEC_DIR,
        middlewares=[*front, *middlewares(fast_lane=config.fast_lane)],
        jsonifier=JSONIFIER,
    )
    for api in config.apis:
        spec_file, _ = APIS[api]
        handlers = _handlers_for(api, state)
        app.add_api(
            spec_file,
            # operationIds name methods of the handlers object, not import paths.
            resolver=Resolver(function_resolver=_handler_resolver(handlers)),
            security_map=security_map_for(handlers),
            strict_validation=True,
            report_only=api in LENIENT_APIS and not config.strict,
            strict_contract=config.strict and api != "admin",
            uri_parser_class=PreparedURIParser,
            validate_responses=config.validate_responses,
            swagger_ui_options=swagger_ui_options(api),
            name=api,
        )
    app.add_error_handler(MockError, mock_error_response)
    app.add_error_handler(UnicodeDecodeError, undecodable_body_response)
    load_initial_data(state)
    app.mock_state = state  # type: ignore[attr-defined]
    return app


def _handler_resolver(handlers: Any) -> Callable[[str], Callable]:
    """operationId -> the handlers' method of that name, answering JSON by default."""

    def resolve(operation_id: str) -> Callable:
        return json_unless_told(getattr(handlers, operation_id))

    return resolve
