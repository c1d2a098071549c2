"""A tripwire on every upstream function the connexion layer restates, overrides or leans on.

``mock_server/_connexion/`` subclasses connexion's classes, overrides some of their methods
and restates others (``COUPLING.md``). A fix upstream does not reach a restated copy, and an
override may stop being called: the test suite could stay green while the mock drifts from
connexion. So each such upstream symbol's source (``inspect.getsource``; the ``repr`` of a
value) is recorded here by hash, and an upgrade that changes any of them, a monkeypatch
that makes one raise included, fails below naming the symbol and the mock's code to re-read.

After re-reading (and changing what must change, ``COUPLING.md`` included), record the new
hash the failure message gives.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

import mock_server._connexion

COUPLING = Path(mock_server._connexion.__file__).parent / "COUPLING.md"

#: (upstream symbol, sha256 of its source (first 16 hex digits), what of ours leans on it)
UPSTREAM: list[tuple[str, str, str]] = [
    (
        "connexion.utils.coerce_type",
        "802d7bd3ca28f106",
        "validation.PreparedURIParser.resolve_path hands plain string path values on as they are",
    ),
    (
        "connexion.uri_parsing.AbstractURIParser.resolve_params",
        "cd5c04e13032a24c",
        "validation.PreparedURIParser.resolve_path hands plain string path values on as they are",
    ),
    (
        "connexion.uri_parsing.OpenAPIURIParser.resolve_path",
        "b268a83c9edc81c5",
        "validation.PreparedURIParser.resolve_path hands plain string path values on as they are",
    ),
    (
        "connexion.uri_parsing.OpenAPIURIParser.param_schemas",
        "b43ee13bdcd96987",
        "validation.PreparedURIParser.param_schemas restates it (made once)",
    ),
    (
        "connexion.operations.openapi.OpenAPIOperation.body_definition",
        "753de45b5bf4ed73",
        "apps._OneBodyTypeNote filters the warning it logs for several body types",
    ),
    (
        "connexion.validators.parameter.ParameterValidator.__init__",
        "24776a9397239d06",
        "the fast lane and ContractCheckOperation make parameter validators with these arguments",
    ),
    (
        "connexion.validators.parameter.ParameterValidator.validate_parameter",
        "2d9293659a1c1ea5",
        "PreparedParameterValidator.validate_parameter restates it (validators kept)",
    ),
    (
        "connexion.validators.parameter.ParameterValidator.validate_request",
        "e3d4a4e16aaee99e",
        "PreparedParameterValidator.violations restates it (every message); its validate_request "
        "skips the query parameters of a request with no query string when none is required",
    ),
    (
        "connexion.validators.parameter.ParameterValidator.validate",
        "e5615916d947428b",
        "PreparedParameterValidator.violations reads a request as it does",
    ),
    (
        "connexion.validators.abstract.AbstractRequestBodyValidator.wrap_receive",
        "44c469448a6e46fb",
        "PreparedJSONBodyValidator and TypedFormDataValidator extend it; "
        "fastlane._parsed_body restates its reading of a body without a Content-Length",
    ),
    (
        "connexion.validators.json.JSONRequestBodyValidator._validator",
        "3b8e1028fc2da830",
        "PreparedJSONBodyValidator._validator replaces it; BodyChecks reads it",
    ),
    (
        "connexion.validators.json.JSONRequestBodyValidator._parse",
        "653b0d4025a2592e",
        "PreparedJSONBodyValidator._parse replaces it (validation.parse_json_body)",
    ),
    (
        "connexion.validators.json.JSONRequestBodyValidator._validate",
        "273956bb6cb6dd4e",
        "PreparedJSONBodyValidator._validate extends it; BodyChecks.errors restates its message",
    ),
    (
        "connexion.validators.form_data.FormDataValidator._form_parser_cls",
        "4ff5228b2e84f03d",
        "TypedFormDataValidator._form_parser_cls replaces it (MAX_FORM_FIELDS)",
    ),
    (
        "connexion.validators.VALIDATOR_MAP",
        "fc20164b7afebd7e",
        "validation.VALIDATOR_MAP replaces its parameter and body entries",
    ),
    (
        "starlette.formparsers.FormParser.__init__",
        "3a7c6f6361ef66d8",
        "TypedFormDataValidator passes max_fields",
    ),
    (
        "connexion.middleware.request_validation.RequestValidationOperation.__init__",
        "d21eda3fde4a2734",
        "ContractCheckOperation reads _operation and _validator_map",
    ),
    (
        "connexion.middleware.request_validation.RequestValidationOperation.__call__",
        "af472716211911b9",
        "ContractCheckOperation.__call__ restates it (every violation collected)",
    ),
    (
        "connexion.middleware.request_validation.RequestValidationOperation.extract_content_type",
        "b08fa016a712fc41",
        "fastlane._typing mirrors it (_UNTYPED)",
    ),
    (
        "connexion.middleware.request_validation.RequestValidationOperation.validate_mime_type",
        "cdb95c7df215a7dd",
        "fastlane._typing calls it",
    ),
    (
        "connexion.middleware.request_validation.RequestValidationAPI.make_operation",
        "55b32cb8b0ab229e",
        "ContractCheckAPI.make_operation restates it",
    ),
    (
        "connexion.utils.split_content_type",
        "6f7f4bda7788a575",
        "validation.charset_of reads the charset itself because this misses one after a space",
    ),
    (
        "connexion.lifecycle.ConnexionRequest.query_params",
        "f01f735c6643fe68",
        "limits.MAX_QUERY_PARAMETERS bounds its work (the square of the parameter count)",
    ),
    (
        "connexion.lifecycle.ConnexionRequest.get_body",
        "28f6a96f0cbc7948",
        "fastlane._parsed_body restates which bodies connexion reads as JSON",
    ),
    (
        "connexion.http_facts.FORM_CONTENT_TYPES",
        "c8466f9b756a3632",
        "fastlane._typing leaves these types to connexion",
    ),
    (
        "connexion.middleware.main.ConnexionMiddleware.default_middlewares",
        "53a84481e2a73d72",
        "apps.middlewares builds on it (the fast lane after ExceptionMiddleware; "
        "ContractCheckMiddleware for RequestValidationMiddleware); "
        "FastLaneMiddleware.route skips the Swagger UI answered before routing",
    ),
    (
        "connexion.middleware.main.ConnexionMiddleware._build_middleware_stack",
        "87c580cd81e68e94",
        "FastLaneMiddleware gets every spec (add_api); problems.ERROR_HANDLERS get registered",
    ),
    (
        "connexion.middleware.routing.RoutingAPI.__init__",
        "ff1c8bdba6c2640d",
        "fastlane.FastLaneAPI routes with the routes it builds, and reads the add_api keywords",
    ),
    (
        "connexion.middleware.routing.RoutingAPI.make_operation",
        "5ff29be4d20ec20c",
        "fastlane.FastLaneAPI.make_operation replaces it",
    ),
    (
        "connexion.middleware.routing.RoutingMiddleware.add_api",
        "a25f6d00c2c1d3d2",
        "fastlane.FastLaneMiddleware.route restates its root mount (^/(?P<path>.*)$, no DOTALL)",
    ),
    (
        "connexion.middleware.context.ContextOperation.__call__",
        "3d58a914f557d135",
        "fastlane.FastLaneOperation.answer restates it (connexion.context set)",
    ),
    (
        "connexion.middleware.security.SecurityOperation.__call__",
        "64eb38b0d5982445",
        "fastlane.FastLaneOperation.answer restates it",
    ),
    (
        "connexion.middleware.security.SecurityOperation.from_operation",
        "317f82c82b2718d5",
        "fastlane.FastLaneOperation builds one without a next app",
    ),
    (
        "connexion.middleware.response_validation.ResponseValidationOperation.__call__",
        "45cd2dccb7cf4b6c",
        "fastlane.FastLaneOperation runs it with a prepared response as its next app",
    ),
    (
        "connexion.decorators.main.BaseDecorator.decorate",
        "ecc6529a18274fda",
        "fastlane.FastLaneOperation restates it (with connexion's response decorator)",
    ),
    (
        "connexion.decorators.main.ASGIDecorator.__call__",
        "7397ac94437e4d7e",
        "fastlane.FastLaneOperation restates it",
    ),
    (
        "connexion.decorators.response.AsyncResponseDecorator.__call__",
        "7abcfdcec0b6fbd6",
        "fastlane.FastLaneOperation calls it directly",
    ),
    (
        "connexion.frameworks.starlette.Starlette",
        "9512d78a76d67287",
        "fastlane.FastLaneOperation builds connexion's response decorator with it",
    ),
    (
        "connexion.decorators.parameter.AsyncParameterDecorator.__call__",
        "c3223e31eb92742e",
        "arguments.ArgumentPlan restates it",
    ),
    (
        "connexion.decorators.parameter.prep_kwargs",
        "46eb57dd9685e1c4",
        "arguments.ArgumentPlan.kwargs restates it",
    ),
    (
        "connexion.decorators.parameter.get_arguments",
        "b2912a96f0107039",
        "arguments.ArgumentPlan.kwargs restates it",
    ),
    (
        "connexion.decorators.parameter._get_path_arguments",
        "dce2f42b8282c286",
        "arguments.ArgumentPlan.kwargs restates it",
    ),
    (
        "connexion.decorators.parameter._get_query_arguments",
        "77f3e0a63d78d965",
        "arguments.ArgumentPlan.kwargs restates it",
    ),
    (
        "connexion.decorators.parameter._get_body_argument",
        "ad0202326b99a5b7",
        "arguments.ArgumentPlan._body restates it",
    ),
    (
        "connexion.decorators.parameter._get_val_from_param",
        "23ae7326c64a85ea",
        "arguments imports it (private)",
    ),
    (
        "connexion.decorators.parameter._get_query_defaults",
        "e8c78eeae75a9e2b",
        "arguments imports it (private)",
    ),
    (
        "connexion.decorators.parameter.unwrap_decorators",
        "3f8b43b1908dd9ca",
        "fastlane reads a handler's parameters with it",
    ),
    (
        "connexion.decorators.parameter.sanitized",
        "8ee876388896618b",
        "fastlane and arguments sanitize names with it",
    ),
    (
        "connexion.decorators.parameter.pythonic",
        "70c5c689dec99744",
        "fastlane and arguments sanitize names with it",
    ),
    (
        "connexion.utils.inspect_function_arguments",
        "1359001a695ff9f6",
        "fastlane and security read signatures with it",
    ),
    (
        "connexion.context",
        "78d2febf92c2637f",
        "fastlane imports _context, _operation, _receive, _scope (private)",
    ),
    (
        "connexion.security.AbstractSecurityHandler._resolve_func",
        "d6f6e16398e41bc2",
        "security.security_map_for replaces it (a method of the handlers, not an import path)",
    ),
    (
        "connexion.security.AbstractSecurityHandler._accepts_kwarg",
        "f04f41d0fb5eea37",
        "security.security_map_for replaces it (cached)",
    ),
    (
        "connexion.security.AbstractSecurityHandler.get_fn",
        "6a2992e2057688ca",
        "security: _resolve_func must still be called once per operation, when the app is built",
    ),
    (
        "connexion.security.ApiKeySecurityHandler.get_fn",
        "5255053c04eddc03",
        "security: _resolve_func must still be called once per operation, when the app is built",
    ),
    (
        "connexion.jsonifier.Jsonifier.dumps",
        "86969435e2733863",
        "jsonify.FastJsonifier.dumps replaces it (orjson)",
    ),
    (
        "connexion.middleware.exceptions.ExceptionMiddleware.__init__",
        "1d470b686cf49c3e",
        "problems.ERROR_HANDLERS replace its ProblemException handler",
    ),
    (
        "connexion.middleware.exceptions.ExceptionMiddleware.problem_handler",
        "5bf4bb51150c99cb",
        "problems.problem_response restates it (4xx bounded, violations noted)",
    ),
    (
        "connexion.middleware.exceptions.ExceptionMiddleware.http_exception",
        "765f20b8216ed755",
        "problems.method_not_allowed restates it (Allow)",
    ),
    (
        "starlette.routing.Router.app",
        "1b1fa16c99a8ce6b",
        "routing.match_routes restates its loop (full match, 405, redirect, default)",
    ),
    (
        "starlette.routing.Route.matches",
        "4de50d376de04a00",
        "routing.RouteIndex.match: a route matches only where its path_regex does",
    ),
    (
        "starlette.routing.compile_path",
        "8092946a4c2c6cc2",
        "routing.RouteIndex.match joins the path_regex it makes (groups unnamed)",
    ),
    (
        "starlette.routing.Mount.__init__",
        "22f07307772a8ef8",
        "fastlane.FastLaneMiddleware.route restates the root mount's regular expression",
    ),
    ("starlette._utils.get_route_path", "243011d2a68ca7fe", "fastlane imports it (private)"),
    (
        "uvicorn.protocols.http.httptools_impl.RequestResponseCycle.__init__",
        "4d2f220910c33c12",
        "server.cut_connection reads transport and disconnected through send.__self__",
    ),
    (
        "uvicorn.protocols.http.httptools_impl.HttpToolsProtocol.connection_lost",
        "c91a4c9bf2e29c55",
        "server.cut_connection waits for it to set disconnected",
    ),
    (
        "uvicorn.protocols.http.h11_impl.RequestResponseCycle.__init__",
        "d245415af679f8ad",
        "server.cut_connection reads transport and disconnected through send.__self__",
    ),
    (
        "uvicorn.protocols.http.h11_impl.H11Protocol.connection_lost",
        "dbb688fa2b386000",
        "server.cut_connection waits for it to set disconnected",
    ),
    (
        "uvicorn.server.Server.capture_signals",
        "e1bbcd4770d1c887",
        "cli --state: the signal re-raised after a graceful shutdown",
    ),
    (
        "uvicorn.server.Server.handle_exit",
        "553276efa26e09ea",
        "shutdown.LatencyEndingServer.handle_exit extends it (the latency waits end)",
    ),
]


def resolve(path: str) -> Any:
    """The object a dotted path names: the longest importable module, then attributes
    (read statically from classes, so a property or staticmethod is the object itself)."""
    parts = path.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found: Any = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:]:
            found = (
                inspect.getattr_static(found, name)
                if isinstance(found, type)
                else getattr(found, name)
            )
        return found
    raise ImportError(path)


def source_of(found: Any) -> str:
    if not inspect.ismodule(found):
        for attribute in ("fget", "func", "__func__"):  # property, cached_property, static
            found = getattr(found, attribute, found)
    if inspect.ismodule(found) or inspect.isclass(found) or inspect.isroutine(found):
        return inspect.getsource(found)
    return repr(found)


def fingerprint(path: str) -> str:
    return hashlib.sha256(source_of(resolve(path)).encode()).hexdigest()[:16]


def changed(path: str, recorded: str, leaned_on_by: str) -> str | None:
    """Why ``path`` no longer matches what was recorded, or None."""
    try:
        now = fingerprint(path)
    except (ImportError, AttributeError, OSError, TypeError) as error:
        return f"{path} is gone upstream ({error!r}): re-read {leaned_on_by}"
    if now != recorded:
        return (
            f"{path} changed upstream (source hash {now}, recorded {recorded}): re-read "
            f"{leaned_on_by} (mock_server/_connexion/COUPLING.md), then record {now!r}"
        )
    return None


@pytest.mark.parametrize(
    ("path", "recorded", "leaned_on_by"), UPSTREAM, ids=[u[0] for u in UPSTREAM]
)
def test_upstream_is_what_the_layer_was_written_against(path, recorded, leaned_on_by):
    problem = changed(path, recorded, leaned_on_by)
    assert problem is None, problem


def test_a_symbol_made_to_raise_trips_the_wire(monkeypatch):
    from connexion.middleware.context import ContextOperation

    async def raising(self, scope, receive, send):
        raise RuntimeError("changed upstream")

    monkeypatch.setattr(ContextOperation, "__call__", raising)
    path, recorded, leaned_on_by = next(
        u for u in UPSTREAM if u[0].endswith("ContextOperation.__call__")
    )
    problem = changed(path, recorded, leaned_on_by)
    assert problem is not None
    assert path in problem and "FastLaneOperation.answer" in problem


def test_a_symbol_gone_trips_the_wire(monkeypatch):
    from connexion.security import AbstractSecurityHandler

    monkeypatch.delattr(AbstractSecurityHandler, "_accepts_kwarg")
    path, recorded, leaned_on_by = next(u for u in UPSTREAM if u[0].endswith("._accepts_kwarg"))
    problem = changed(path, recorded, leaned_on_by)
    assert problem is not None and "is gone upstream" in problem


def test_coupling_md_and_the_wire_name_the_same_symbols():
    """Every upstream symbol COUPLING.md names (in full, in backticks) is guarded here, and
    every one guarded here has its row there."""
    table = COUPLING.read_text()
    named = set(re.findall(r"`((?:connexion|starlette|uvicorn)\.[\w.]+)`", table))
    guarded = {path for path, _, _ in UPSTREAM}
    assert not named - guarded, f"named in COUPLING.md, not guarded: {sorted(named - guarded)}"
    assert not guarded - named, f"guarded, without a row in COUPLING.md: {sorted(guarded - named)}"
