"""How the mock's connexion app is put together: its middleware chain, each API's Swagger UI
paths, a handler's result as a JSON response, and operations that prepare their handler
call once.

connexion 3.3 rebuilds a handler's decorators on every request: it reads the handler's
signature and makes a URI parser from the operation's parameters each time (a sixth of a
request's time). The classes below do it once per operation; the requests themselves are
parsed, validated and answered by the very same connexion code, except that a JSON body
the request validation parsed is not parsed again (``ParsedOnceRequest``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import connexion
from connexion.apps.asynchronous import AsyncApi, AsyncASGIApp, AsyncOperation
from connexion.context import receive, scope
from connexion.decorators import StarletteDecorator
from connexion.middleware.exceptions import ExceptionMiddleware
from connexion.options import SwaggerUIOptions
from starlette.responses import Response

from mock_server._connexion.fastlane import FastLaneMiddleware
from mock_server._connexion.jsonify import FastJsonifier
from mock_server._connexion.routing import MIDDLEWARES
from mock_server._connexion.validation import ParsedOnceRequest

JSONIFIER = FastJsonifier()


def middlewares(*, fast_lane: bool) -> list[type]:
    """connexion's middleware chain as the mock replaces it (``routing.MIDDLEWARES``), with
    the fast lane or without."""
    if not fast_lane:
        return MIDDLEWARES
    # Inside the exception middleware, so errors a handler raises are answered as ever.
    at = MIDDLEWARES.index(ExceptionMiddleware) + 1
    return [*MIDDLEWARES[:at], FastLaneMiddleware, *MIDDLEWARES[at:]]


def swagger_ui_options(api: str) -> SwaggerUIOptions:
    # Every API is mounted at the root, so each needs its own UI path.
    return SwaggerUIOptions(swagger_ui_path=f"/_docs/{api}", spec_path=f"/_specs/{api}.json")


# --- a handler's result as a response -------------------------------------------------------


def json_unless_told(handler: Callable) -> Callable:
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


# --- per-operation work done once -----------------------------------------------------------


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
