"""The fast lane: a valid request answered in one flat step, everything else by connexion.

connexion 3.3 passes every request through about ten middlewares, each looking the
operation up again, routing it twice (Swagger UI, then operations) and building request
objects, validators and handler arguments anew: when the mock was first measured, about
200 µs of a 280 µs W1 request went there, not into the mock's rules (``bench/README.md``
has today's figures).

This middleware heads connexion's chain. For a request that routes to an operation it
has prepared, it runs connexion's own pieces in a row: the same
routes (one ``starlette`` route per operation, the same order, tried only when their
literal prefix fits), the same security functions, the same parameter parsing and
validation, the same handler arguments (as ``prep_kwargs`` builds them, planned once per
operation: ``mock_server._connexion.arguments``) and response building, and, when the app
validates responses, connexion's response validation. A JSON body is parsed once by the
validator's parser and checked by the operation's compiled schema validator.

It never answers a refusal itself: the first check that would fail (no credentials, an
unknown or invalid parameter, a body that is not JSON or not valid, a 405, a path that
also needs a redirect...) hands the untouched request, body replayed, to connexion, which
answers exactly as it always has. Once the handler is called the fast lane owns the
request. An exception raised from there until the answer starts (the handler's refusal, a
response that fails validation) goes down connexion's chain with the request:
``RaiseInChain``, just inside connexion's error middlewares, raises it there, and they
answer it as they answer any. A valid request skips those middlewares otherwise.
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple, cast

from connexion.context import _context, _operation, _receive, _scope
from connexion.decorators.parameter import (
    inspect_function_arguments,
    sanitized,
    unwrap_decorators,
)
from connexion.decorators.parameter import pythonic as pythonic_name
from connexion.decorators.response import AsyncResponseDecorator
from connexion.frameworks.starlette import Starlette as StarletteFramework
from connexion.http_facts import FORM_CONTENT_TYPES
from connexion.lifecycle import ConnexionRequest
from connexion.middleware.abstract import SpecMiddleware
from connexion.middleware.request_validation import RequestValidationOperation
from connexion.middleware.response_validation import ResponseValidationOperation
from connexion.middleware.routing import RoutingAPI
from connexion.middleware.security import SecurityOperation
from connexion.security import SecurityHandlerFactory
from connexion.validators import VALIDATOR_MAP
from starlette._utils import get_route_path
from starlette.requests import Request as StarletteRequest
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from mock_server._connexion.arguments import ArgumentPlan
from mock_server._connexion.jsonify import FastJsonifier
from mock_server._connexion.routing import ALLOW, RouteIndex, allowed_methods
from mock_server._connexion.validation import (
    BodyChecks,
    PreparedJSONBodyValidator,
    charset_of,
    is_utf8,
    read_body,
    replaying,
)
from mock_server.core.numbers import loads_finite

#: Where a prepared response waits for connexion's response validation to send it.
_RESPONSE = "mock_server.fast_lane_response"
#: Where an exception raised in the fast lane waits for ``RaiseInChain`` (scope extensions).
_RAISED = "mock_server.fast_lane_raised"


class FastLaneOperation:
    """One operation's checks and call, prepared once."""

    def __init__(self, operation: Any, options: dict[str, Any]) -> None:
        self.operation = operation
        self.security = SecurityOperation.from_operation(
            operation,
            next_app=None,  # pyright: ignore[reportArgumentType]
            security_handler_factory=options["security_factory"],
        )
        validator_map = options["validator_map"]
        # connexion's request validation operation, for its content-type checks and the
        # names of query parameters that carry credentials (its __call__ is not used).
        self.request_checks = RequestValidationOperation(
            None,  # pyright: ignore[reportArgumentType]
            operation=operation,
            strict_validation=options["strict_validation"],
            validator_map=validator_map,
        )
        self.uri_parser = operation.uri_parser_class(
            operation.parameters, operation.body_definition()
        )
        # The parameter validator connexion's request validation would make, made once.
        self.parameter_validator = validator_map["parameter"](
            operation.parameters,
            uri_parser=self.uri_parser,
            strict_validation=options["strict_validation"],
            security_query_params=self.request_checks.security_query_params,
        )
        self.body_validators = validator_map["body"]
        self.reads_body = operation.is_request_body_defined
        self.function = AsyncResponseDecorator(
            framework=StarletteFramework, jsonifier=options["jsonifier"]
        )(operation.function)
        arguments, has_kwargs = inspect_function_arguments(unwrap_decorators(operation.function))
        self.arguments = ArgumentPlan(
            operation,
            arguments=arguments,
            has_kwargs=has_kwargs,
            sanitize=pythonic_name if options["pythonic_params"] else sanitized,
        )
        self._typings: dict[str | None, _Typing | None] = {}
        self._body_checks: dict[str, BodyChecks | None] = {}
        self.validated_send: Any = None
        if options["validate_responses"]:
            self.validated_send = ResponseValidationOperation(
                _send_prepared_response, operation=operation, validator_map=validator_map
            )

    def body_checks(self, mime_type: str) -> BodyChecks | None:
        """The compiled validators of a JSON body of this type (the very ones connexion's
        request validation uses), None when connexion would not check it as JSON."""
        if mime_type not in self._body_checks:
            schema = self.operation.body_schema(mime_type)
            validator_cls = self.body_validators.get(mime_type) if schema else None
            checks = None
            if validator_cls is not None and issubclass(validator_cls, PreparedJSONBodyValidator):
                checks = BodyChecks.of(schema)
            if len(self._body_checks) >= 64:  # a client sending ever new types gets no memory
                self._body_checks.clear()
            self._body_checks[mime_type] = checks
        return self._body_checks[mime_type]

    async def answer(
        self, scope: Scope, receive: Receive, send: Send, body: bytes
    ) -> Literal[True, False] | Exception:
        """Answer the request and return True; or return False having sent nothing (and
        called no handler) when any check does not pass; or return the exception raised
        once the request was taken, before any of the answer was sent."""
        try:
            checked = await self._checked(scope, receive, body)
        except Exception:  # a refusal, or any surprise: connexion's to answer
            return False
        if checked is None:
            return False
        request, typing, request_body = checked
        started = False

        # Not a coroutine function: one plain call a message, noting the answer began.
        def sending(message: Any) -> Any:
            nonlocal started
            started = True
            return send(message)

        try:
            context = scope["extensions"]["connexion_context"]
            _context.set(context)
            _operation.set(self.operation)
            _receive.set(receive)
            _scope.set(scope)
            kwargs = self.arguments.kwargs(
                path_params=request.path_params,
                # connexion's reading of no query string is no parameter.
                query_params=request.query_params if scope["query_string"] else {},
                body=request_body,
                content_type=typing.mimetype,
                context=context,
            )
            response = await self.function(**kwargs)
            if self.validated_send is None:
                await response(scope, receive, sending)
            else:
                scope["extensions"][_RESPONSE] = response
                await self.validated_send(scope, receive, sending)
        except Exception as error:
            if started:  # as connexion's error middlewares would: too late to answer it
                raise
            return error
        return True

    async def _checked(
        self, scope: Scope, receive: Receive, body: bytes
    ) -> tuple[ConnexionRequest, _Typing, Any] | None:
        """The request, its typing and its body's value when every check passes, else
        None (or the check's exception)."""
        # connexion's own way to wrap a starlette request: built directly, a ConnexionRequest
        # first looks for its starlette request through two AttributeErrors.
        request = ConnexionRequest.from_starlette_request(
            StarletteRequest(scope, receive), uri_parser=self.uri_parser
        )
        if self.operation.security:
            await self.security.verification_fn(request)
        self.parameter_validator.validate_request(request)
        typing = self._typing(request, scope)
        if typing is None:
            return None
        request_body = None
        if self.reads_body:
            request_body = self._parsed_body(request, typing, body)
            if request_body is _REFUSED:
                return None
        return request, typing, request_body

    def _typing(self, request: Any, scope: Scope) -> _Typing | None:
        """What the request's Content-Type means to connexion, or None when connexion must
        answer it (a form, or a type the operation does not take). Worked out once per
        header value: connexion parses the header three times per request."""
        raw = _first_header(scope, b"content-type")
        if raw in self._typings:
            return self._typings[raw]
        typing: _Typing | None = None
        mimetype = _UNTYPED if raw is None else request.mimetype
        if raw is None or mimetype not in FORM_CONTENT_TYPES:  # connexion reads any form
            mime_type, _ = self.request_checks.extract_content_type(
                [] if raw is None else [(b"content-type", raw.encode("latin-1"))]
            )
            try:
                self.request_checks.validate_mime_type(mime_type)
            except Exception:
                pass
            else:
                # The charset as the body validator reads it (connexion's own reading of
                # the header, ``encoding``, misses one written after a space).
                charset = charset_of(raw)
                typing = _Typing(raw is not None, mimetype, mime_type, is_utf8(charset))
        if len(self._typings) >= 64:  # a client sending ever new types gets no memory
            self._typings.clear()
        self._typings[raw] = typing
        return typing

    def _parsed_body(self, request: Any, typing: _Typing, body: bytes) -> Any:
        """The JSON value of a valid body, or ``_REFUSED`` for connexion to judge."""
        # connexion takes a body without a Content-Length for no body (its default, or 400).
        if not body or _first_header(request.scope, b"content-length") != str(len(body)):
            return _REFUSED
        if not typing.typed:  # connexion hands such a body over raw
            return _REFUSED
        if not typing.utf8:
            return _REFUSED
        checks = self.body_checks(typing.mime_type)
        if checks is None:
            return _REFUSED
        try:
            value = loads_finite(body)  # the very parse of the body validator
        except ValueError:  # not UTF-8, not JSON, not finite, too deep: its 400
            return _REFUSED
        if value is None or not checks.accepts(value):  # null: connexion's nullable rules
            return _REFUSED
        return value


