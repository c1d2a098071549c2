"""connexion's request validation, through its ``validator_map`` and ``uri_parser_class``.

connexion 3.3 builds a URI parser, a parameter validator, a jsonschema validator per
parameter (after deep-copying its definition) and one for the body (ditto) on every
request. The validators here (``VALIDATOR_MAP``, handed to ``add_api``) keep the compiled
schema validators across requests, by definition, and give the same answers with the same
messages. They also read a body as the mock must and connexion does not:

- a JSON body is parsed by ``mock_server.core.numbers.loads_finite`` (orjson: no NaN or
  infinities, exact integers, a bounded depth), as UTF-8 (RFC 8259): a ``Content-Type``
  naming another charset is a 415 (connexion decodes with the name it finds, a bogus one
  included, and misses one written after a space, as RFC 9110 allows), a body that is not
  UTF-8 a 400;
- a body with no ``Content-Type`` is a 415: connexion validates it as the operation's
  first type but hands the handler its raw bytes;
- a form holds at most ``MAX_FORM_FIELDS`` fields (connexion reads them in time growing
  with the square of their number, and lets starlette's "too many fields" through as a
  500).

JSON bodies are first checked with ``jsonschema_rs`` when it is installed (the ``fast``
extra): a body it accepts is accepted (it is at least as strict as connexion's check on the
schemas it is used for: see ``_fast_validator``); a body it refuses, or cannot read, goes
through connexion's own validator, so every refusal is the very same 400 problem with the
same message. A 1,000-observation aepublish body: ~8 ms -> well under 1 ms.

``ContractCheckMiddleware`` replaces connexion's request validation middleware for the APIs
that answer requests off their contract (monitor-server, as its real server does) or refuse
them listing every violation (``--strict``): the same checks, every message collected.
"""

from __future__ import annotations

import collections
import copy
import functools
from collections.abc import Awaitable
from types import ModuleType
from typing import Any, ClassVar, cast

import orjson
from connexion import utils
from connexion.datastructures import MediaTypeDict
from connexion.exceptions import (
    BadRequestProblem,
    ExtraParameterProblem,
    ProblemException,
    UnsupportedMediaTypeProblem,
)
from connexion.json_schema import format_error_with_path
from connexion.lifecycle import ConnexionRequest
from connexion.middleware.request_validation import (
    RequestValidationAPI,
    RequestValidationMiddleware,
    RequestValidationOperation,
)
from connexion.uri_parsing import OpenAPIURIParser
from connexion.validators import (
    FormDataValidator,
    JSONRequestBodyValidator,
    MultiPartFormDataValidator,
    ParameterValidator,
)
from jsonschema import Draft4Validator
from python_multipart.multipart import parse_options_header
from starlette.datastructures import Headers
from starlette.formparsers import FormParser, MultiPartException
from starlette.types import Message, Receive, Scope, Send

from mock_server.core.numbers import loads_finite

jsonschema_rs: ModuleType | None
try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - the fast extra is not installed
    jsonschema_rs = None

#: The most fields a form body may hold (its parser's work grows with their square).
MAX_FORM_FIELDS = 100
#: How many parameter definitions and body schemas keep their compiled validators (an app
#: has about a hundred).
KEPT = 4096


# --- parameters -------------------------------------------------------------------------


class PreparedURIParser(OpenAPIURIParser):
    """connexion's OpenAPI URI parser, its parameter schemas read once.

    connexion rebuilds the ``param_schemas`` mapping on every lookup, several times per
    parameter of every request; the parser's definitions never change after it is made.
    """

    @functools.cached_property
    def param_schemas(self) -> dict[str, Any]:  # pyright: ignore[reportIncompatibleMethodOverride]
        return {k: v.get("schema", {}) for k, v in self.param_defns.items()}

    @functools.cached_property
    def _plain_path_names(self) -> frozenset[str]:
        """The path parameters connexion hands on as they come: its ``coerce_type``
        converts integers, numbers, booleans, arrays and objects, and a nullable value
        written "null"; for a string it raises a TypeError and catches it, on every
        request."""
        return frozenset(
            name
            for name, definition in self.param_defns.items()
            if definition.get("in") == "path"
            and definition.get("schema", definition).get("type") == "string"
            and not utils.is_nullable(definition.get("schema", definition))
        )

    def resolve_path(self, path_data: dict[str, Any]) -> dict[str, Any]:
        if path_data.keys() <= self._plain_path_names:
            return dict(path_data)
        return super().resolve_path(path_data)


