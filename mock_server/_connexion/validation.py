"""connexion's request validation, with its per-operation work done once per operation.

connexion 3.3 rebuilds, on every request, the URI parser, the parameter validator, a
jsonschema validator per parameter (after deep-copying its definition), the body's schema
(deep-copied again) and a jsonschema validator for the body; and the JSON body is parsed
twice, once to validate it and once for the handler. Here all of that is built once per
operation, and the handler gets the body the validator parsed.

JSON bodies are first checked with ``jsonschema_rs`` when it is installed (the ``fast``
extra): a body it accepts is accepted (it is at least as strict as connexion's check on the
schemas it is used for: see ``_fast_validator``); a body it refuses, or cannot read, goes
through connexion's own validator, so every refusal is the very same 400 problem with the
same message as before. A 1,000-observation aepublish body: ~8 ms -> well under 1 ms.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

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
from connexion.validators import JSONRequestBodyValidator, ParameterValidator
from jsonschema import Draft4Validator
from starlette.types import Message, Receive, Scope, Send

from mock_server.core.numbers import loads_finite

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - the fast extra is not installed
    jsonschema_rs = None

# connexion's logger, so its messages read as before.
logger = logging.getLogger("connexion.middleware.validation")

#: Where the validator leaves the parsed JSON body for the handler (in the ASGI scope).
PARSED_BODY = "mock_server.parsed_json_body"


# --- parameters -------------------------------------------------------------------------


class PreparedURIParser(OpenAPIURIParser):
    """connexion's OpenAPI URI parser, its parameter schemas read once.

    connexion rebuilds the ``param_schemas`` mapping on every lookup, several times per
    parameter of every request; the parser's definitions never change after it is made.
    """

    @functools.cached_property
    def param_schemas(self) -> dict[str, Any]:  # type: ignore[override]
        return {k: v.get("schema", {}) for k, v in self.param_defns.items()}


class PreparedParameterValidator(ParameterValidator):
    """connexion's checks and messages, with one jsonschema validator per parameter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._schema_validators: dict[int, Draft4Validator] = {}
        self._fast_validators: dict[int, Any] = {}

    def validate_parameter(self, parameter_type, value, param, param_name=None):  # type: ignore[override]
        if value is None or (utils.is_nullable(param) and utils.is_null(value)):
            return super().validate_parameter(parameter_type, value, param, param_name)
        key = id(param)
        if key not in self._fast_validators:
            self._fast_validators[key] = _fast_validator(param.get("schema", param))
        if _fast_accepts(self._fast_validators[key], value):
            return None
        validator = self._schema_validators.get(key)
        if validator is None:
            validator = Draft4Validator(
                param.get("schema", param), format_checker=Draft4Validator.FORMAT_CHECKER
            )
            self._schema_validators[key] = validator
        # connexion reports what validate() raises: the first error iter_errors yields.
        error = next(validator.iter_errors(value), None)
        return None if error is None else str(error)


# --- JSON bodies --------------------------------------------------------------------------


