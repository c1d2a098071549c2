"""The app factory: every spec in ``specs/`` mounted on one connexion ASGI app."""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

import connexion
from connexion.apps.asynchronous import AsyncApi, AsyncASGIApp, AsyncOperation
from connexion.context import receive, scope
from connexion.decorators import StarletteDecorator
from connexion.middleware.exceptions import ExceptionMiddleware
from connexion.options import SwaggerUIOptions
from connexion.resolver import Resolver
from starlette.responses import Response

from mock_server.core.config import MockConfig
from mock_server.core.errors import MockError
from mock_server.core.seed import load_initial_data
from mock_server.core.state import MockState
from mock_server.fastlane import FastLaneMiddleware
from mock_server.jsonify import FastJsonifier
from mock_server.problems import mock_error_response, undecodable_body_response
from mock_server.routing import MIDDLEWARES
from mock_server.security import security_map_for
from mock_server.validation import ParsedOnceRequest, PreparedURIParser

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


def _middlewares(config: MockConfig) -> list[type]:
    if not config.fast_lane:
        return MIDDLEWARES
    # Inside the exception middleware, so errors a handler raises are answered as ever.
    at = MIDDLEWARES.index(ExceptionMiddleware) + 1
    return [*MIDDLEWARES[:at], FastLaneMiddleware, *MIDDLEWARES[at:]]


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
    app = MockApp(
        __name__,
        specification_dir=SPEC_DIR,
        middlewares=_middlewares(config),
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
            uri_parser_class=PreparedURIParser,
            validate_responses=config.validate_responses,
            swagger_ui_options=_swagger_ui_options(api),
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
        return _json_unless_told(getattr(handlers, operation_id))

    return resolve


JSONIFIER = FastJsonifier()


def _json_unless_told(handler: Callable) -> Callable:
    """Answer a handler's dict or list body as JSON, ready made.

    Every operation also declares ``application/problem+json`` for its errors, and connexion
    refuses to guess between two content types; the response is built here rather than by
    connexion's response decorator, which would re-read the operation's content types on
    every request. Handlers that answer something else (XML, no body) return ``(body,
    status, headers)`` or a response themselves and are left alone.
    """

    @functools.wraps(handler)  # connexion reads the parameters through __wrapped__
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = await handler(*args, **kwargs)
        if isinstance(result, tuple):
            if len(result) == 2 and isinstance(result[0], (dict, list)):
                return _json_response(result[0], result[1])
            if len(result) == 2 and result[0] is not None:
                return result[0], result[1], {"Content-Type": "application/json"}
            return result
        if isinstance(result, (dict, list)):
            return _json_response(result, 200)
        return result

    return wrapper


def _json_response(body: Any, status: int) -> Response:
    return Response(JSONIFIER.dumps(body), status_code=status, media_type="application/json")


def _swagger_ui_options(api: str) -> SwaggerUIOptions:
    # Every API is mounted at the root, so each needs its own UI path.
    return SwaggerUIOptions(swagger_ui_path=f"/_docs/{api}", spec_path=f"/_specs/{api}.json")


# --- per-operation work done once -----------------------------------------------------------
#
# connexion 3.3 rebuilds a handler's decorators on every request: it reads the handler's
# signature and makes a URI parser from the operation's parameters each time (a sixth of a
# request's time). The classes below do it once per operation; the requests themselves are
# parsed, validated and answered by the very same connexion code, except that a JSON body
# the request validation parsed is not parsed again (``ParsedOnceRequest``).


class _PreparedDecorator(StarletteDecorator):
    def __call__(self, function: Callable) -> Callable:
        decorated = self.decorate(function)
        uri_parser = None  # needs the operation, known once a request is routed to it

        @functools.wraps(function)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            nonlocal uri_parser
            if uri_parser is None:
                uri_parser = self.uri_parser
            request = ParsedOnceRequest(scope, receive, uri_parser=uri_parser)
            return await decorated(request)

        return wrapper


class _PreparedOperation(AsyncOperation):
    @functools.cached_property
    def fn(self) -> Callable:  # type: ignore[override]
        decorator = _PreparedDecorator(
            pythonic_params=self.pythonic_params, jsonifier=self.jsonifier
        )
        return decorator(self._fn)


class _PreparedApi(AsyncApi):
    def make_operation(self, operation: Any) -> AsyncOperation:
        return _PreparedOperation.from_operation(
            operation, pythonic_params=self.pythonic_params, jsonifier=self.jsonifier
        )


class _PreparedASGIApp(AsyncASGIApp):
    api_cls = _PreparedApi


class MockApp(connexion.AsyncApp):
    """connexion's ``AsyncApp`` whose operations prepare their handler call once."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # APIs reach the innermost app only when the middleware stack is built (at the first
        # request), so it can still be swapped here.
        self._middleware_app = self.middleware.app = _PreparedASGIApp()