class PreparedParameterValidator(ParameterValidator):
    """connexion's checks and messages, with one jsonschema validator per parameter.

    connexion makes a parameter validator per request; the compiled schema validators
    are kept here by parameter definition (a definition is kept alive with its validators,
    so its ``id`` is never reused while they are kept; a process that builds app after app,
    a test run, starts over beyond ``KEPT`` definitions).
    """

    _compiled: ClassVar[dict[int, tuple[dict[str, Any], Any, Draft4Validator]]] = {}

    @functools.cached_property
    def _without_query(self) -> ParameterValidator | None:
        """This validator without its query parameters, for a request with no query
        string: when none of them is required, connexion has nothing to say about an empty
        query (no name is extra, no value is there to check), so only the others need
        checking. None when one is required (its absence is the request's error)."""
        if any(param.get("required") for param in self.parameters.get("query", [])):
            return None
        lighter = copy.copy(self)
        lighter.parameters = collections.defaultdict(
            list, {k: v for k, v in self.parameters.items() if k != "query"}
        )
        lighter.strict_validation = False
        return lighter

    def validate_request(self, request: ConnexionRequest) -> None:
        """connexion's own checks; of a request with no query string, only those of the
        other parameters when that is all they can find (see ``_without_query``)."""
        scope = cast(Scope, request.scope)
        lighter = None if scope["query_string"] else self._without_query
        ParameterValidator.validate_request(lighter or self, request)

    def validate_parameter(  # pyright: ignore[reportIncompatibleMethodOverride]
        self,
        parameter_type: str,
        value: Any,
        param: dict[str, Any],
        param_name: str | None = None,
    ) -> str | None:
        if value is None and not param.get("required"):  # upstream's answer, sooner
            return None
        if value is None or (utils.is_nullable(param) and utils.is_null(value)):
            return super().validate_parameter(parameter_type, value, param, param_name)
        compiled = self._compiled.get(id(param))
        if compiled is None:
            if len(self._compiled) >= KEPT:
                self._compiled.clear()
            schema = param.get("schema", param)
            compiled = self._compiled[id(param)] = (
                param,
                _fast_validator(schema),
                Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER),
            )
        _, fast, full = compiled
        if _fast_accepts(fast, value):
            return None
        # connexion reports what validate() raises: the first error iter_errors yields.
        error = next(full.iter_errors(value), None)
        return None if error is None else str(error)

    def violations(self, scope: Scope) -> list[str]:
        """Every message of connexion's ``validate_request``, which raises the first (the
        same checks in the same order), each naming its parameter."""
        request = ConnexionRequest(scope, uri_parser=self.uri_parser)
        found: list[str] = []
        try:
            if self.strict_validation:
                extra = self.validate_query_parameter_list(
                    request, security_params=self.security_query_params
                )
                if extra:
                    problem = ExtraParameterProblem(param_type="query", extra_params=extra)
                    found.append(str(problem.detail))
        except ProblemException as problem:
            found.append(str(problem.detail))
        checks = (
            ("query", self.validate_query_parameter),
            ("path", self.validate_path_parameter),
            ("header", self.validate_header_parameter),
            ("cookie", self.validate_cookie_parameter),
        )
        for kind, check in checks:
            for param in self.parameters.get(kind, []):
                try:
                    error = check(param, request)
                except ProblemException as problem:  # a value the URI parser cannot coerce
                    error = problem.detail
                if error:
                    error = short(str(error))
                    name = param["name"]
                    if f"'{name}'" not in error:
                        error = f"{kind} parameter '{name}': {error}"
                    found.append(error)
        return found


# --- bodies -------------------------------------------------------------------------------


def _untyped_body(scope: Scope) -> bool:
    headers = Headers(scope=scope)
    if "content-type" in headers:
        return False
    length = headers.get("content-length")
    return (length is not None and length.strip() not in ("", "0")) or (
        "transfer-encoding" in headers
    )


def refuse_untyped_body(scope: Scope) -> None:
    if _untyped_body(scope):
        raise UnsupportedMediaTypeProblem(
            detail="a request body needs a Content-Type naming what it is"
        )