class PreparedJSONBodyValidator(JSONRequestBodyValidator):
    """connexion's JSON body validator, its validators built once per operation."""

    def __init__(self, *, checks: BodyChecks, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._checks = checks

    @property
    def _validator(self) -> Draft4Validator:
        return self._checks.full

    async def _parse(self, stream: Any, scope: Scope) -> Any:
        # connexion's parse (decode with the request's charset, json.loads, 400 on bad
        # JSON), refusing non-finite numbers too (mock_server.core.numbers).
        text = b"".join([message async for message in stream]).decode(self._encoding)
        if not text:
            return None
        try:
            body = loads_finite(text)
        except ValueError as error:
            raise BadRequestProblem(detail=str(error)) from error
        if self._encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
            # The handler would parse these very bytes again (starlette's request.json());
            # a valid UTF-8 body parses the same from text or bytes.
            scope.setdefault("extensions", {})[PARSED_BODY] = body
        return body

    def _validate(self, body: Any) -> dict | None:
        if body is not None and _fast_accepts(self._checks.fast, body):
            return None
        return super()._validate(body)


class BodyChecks:
    """The validators of one operation's JSON body schema."""

    def __init__(self, schema: dict) -> None:
        self.full = JSONRequestBodyValidator(
            schema=schema, encoding="utf-8", strict_validation=False
        )._validator
        self.fast = _fast_validator(schema)

    def accepts(self, body: Any) -> bool:
        """Whether connexion's validator would accept ``body`` (asked only when unsure)."""
        return _fast_accepts(self.fast, body) or self.full.is_valid(body)


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


def _fast_validator(schema: dict) -> Any:
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


class ParsedOnceRequest(ConnexionRequest):
    """The handler's request: its JSON body is the one the validator parsed, if any."""

    async def json(self) -> Any:
        extensions = self._starlette_request.scope.get("extensions") or {}
        if PARSED_BODY in extensions:
            return extensions[PARSED_BODY]
        return await super().json()


# --- the middleware -----------------------------------------------------------------------


class PreparedRequestValidationOperation(RequestValidationOperation):
    """``RequestValidationOperation.__call__`` with what depends only on the operation
    (and the content type) computed on first use."""

    @functools.cached_property
    def _parameter_validator(self) -> ParameterValidator:
        operation = self._operation
        uri_parser = operation._uri_parser_class(operation.parameters, operation.body_definition())
        validator_cls = self._validator_map["parameter"]
        if validator_cls is ParameterValidator:
            validator_cls = PreparedParameterValidator
        return validator_cls(
            operation.parameters,
            uri_parser=uri_parser,
            strict_validation=self.strict_validation,
            security_query_params=self.security_query_params,
        )

    @functools.cached_property
    def _consumed(self) -> MediaTypeDict | None:
        consumes = self._operation.consumes
        return MediaTypeDict([(c.lower(), None) for c in consumes]) if consumes else None

    def validate_mime_type(self, mime_type: str) -> None:
        if self._consumed is not None and mime_type.lower() not in self._consumed:
            raise UnsupportedMediaTypeProblem(
                detail=f"Invalid Content-type ({mime_type}), expected {self._operation.consumes}"
            )

    @functools.cached_property
    def _bodies(self) -> dict[str, tuple[Any, dict[str, Any]] | None]:
        return {}

    def _body_validation(self, mime_type: str) -> tuple[Any, dict[str, Any]] | None:
        """The body validator class and its arguments for a content type: None when the
        operation has no body schema, ``(None, {})`` when no validator handles the type."""
        if mime_type in self._bodies:
            return self._bodies[mime_type]
        operation = self._operation
        schema = operation.body_schema(mime_type)
        found: tuple[Any, dict[str, Any]] | None = None
        if schema:
            try:
                validator_cls = self._validator_map["body"][mime_type]
            except KeyError:
                found = (None, {})
            else:
                arguments = {
                    "schema": schema,
                    "required": operation.request_body.get("required", False),
                    "nullable": utils.is_nullable(operation.body_definition(mime_type)),
                    "strict_validation": self.strict_validation,
                    "uri_parser": operation.uri_parser_class(
                        operation.parameters, operation.body_definition()
                    ),
                }
                if validator_cls is JSONRequestBodyValidator:
                    validator_cls = PreparedJSONBodyValidator
                    arguments["checks"] = BodyChecks(schema)
                found = (validator_cls, arguments)
        self._bodies[mime_type] = found
        return found

    #: Report (do not refuse) what breaks the contract: the API answers such requests
    #: anyway, as the real service does.
    report_only = False
    #: Refuse what breaks the contract with one 400 problem listing every violation (the
    #: mock's ``--strict``), where connexion refuses with its first.
    strict_contract = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.report_only or self.strict_contract:
            await self._check_all(scope, receive, send)
            return
        try:
            self._parameter_validator.validate(scope)
            mime_type, encoding = self.extract_content_type(scope["headers"])
            self.validate_mime_type(mime_type)
            body_validation = self._body_validation(mime_type)
            if body_validation is not None:
                validator_cls, arguments = body_validation
                if validator_cls is None:
                    logger.info(
                        "Skipping validation. No validator registered for content type: "
                        f"{mime_type}."
                    )
                else:
                    validator = validator_cls(encoding=encoding, **arguments)
                    receive, scope = await validator.wrap_receive(receive, scope=scope)
        except (ProblemException, UnicodeDecodeError) as refusal:
            # The journal lists why the request was refused (connexion's first violation).
            detail = getattr(refusal, "detail", None) or str(refusal)
            scope.setdefault("extensions", {})[VIOLATIONS] = [short(str(detail))]
            raise
        await self.next_app(scope, receive, send)

    async def _check_all(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run every check and note every violation (``VIOLATIONS`` in the scope's
        extensions); then refuse the request (``strict_contract``), or pass it on as it
        came (``reporting_violations`` puts them in a header of its answer)."""
        violations = self._parameter_violations(scope)
        mime_type, encoding = self.extract_content_type(scope["headers"])
        try:
            self.validate_mime_type(mime_type)
        except ProblemException as problem:
            violations.append(str(problem.detail))
        else:
            body_validation = self._body_validation(mime_type)
            if body_validation is not None and body_validation[0] is not None:
                validator_cls, arguments = body_validation
                body = await read_body(receive)
                receive = replaying(body, receive)
                violations += await _body_violations(
                    validator_cls(encoding=encoding, **arguments), arguments, body, scope
                )
        violations = list(dict.fromkeys(violations))
        scope.setdefault("extensions", {})[VIOLATIONS] = violations
        if violations and self.strict_contract:
            count = f"{len(violations)} contract violations" if len(violations) > 1 else None
            raise ProblemException(
                status=400,
                title="Bad Request",
                detail=f"{count}: {'; '.join(violations)}" if count else violations[0],
                ext={"violations": violations},
            )
        await self.next_app(scope, receive, send)

    def _parameter_violations(self, scope: Scope) -> list[str]:
        """Every parameter check's message, where connexion's ``validate_request`` raises
        the first (the same checks in the same order)."""
        validator = self._parameter_validator
        request = ConnexionRequest(scope, uri_parser=validator.uri_parser)
        found: list[str] = []
        try:
            if validator.strict_validation:
                extra = validator.validate_query_parameter_list(
                    request, security_params=validator.security_query_params
                )
                if extra:
                    found.append(
                        str(ExtraParameterProblem(param_type="query", extra_params=extra).detail)
                    )
        except ProblemException as problem:
            found.append(str(problem.detail))
        checks = (
            ("query", validator.validate_query_parameter),
            ("path", validator.validate_path_parameter),
            ("header", validator.validate_header_parameter),
            ("cookie", validator.validate_cookie_parameter),
        )
        for kind, check in checks:
            for param in validator.parameters.get(kind, []):
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


async def _body_violations(
    validator: Any, arguments: dict[str, Any], body: bytes, scope: Scope
) -> list[str]:
    """What is wrong with a body: connexion's message when it cannot be read, or every
    schema error of a JSON body (connexion's own first)."""
    extensions = scope.setdefault("extensions", {})
    try:
        await validator.wrap_receive(replaying(body, _nothing_more), scope=dict(scope))
    except (ProblemException, ValueError) as problem:  # UnicodeDecodeError is a ValueError
        first = str(getattr(problem, "detail", problem))
    else:
        return []
    if not isinstance(checks := arguments.get("checks"), BodyChecks):
        return [short(first)]
    parsed = extensions.get(PARSED_BODY)
    if parsed is None:
        return [short(first)]
    every = [f"{e.message}{format_error_with_path(e)}" for e in checks.full.iter_errors(parsed)]
    return [short(first), *(short(error) for error in every if error != first)]


def short(message: str) -> str:
    """A violation in a line or two: jsonschema's first paragraph (the rest repeats the
    schema and the instance)."""
    return message.split("\n\n", 1)[0].strip()


async def _nothing_more() -> Message:
    return {"type": "http.disconnect"}


#: Where the contract violations of a request are noted (in the ASGI scope's extensions).
VIOLATIONS = "mock_server.contract_violations"
VIOLATIONS_HEADER = b"x-mock-contract-violations"
_HEADER_LIMIT = 2000  # a header carries the first few; the journal keeps them all


def reporting_violations(scope: Scope, send: Send) -> Send:
    """``send``, adding ``X-Mock-Contract-Violations`` to an answer whose request broke its
    API's contract. Wrapped outside connexion, so that the answers its exception handlers
    write (a backend's refusal) carry it too; the scope's ``extensions`` must exist before
    connexion copies the scope, for the note to reach this wrapper."""
    extensions = scope.setdefault("extensions", {})

    async def sending(message: Message) -> None:
        violations = extensions.get(VIOLATIONS)
        if violations and message["type"] == "http.response.start":
            value = orjson.dumps([v[:300] for v in violations][:10])[:_HEADER_LIMIT]
            headers = [*message.get("headers", []), (VIOLATIONS_HEADER, value)]
            message = {**message, "headers": headers}
        await send(message)

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


class PreparedRequestValidationAPI(RequestValidationAPI):
    def __init__(
        self, *args: Any, report_only: bool = False, strict_contract: bool = False, **kwargs: Any
    ) -> None:
        self.report_only = report_only
        self.strict_contract = strict_contract
        super().__init__(*args, **kwargs)

    def make_operation(self, operation: Any) -> RequestValidationOperation:
        prepared = PreparedRequestValidationOperation(
            self.next_app,
            operation=operation,
            strict_validation=self.strict_validation,
            validator_map=self.validator_map,
        )
        prepared.report_only = self.report_only
        prepared.strict_contract = self.strict_contract
        return prepared


class PreparedRequestValidationMiddleware(RequestValidationMiddleware):
    api_cls = PreparedRequestValidationAPI
