"""``PreparedParameterValidator.validate_request`` (the fast lane's parameter check) finds
what connexion's own ``ParameterValidator`` finds, for every operation of every spec and
any request schemathesis makes of it, with its query string and without, strict or not:
the same error with the same text, or none. ``PreparedURIParser`` reads path parameters
as connexion's own parser does."""

from __future__ import annotations

from typing import Any

import pytest
from connexion.lifecycle import ConnexionRequest
from connexion.uri_parsing import OpenAPIURIParser
from connexion.validators import ParameterValidator
from hypothesis import given, settings
from hypothesis import strategies as st

from mock_server._connexion.validation import PreparedParameterValidator, PreparedURIParser
from tests._connexion.test_arguments import CASES, OPERATIONS, _scope


def _verdict(validator: ParameterValidator, scope: dict[str, Any]) -> Any:
    request = ConnexionRequest(scope, uri_parser=validator.uri_parser)
    try:
        validator.validate_request(request)
    except Exception as error:
        return type(error), str(getattr(error, "detail", error))
    return None


@pytest.mark.parametrize("api_operation", CASES)
@settings(max_examples=10)
@given(data=st.data(), strict=st.booleans(), without_query=st.booleans())
def test_an_empty_query_is_judged_as_connexion_judges_it(
    api_operation, data, strict, without_query
):
    case = data.draw(api_operation.as_strategy())
    operation = OPERATIONS[(case.method.upper(), case.operation.path)].operation
    path_params = {k: str(v) for k, v in (case.path_parameters or {}).items()}
    scope = _scope(case, path_params)
    if without_query:
        scope["query_string"] = b""
    parameters, body = operation.parameters, operation.body_definition()
    ours = PreparedParameterValidator(
        parameters, uri_parser=OpenAPIURIParser(parameters, body), strict_validation=strict
    )
    upstream = ParameterValidator(
        parameters, uri_parser=OpenAPIURIParser(parameters, body), strict_validation=strict
    )
    assert _verdict(ours, scope) == _verdict(upstream, scope)


def test_a_missing_required_query_parameter_is_still_found():
    """The shortcut must not hide a required query parameter's absence."""
    required = [
        (key, lane.operation)
        for key, lane in OPERATIONS.items()
        if any(p["in"] == "query" and p.get("required") for p in lane.operation.parameters)
    ]
    assert required, "some operation needs a query parameter"
    for _, operation in required:
        parameters = operation.parameters
        validator = PreparedParameterValidator(
            parameters, uri_parser=OpenAPIURIParser(parameters, operation.body_definition())
        )
        scope = {"type": "http", "query_string": b"", "headers": [], "path_params": {}}
        verdict = _verdict(validator, scope)
        assert verdict is not None and "Missing" in verdict[1]


_WITH_PATH = sorted(
    key
    for key, lane in OPERATIONS.items()
    if any(p["in"] == "path" for p in lane.operation.parameters)
)
_AWKWARD = st.sampled_from(["null", " None ", "1", "-2", "1.5", "true", "no", "a,b", "", "x"])


@pytest.mark.parametrize("key", _WITH_PATH, ids=" ".join)
@settings(max_examples=20)
@given(data=st.data())
def test_path_parameters_are_read_as_connexion_reads_them(key, data):
    operation = OPERATIONS[key].operation
    names = [p["name"] for p in operation.parameters if p["in"] == "path"]
    values = {name: data.draw(_AWKWARD | st.text(max_size=6)) for name in names}
    parameters, body = operation.parameters, operation.body_definition()
    ours = PreparedURIParser(parameters, body).resolve_path(dict(values))
    upstream = OpenAPIURIParser(parameters, body).resolve_path(dict(values))
    assert [(k, type(v), v) for k, v in ours.items()] == [
        (k, type(v), v) for k, v in upstream.items()
    ]


def test_string_path_parameters_skip_connexions_conversion(monkeypatch):
    """A hash in the path is handed on as it came, without connexion's conversion (which
    raises and catches a TypeError for a string)."""
    import connexion.uri_parsing

    def no_conversion(*args, **kwargs):
        raise AssertionError("converted")

    operation = OPERATIONS[("GET", "/api/v1/sessions/{session_hash}")].operation
    parser = PreparedURIParser(operation.parameters, operation.body_definition())
    monkeypatch.setattr(connexion.uri_parsing, "coerce_type", no_conversion)
    assert parser.resolve_path({"session_hash": "null"}) == {"session_hash": "null"}
