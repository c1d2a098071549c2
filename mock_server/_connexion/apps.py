"""The connexion apps of the mock: one per spec, either the mock's or stock connexion.

Each spec is served by an ``AsyncApp`` of its own (``dispatch.ApiDispatcher`` hands each
request to the app of its spec): connexion 3.3 links several APIs mounted at one base path
wrongly (each new one becomes the fallback of every earlier one, so only the first and the
last are reachable, and its Swagger UI does not chain them at all), and every spec here is
mounted at the root.

``full_app`` is what the mock serves: connexion configured through its documented options
(``validator_map``, ``uri_parser_class``, ``security_map``, ``jsonifier``, the error
handlers, the middleware list, the resolver) with the fast lane in its middleware chain.
``stock_app`` is connexion as it comes, given only the handlers (the operations) and the
functions that check credentials: ``mock-server --no-fast-lane`` serves it, and
``tests/contract/test_stock_oracle.py`` compares the mock with it.
"""

from __future__ import annotations

import copy
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import connexion
from connexion.middleware.exceptions import ExceptionMiddleware
from connexion.middleware.main import ConnexionMiddleware
from connexion.middleware.request_validation import RequestValidationMiddleware
from connexion.options import SwaggerUIOptions
from connexion.resolver import Resolver
from starlette.responses import Response

from mock_server._connexion.fastlane import FastLaneMiddleware, RaiseInChain
from mock_server._connexion.jsonify import FastJsonifier
from mock_server._connexion.problems import ERROR_HANDLERS, mock_error_response
from mock_server._connexion.security import security_map_for
from mock_server._connexion.validation import (
    VALIDATOR_MAP,
    ContractCheckMiddleware,
    PreparedURIParser,
)
from mock_server.core.errors import MockError
from mock_server.core.specs import spec_document

JSONIFIER = FastJsonifier()


class _OneBodyTypeNote(logging.Filter):
    """connexion's ``OpenAPIOperation.body_definition`` warns "this operation accepts
    multiple content types" on every request to an operation whose body may come in more
    than one type, as POST /_mock/seed's does (JSON or YAML): by design here, so not worth a
    log line per seed. (A filter on connexion's logger: it quiets that line for any app.)"""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("this operation accepts multiple content")


logging.getLogger("connexion.operations.openapi3").addFilter(_OneBodyTypeNote())


def swagger_ui_options(api: str) -> SwaggerUIOptions:
    # Every API is mounted at the root, so each needs its own UI path.
    return SwaggerUIOptions(swagger_ui_path=f"/_docs/{api}", spec_path=f"/_specs/{api}.json")


def resolver_for(handlers: Any) -> Resolver:
    """operationIds name methods of the handlers object, not import paths."""

    def resolve(operation_id: str) -> Callable[..., Awaitable[Any]]:
        return json_unless_told(getattr(handlers, operation_id))

    return Resolver(function_resolver=resolve)


def middlewares(*, contract_check: bool, fast_lane: bool = True) -> list[Any]:
    """connexion's middleware chain headed by the fast lane, with ``RaiseInChain`` just
    inside connexion's exception middleware (a handler's error in the fast lane is raised
    there, and answered by connexion as any); with ``contract_check``, request validation
    that collects every violation (``ContractCheckMiddleware``)."""
    chain: list[Any] = list(ConnexionMiddleware.default_middlewares)
    if contract_check:
        chain[chain.index(RequestValidationMiddleware)] = ContractCheckMiddleware
    if fast_lane:
        chain.insert(chain.index(ExceptionMiddleware) + 1, RaiseInChain)
        chain.insert(0, FastLaneMiddleware)
    return chain


def specification(api: str) -> dict[str, Any]:
    """The spec of ``api`` for connexion, parsed once per process (by libyaml when PyYAML
    has it, where connexion would read the file with the pure-Python loader for each
    app: most of an app's build) and copied, as connexion changes what it is given."""
    return copy.deepcopy(spec_document(api))


def full_app(
    api: str,
    handlers: Any,
    *,
    report_only: bool,
    strict: bool,
    validate_responses: bool,
    fast_lane: bool = True,
) -> connexion.AsyncApp:
    """The mock's app for one spec. ``report_only``: requests off the contract are answered
    anyway, their violations noted; ``strict``: refused, listing every violation. Without
    ``fast_lane`` (for its tests) every request goes through connexion's chain."""
    app = connexion.AsyncApp(
        __name__,
        middlewares=middlewares(contract_check=report_only or strict, fast_lane=fast_lane),
        jsonifier=JSONIFIER,
    )
    app.add_api(
        specification(api),
        name=api,
        resolver=resolver_for(handlers),
        security_map=security_map_for(handlers),
        strict_validation=True,
        # connexion annotates it as a parser where it takes the parser's class.
        uri_parser_class=PreparedURIParser,  # pyright: ignore[reportArgumentType]
        validator_map=VALIDATOR_MAP,
        validate_responses=validate_responses,
        swagger_ui_options=swagger_ui_options(api),
        contract_strict=strict,  # read by ContractCheckMiddleware's API
    )
    for raised, handler in ERROR_HANDLERS:
        app.add_error_handler(raised, handler)
    return app


def stock_app(api: str, handlers: Any, *, validate_responses: bool) -> connexion.AsyncApp:
    """connexion as it comes, serving one spec with the mock's handlers."""
    app = connexion.AsyncApp(__name__)
    app.add_api(
        specification(api),
        name=api,
        resolver=resolver_for(handlers),
        security_map=security_map_for(handlers, stock=True),
        strict_validation=True,
        validate_responses=validate_responses,
        swagger_ui_options=swagger_ui_options(api),
    )
    # The handlers' refusals (the backends' errors) as their statuses, not as 500s.
    app.add_error_handler(MockError, mock_error_response)
    return app


# --- a handler's result as a response -------------------------------------------------------


def json_unless_told(handler: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
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