def charset_of(content_type: str | None) -> str | None:
    """The charset a Content-Type names, lowercased; None when it names none."""
    if not content_type:
        return None
    _, options = parse_options_header(content_type.encode("latin-1"))
    charset = options.get(b"charset")
    return None if charset is None else charset.decode("latin-1").strip().lower()


def is_utf8(charset: str | None) -> bool:
    return charset is None or charset.replace("_", "-") in ("utf-8", "utf8")


def parse_json_body(data: bytes, content_type: str | None) -> Any:
    """A JSON body's value, or the 4xx problem that refuses it."""
    charset = charset_of(content_type)
    if not is_utf8(charset):
        raise UnsupportedMediaTypeProblem(
            detail=f"JSON is UTF-8 text (RFC 8259); this body says it is {short(charset or '')!r}"
        )
    try:
        return loads_finite(data)
    except UnicodeDecodeError as error:
        raise BadRequestProblem(detail=f"the body is not UTF-8 text: {error}") from None
    except ValueError as error:  # not JSON, not finite, too deep
        raise BadRequestProblem(detail=str(error)) from None


class PreparedJSONBodyValidator(JSONRequestBodyValidator):
    """connexion's JSON body validator, its validators built once per schema and its body
    read as ``parse_json_body`` reads it."""

    def __init__(self, *, schema: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(schema=schema, **kwargs)
        self._checks = BodyChecks.of(schema)

    @property
    def _validator(self) -> Draft4Validator:
        return self._checks.full

    async def wrap_receive(self, receive: Receive, *, scope: Scope) -> tuple[Receive, Scope]:
        refuse_untyped_body(scope)
        return await super().wrap_receive(receive, scope=scope)

    async def _parse(self, stream: Any, scope: Scope) -> Any:
        data = b"".join([message async for message in stream])
        if not data:
            return None
        return parse_json_body(data, Headers(scope=scope).get("content-type"))

    def _validate(self, body: Any) -> dict[str, Any] | None:
        if body is not None and _fast_accepts(self._checks.fast, body):
            return None
        return super()._validate(body)


class TypedFormDataValidator(FormDataValidator):
    """connexion's form validator, refusing an untyped body and more than
    ``MAX_FORM_FIELDS`` fields with a 4xx."""

    @property
    def _form_parser_cls(self) -> Any:
        return functools.partial(FormParser, max_fields=MAX_FORM_FIELDS)

    async def wrap_receive(self, receive: Receive, *, scope: Scope) -> tuple[Receive, Scope]:
        refuse_untyped_body(scope)
        try:
            return await super().wrap_receive(receive, scope=scope)
        except MultiPartException as error:
            raise BadRequestProblem(detail=error.message) from None


#: The validators handed to connexion (``add_api(validator_map=...)``); what is not named
#: here stays connexion's own.
VALIDATOR_MAP = {
    "parameter": PreparedParameterValidator,
    "body": MediaTypeDict(
        {
            "*/*json": PreparedJSONBodyValidator,
            "application/x-www-form-urlencoded": TypedFormDataValidator,
            "multipart/form-data": MultiPartFormDataValidator,
        }
    ),
}


class BodyChecks:
    """The validators of one JSON body schema, built once per schema."""

    _made: ClassVar[dict[int, tuple[dict[str, Any], BodyChecks]]] = {}

    @classmethod
    def of(cls, schema: dict[str, Any]) -> BodyChecks:
        made = cls._made.get(id(schema))
        if made is None:
            if len(cls._made) >= KEPT:
                cls._made.clear()
            made = cls._made[id(schema)] = (schema, cls(schema))  # the schema kept alive
        return made[1]

    def __init__(self, schema: dict[str, Any]) -> None:
        self.full = JSONRequestBodyValidator(
            schema=schema, encoding="utf-8", strict_validation=False
        )._validator
        self.fast = _fast_validator(schema)

    def accepts(self, body: Any) -> bool:
        """Whether connexion's validator would accept ``body`` (asked only when unsure)."""
        return _fast_accepts(self.fast, body) or self.full.is_valid(body)

    def errors(self, body: Any) -> list[str]:
        """Every schema error of ``body``, as connexion words its first."""
        return [f"{e.message}{format_error_with_path(e)}" for e in self.full.iter_errors(body)]


def _fast_accepts(fast: Any, value: Any) -> bool:
    """Whether the jsonschema_rs validator ``fast`` (None: none) accepts ``value``; False
    also for values it cannot read (lone surrogates, ...), left to connexion's validator."""
    if fast is None:
        return False
    try:
        return fast.is_valid(value)
    except Exception:
        return False


#: Keywords whose checks may be more lenient in jsonschema_rs than in Python's jsonschema
#: (float arithmetic, formats backed by optional libraries, equality of 1 and 1.0): a
#: schema using any of them is checked by connexion's validator alone.
_UNPROVEN = frozenset({"format", "multipleOf", "uniqueItems", "$ref"})


def _fast_validator(schema: dict[str, Any]) -> Any:
    """A jsonschema_rs validator accepting no body connexion's validator refuses, or None.

    OpenAPI's ``nullable`` (connexion: null passes ``type`` and ``enum``) becomes a null in
    the type list and the enum. Regular expressions: ECMA's ``$`` and ``.`` match less
    than Python's, ``\\d`` and ``\\w`` match only ASCII, so a pattern accepts no more.
    """
    if jsonschema_rs is None or _uses(schema, _UNPROVEN):
        return None
    try:
        return jsonschema_rs.Draft4Validator(_nullable_as_null(schema), validate_formats=True)
    except Exception:
        return None


def _uses(node: Any, keywords: frozenset[str], path: frozenset[int] = frozenset()) -> bool:
    """Whether the schema uses one of ``keywords``, or is recursive (connexion inlines
    ``$ref``s, so a recursive schema is a cyclic structure)."""
    if isinstance(node, (dict, list)):
        if id(node) in path:
            return True
        path = path | {id(node)}
        if isinstance(node, dict):
            return any(k in keywords or _uses(v, keywords, path) for k, v in node.items())
        return any(_uses(item, keywords, path) for item in node)
    return False


def _nullable_as_null(node: Any) -> Any:
    if isinstance(node, list):
        return [_nullable_as_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {k: _nullable_as_null(v) for k, v in node.items()}
    if node.get("nullable") or node.get("x-nullable") is True:
        kind = converted.get("type")
        if isinstance(kind, str):
            converted["type"] = [kind, "null"]
        elif isinstance(kind, list) and "null" not in kind:
            converted["type"] = [*kind, "null"]
        if isinstance(converted.get("enum"), list) and None not in converted["enum"]:
            converted["enum"] = [*converted["enum"], None]
    return converted


# --- the contract check: every violation, reported or refused ------------------------------


#: Where the contract violations of a request are noted (in the ASGI scope's extensions).
VIOLATIONS = "mock_server.contract_violations"
VIOLATIONS_HEADER = b"x-mock-contract-violations"
_HEADER_LIMIT = 2000  # a header carries the first few; the journal keeps them all
#: The most characters of one violation noted (they may quote the request).
VIOLATION_LIMIT = 300


def short(message: str) -> str:
    """A violation in a line or two: jsonschema's first paragraph (the rest repeats the
    schema and the instance), at most ``VIOLATION_LIMIT`` characters."""
    first = message.split("\n\n", 1)[0].strip()
    if len(first) > VIOLATION_LIMIT:
        first = f"{first[:VIOLATION_LIMIT]}... ({len(first) - VIOLATION_LIMIT} characters more)"
    return first


def note_violations(scope: Scope, violations: list[str]) -> None:
    scope.setdefault("extensions", {})[VIOLATIONS] = violations


class ContractViolations(ProblemException):
    """``--strict``'s refusal: one 400 listing every violation of the request."""

    def __init__(self, violations: list[str]) -> None:
        count = f"{len(violations)} contract violations" if len(violations) > 1 else None
        super().__init__(
            status=400,
            title="Bad Request",
            detail=f"{count}: {'; '.join(violations)}" if count else violations[0],
            ext={"violations": violations},
        )


class ContractCheckOperation(RequestValidationOperation):
    """connexion's request validation (``RequestValidationOperation.__call__``: parameters,
    content type, body, in that order) with every violation collected and noted; then the
    request is refused with all of them (``strict``), or passed on as it came
    (``reporting_violations``, outside connexion, puts them in a header of its answer; the
    handlers of such an API read the request as their real service does, and refuse what
    it refuses).
    """

    strict = False

    @functools.cached_property
    def _parameter_validator(self) -> PreparedParameterValidator:
        operation = self._operation
        validator_cls = self._validator_map["parameter"]
        if not issubclass(validator_cls, PreparedParameterValidator):
            validator_cls = PreparedParameterValidator
        return validator_cls(
            operation.parameters,
            # connexion's operations leave uri_parser_class unannotated, None by default
            # (an OpenAPI operation always sets one): pyright reads it as possibly None.
            uri_parser=operation.uri_parser_class(  # pyright: ignore[reportOptionalCall]
                operation.parameters, operation.body_definition()
            ),
            strict_validation=self.strict_validation,
            security_query_params=self.security_query_params,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        violations = self._parameter_validator.violations(scope)
        mime_type, encoding = self.extract_content_type(scope["headers"])
        try:
            self.validate_mime_type(mime_type)
        except ProblemException as problem:
            violations.append(short(str(problem.detail)))
        else:
            operation = self._operation
            schema = operation.body_schema(mime_type)
            validator_cls = self._validator_map["body"].get(mime_type) if schema else None
            if validator_cls is not None:
                body = await read_body(receive)
                receive = replaying(body, receive)
                validator = validator_cls(
                    schema=schema,
                    # The abstract operation's request_body has no body: None, to pyright.
                    required=operation.request_body.get(  # pyright: ignore[reportAttributeAccessIssue]
                        "required", False
                    ),
                    nullable=utils.is_nullable(operation.body_definition(mime_type)),
                    encoding=encoding,
                    strict_validation=self.strict_validation,
                    # The parameters' parser, made once for the operation.
                    uri_parser=self._parameter_validator.uri_parser,
                )
                violations += await _body_violations(validator, schema, body, scope)
        violations = list(dict.fromkeys(violations))
        note_violations(scope, violations)
        if violations and self.strict:
            raise ContractViolations(violations)
        await self.next_app(scope, receive, send)


async def _body_violations(
    validator: Any, schema: dict[str, Any], body: bytes, scope: Scope
) -> list[str]:
    """What is wrong with a body: connexion's message (its validator's first), then every
    other schema error of a JSON body."""
    try:
        await validator.wrap_receive(replaying(body, _nothing_more), scope=dict(scope))
    except ProblemException as problem:
        first = short(str(problem.detail))
    else:
        return []
    if not isinstance(validator, PreparedJSONBodyValidator):
        return [first]
    try:
        value = parse_json_body(body, Headers(scope=scope).get("content-type"))
    except ProblemException:
        return [first]  # not JSON: that is all there is to say
    every = (short(error) for error in BodyChecks.of(schema).errors(value))
    return [first, *(error for error in every if error != first)]


async def _nothing_more() -> Message:
    return {"type": "http.disconnect"}


class ContractCheckAPI(RequestValidationAPI):
    def __init__(self, *args: Any, contract_strict: bool = False, **kwargs: Any) -> None:
        self.contract_strict = contract_strict
        super().__init__(*args, **kwargs)

    def make_operation(self, operation: Any) -> RequestValidationOperation:
        checked = ContractCheckOperation(
            self.next_app,
            operation=operation,
            strict_validation=self.strict_validation,
            validator_map=self.validator_map,
        )
        checked.strict = self.contract_strict
        return checked


class ContractCheckMiddleware(RequestValidationMiddleware):
    api_cls = ContractCheckAPI


def reporting_violations(scope: Scope, send: Send) -> Send:
    """``send``, adding ``X-Mock-Contract-Violations`` to an answer whose request broke its
    API's contract. Wrapped outside connexion, so that the answers its exception handlers
    write (a backend's refusal) carry it too; the scope's ``extensions`` must exist before
    connexion copies the scope, for the note to reach this wrapper."""
    extensions = scope.setdefault("extensions", {})

    # Not a coroutine function: it hands back the server's own awaitable, so each message
    # costs one plain call, not a coroutine of its own.
    def sending(message: Message) -> Awaitable[None]:
        violations = extensions.get(VIOLATIONS)
        if violations and message["type"] == "http.response.start":
            value = orjson.dumps([v[:300] for v in violations][:10])[:_HEADER_LIMIT]
            headers = [*message.get("headers", []), (VIOLATIONS_HEADER, value)]
            message = {**message, "headers": headers}
        return send(message)

    return sending


async def read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":  # a disconnect: nothing more will come
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replaying(body: bytes, receive: Receive) -> Receive:
    """A receive channel giving ``body`` once, then the original channel's messages."""
    pending = True

    async def replay() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
