"""``ArgumentPlan`` gives a handler the arguments connexion's ``prep_kwargs`` gives it, for
every operation of every spec and any request schemathesis can make of it (valid or not)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
import schemathesis
from connexion.context import _context, _operation
from connexion.decorators.parameter import prep_kwargs
from connexion.lifecycle import ConnexionRequest
from hypothesis import given, settings
from hypothesis import strategies as st

from mock_server import MockConfig, create_app
from mock_server._connexion.fastlane import FastLaneMiddleware
from tests.contract.contract import SPECS

APP = create_app(MockConfig(empty=True))
LANES = [
    middleware
    for app in APP.apis.values()
    for middleware in app.middleware._build_middleware_stack()[1]
    if isinstance(middleware, FastLaneMiddleware)
]
OPERATIONS = {
    (route.endpoint.operation.method.upper(), route.endpoint.operation.path): route.endpoint
    for lane in LANES
    for api in lane.apis
    for route in api.router.routes
}
CONFIG = schemathesis.Config.from_dict({"generation": {"mode": "all"}})
SCHEMAS = [
    schemathesis.openapi.from_path(SPECS / name, config=CONFIG)
    for name in (
        "preservica_monitor.yaml",
        "monitor_server.yaml",
        "aepublish.yaml",
        "mock_admin.yaml",
    )
]
CASES = [
    pytest.param(schema[path][method], id=f"{method.upper()} {path}")
    for schema in SCHEMAS
    for path, methods in schema.raw_schema["paths"].items()
    for method in methods
    if method in {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
]
CONTEXT = {"user": "someone", "token_info": {"sub": "someone", "token": "t"}}


def _scope(case: Any, path_params: dict[str, Any]) -> dict[str, Any]:
    headers = [(b"content-type", (case.media_type or "application/json").encode())]
    return {
        "type": "http",
        "method": case.method.upper(),
        "path": case.formatted_path,
        "query_string": urlencode(case.query or {}, doseq=True).encode(),
        "headers": headers,
        "path_params": path_params,
    }


def _outcome(build: Any) -> Any:
    try:
        return ("ok", build())
    except Exception as error:  # both must fail alike on what they cannot convert
        return ("error", type(error))


@pytest.mark.parametrize("api_operation", CASES)
@settings(max_examples=15)
@given(data=st.data())
def test_plan_gives_what_prep_kwargs_gives(api_operation, data):
    case = data.draw(api_operation.as_strategy())
    lane_operation = OPERATIONS[(case.method.upper(), case.operation.path)]
    path_params = {k: str(v) for k, v in (case.path_parameters or {}).items()}
    request = ConnexionRequest(_scope(case, path_params), uri_parser=lane_operation.uri_parser)
    body = case.body if isinstance(case.body, (dict, list)) else None
    _context.set(CONTEXT)
    _operation.set(lane_operation.operation)
    plan = lane_operation.arguments
    expected = _outcome(
        lambda: prep_kwargs(
            request,
            request_body=body,
            files={},
            arguments=sorted(plan.wanted),
            has_kwargs=plan.has_kwargs,
            sanitize=plan.sanitize,
        )
    )
    planned = _outcome(
        lambda: plan.kwargs(
            path_params=request.path_params,
            query_params=request.query_params,
            body=body,
            content_type=request.mimetype,
            context=CONTEXT,
        )
    )
    assert planned == expected


def test_every_operation_has_a_plan():
    assert len(OPERATIONS) == len(CASES) > 40
