"""The app factory: every spec in ``specs/`` served from one ASGI app over one state."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from mock_server._connexion.apps import full_app, stock_app
from mock_server._connexion.dispatch import ApiDispatcher
from mock_server._connexion.limits import RequestLimits
from mock_server.core.config import LENIENT_APIS, MockConfig
from mock_server.core.seed import load_initial_data
from mock_server.core.specs import operations
from mock_server.core.state import MockState
from mock_server.monitor_server.routing import RealServerRouting
from mock_server.traffic.middleware import traffic_middleware
from mock_server.traffic.routes import OperationIndex

# api name -> "module:HandlersClass" (built with the MockState); its spec is
# ``core.specs.SPEC_FILES[api]``.
APIS: dict[str, str] = {
    "admin": "mock_server.admin.handlers:AdminHandlers",
    "preservica": "mock_server.preservica.handlers:PreservicaHandlers",
    "monitor_server": "mock_server.monitor_server.handlers:MonitorServerHandlers",
    "aepublish": "mock_server.aepublish.handlers:AepublishHandlers",
}


class MockServer:
    """The mock as one ASGI app; its state is ``mock_state``, each spec's connexion app is
    in ``apis``."""

    def __init__(self, app: ASGIApp, state: MockState, apis: dict[str, Any]) -> None:
        self.app = app
        self.mock_state = state
        self.apis = apis

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


def _handlers_for(api: str, state: MockState) -> Any:
    module, _, cls = APIS[api].partition(":")
    return getattr(import_module(module), cls)(state)


def stock_apps(state: MockState) -> dict[str, Any]:
    """Each of ``state.config.apis`` served by connexion as it comes, over ``state``: what
    ``--no-fast-lane`` serves, and what the mock is compared with."""
    config = state.config
    return {
        api: stock_app(
            api,
            _handlers_for(api, state),
            validate_responses=config.validate_responses,
        )
        for api in config.apis
    }


def full_apps(state: MockState, *, fast_lane: bool = True) -> dict[str, Any]:
    """Each of ``state.config.apis`` served by the mock's connexion apps, over ``state``
    (``fast_lane=False``: every request through connexion's chain, for the lane's tests)."""
    config = state.config
    return {
        api: full_app(
            api,
            _handlers_for(api, state),
            report_only=api in LENIENT_APIS and not config.strict,
            strict=config.strict and api != "admin",
            validate_responses=config.validate_responses,
            fast_lane=fast_lane,
        )
        for api in config.apis
    }


def dispatcher(apps: dict[str, Any]) -> ApiDispatcher:
    """One app handing each request to the app of its spec."""
    paths = {api: [template for _, template, _, _ in operations(api)] for api in apps}
    return ApiDispatcher(apps, paths)


def create_app(config: MockConfig | None = None, state: MockState | None = None) -> MockServer:
    """Build the mock: one ASGI app serving ``config.apis`` over one ``MockState``.

    The state is reachable as ``app.mock_state`` so tests and the pytest plugin can seed it
    or move its clock without going through HTTP.
    """
    config = config or (state.config if state else MockConfig())
    state = state or MockState(config)
    server = serve(state, full_apps(state) if config.fast_lane else stock_apps(state))
    load_initial_data(state)
    return server


def serve(state: MockState, apis: dict[str, Any]) -> MockServer:
    """``apis`` (each spec's app) behind what every request passes first: the journal and
    the fault rules, the limits on a request's size, monitor-server's own front door."""
    config = state.config
    index = OperationIndex(tuple(api for api in config.apis if api != "admin"))
    state.journal.resolve = index.resolve
    app: ASGIApp = dispatcher(apis)
    if "monitor_server" in config.apis:  # the real server's answers before its operations
        app = RealServerRouting(app)
    # Before anything parses a request: what it may be at most.
    app = RequestLimits(app, max_body=config.max_body)
    # First of all: faults act before anything else sees a request, and the journal sees
    # every answer (the server's own send, which a cut connection needs, is only there).
    app = traffic_middleware(state, index)(app)
    return MockServer(app, state, apis)