_REFUSED = object()


def _first_header(scope: Scope, name: bytes) -> str | None:
    """``request.headers.get(name)`` (the first value; ASGI servers send names in lower
    case), without building starlette's ``Headers`` for one look."""
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


class _Typing(NamedTuple):
    typed: bool  # a Content-Type header was sent
    mimetype: str  # connexion's request.mimetype (what handler arguments are read for)
    mime_type: str  # connexion's request validation's (the operation's first when untyped)
    utf8: bool  # the body is UTF-8 (no charset, or that one)


_UNTYPED = "application/octet-stream"  # what connexion takes a request without a type for


async def _send_prepared_response(scope: Scope, receive: Receive, send: Send) -> None:
    await scope["extensions"].pop(_RESPONSE)(scope, receive, send)


class FastLaneAPI(RoutingAPI):
    """One spec's operations, routed as connexion's routing middleware routes them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._options = {
            "security_factory": SecurityHandlerFactory(kwargs.get("security_map")),
            "strict_validation": kwargs.get("strict_validation", False),
            "validator_map": {**VALIDATOR_MAP, **(kwargs.get("validator_map") or {})},
            "jsonifier": kwargs.get("jsonifier") or FastJsonifier(),
            "pythonic_params": kwargs.get("pythonic_params", False),
            "validate_responses": kwargs.get("validate_responses", False),
        }
        super().__init__(*args, **kwargs)
        self.index = RouteIndex(self.router.routes)

    def make_operation(  # pyright: ignore[reportIncompatibleMethodOverride]
        self, operation: Any
    ) -> FastLaneOperation:
        return FastLaneOperation(operation, self._options)

    def match(
        self, scope: Scope, route_path: str
    ) -> tuple[FastLaneOperation, dict[str, Any]] | Literal[False] | None:
        """The operation and path parameters of a full match; ``None`` when no route of
        this API can match, so the next API is asked; False when connexion must decide
        (a 405, whose ``Allow`` is noted for its answer, or a redirect to the path with or
        without a trailing slash)."""
        found = self.index.match(scope, route_path)
        if found.full is not None:
            route, child_scope = found.full
            # Each route is a starlette Route connexion added, its endpoint what
            # make_operation made.
            operation = cast(FastLaneOperation, cast(Route, route).endpoint)
            return operation, child_scope.get("path_params", {})
        if found.partials:
            scope.setdefault("extensions", {})[ALLOW] = allowed_methods(found.partials)
            return False
        if found.redirect is not None:
            return False
        return None


class FastLaneMiddleware(SpecMiddleware):
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.apis: list[FastLaneAPI] = []
        self.skipped_prefixes: tuple[str, ...] = ()

    def add_api(self, specification: Any, base_path: str | None = None, **kwargs: Any) -> None:
        api = FastLaneAPI(specification, next_app=self.app, base_path=base_path, **kwargs)
        if api.base_path:  # every spec here is mounted at the root; others go the long way
            return
        self.apis.append(api)
        options = kwargs.get("swagger_ui_options")
        if options is not None:  # the Swagger UI middleware answers these before routing
            self.skipped_prefixes += (options.swagger_ui_path, options.spec_path)

    def route(self, scope: Scope) -> tuple[FastLaneOperation, dict[str, Any]] | None:
        if self.skipped_prefixes and get_route_path(scope).startswith(self.skipped_prefixes):
            return None
        route_path = get_route_path(scope)
        # connexion mounts every API at "": its regex ^/(?P<path>.*)$ (no DOTALL) takes a
        # path whole exactly when it starts with "/" and holds no newline (one ending in a
        # newline it cuts short, and then routes what is left: connexion's affair).
        if not route_path.startswith("/") or "\n" in route_path:
            return None
        for api in self.apis:
            found = api.match(scope, route_path)
            if found is None:
                continue
            return found or None
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = self.route(scope) if scope["type"] == "http" else None
        if found is None:
            await self.app(scope, receive, send)
            return
        operation, path_params = found
        body = b""
        if operation.reads_body:
            body = await read_body(receive)
            receive = replaying(body, receive)
        # The fast lane writes path parameters and the security context on a copy, so a
        # request it gives up on reaches connexion as it came.
        fast_scope = dict(scope)
        fast_scope["path_params"] = path_params
        fast_scope["extensions"] = {**scope.get("extensions", {}), "connexion_context": {}}
        outcome = await operation.answer(fast_scope, receive, send, body)
        if outcome is True:
            return
        if outcome is not False:  # connexion's error middlewares answer what was raised
            scope.setdefault("extensions", {})[_RAISED] = outcome
        await self.app(scope, receive, send)


class RaiseInChain:
    """Just inside connexion's error middlewares: raises there what the fast lane caught
    (which it put in the scope); any other request passes on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        raised = scope.get("extensions", {}).pop(_RAISED, None) if scope["type"] == "http" else None
        if raised is not None:
            raise raised
        await self.app(scope, receive, send)
