"""Bugs the contract tests found: pinned until their owners fix them, kept as plain
regression tests after.

Each test is named after its entry in ``known_bugs.KNOWN_BUGS`` (the filter that keeps the
generated runs from re-finding it) and is a strict ``xfail``: it sends the shrunk request
schemathesis found and runs the same checks. The day the bug is fixed it XPASSes, which
fails the run: then delete the ``xfail`` mark and the ``KNOWN_BUGS`` entry.
"""

from __future__ import annotations

import pytest
from schemathesis.core.failures import FailureGroup

from tests.contract.contract import (
    build_app,
    call_and_validate,
    client,
    load,
    login_aims,
    reseed,
)
from tests.contract.known_bugs import KNOWN_BUGS
from tests.contract.seed import PRESERVICA_USER

APP = build_app()
SCHEMAS = {
    name: load(f"{name}.yaml", APP)
    for name in ("monitor_server", "aepublish", "mock_admin", "preservica_monitor")
}


@pytest.fixture(autouse=True)
def _seeded():
    reseed(APP)


def _case(spec: str, method: str, path: str, **parts):
    return SCHEMAS[spec][path][method].Case(**parts)


# --------------------------------------------------------------------------------------
# Fixed: a JSON body that is not UTF-8 was a 500 (connexion's JSON body validator decodes
# with bytes.decode("utf-8") and the UnicodeDecodeError escaped); mock_server/app.py now
# answers it 400 (2454739). Kept as plain regression tests on every kind of JSON body.

NOT_UTF8 = b'"\xff"'
JSON_BODIES = [
    ("monitor_server", "/api/v1/sessions/"),
    ("monitor_server", "/api/v1/contexts/"),
    ("monitor_server", "/api/v1/metrics/"),
    ("mock_admin", "/_mock/seed"),
    ("mock_admin", "/_mock/clock"),
    ("mock_admin", "/_mock/aepublish/faults"),
]


def _assert_refused_as_bad_request(answer):
    assert answer.status_code == 400
    assert answer.headers["content-type"] == ["application/problem+json"]


@pytest.mark.parametrize(("spec", "path"), JSON_BODIES, ids=[p for _, p in JSON_BODIES])
def test_json_body_not_utf8_is_a_400(spec, path):
    case = _case(spec, "POST", path, body=NOT_UTF8, media_type="application/json")
    _assert_refused_as_bad_request(call_and_validate(case))


def test_json_body_not_utf8_is_a_400_when_publishing():
    case = _case(
        "aepublish",
        "POST",
        "/aepublish/v1/{account_id}/observation",
        path_parameters={"account_id": "2"},
        body=NOT_UTF8,
        media_type="application/json",
    )
    _assert_refused_as_bad_request(call_and_validate(case, login_aims(APP)))


# --------------------------------------------------------------------------------------
# path_parameter_with_newline_or_slash_is_an_undeclared_404
#
# Owner: mock_server/routing.py (or, if the routing stays as it is, the specs: see below).
# Request: a path parameter that decodes to a string with "\n" or "/", which every such
#   parameter's schema allows (type: string, at most minLength 1), e.g.
#   GET /api/v1/sessions/a%0Ab/metrics/count or POST /aepublish/v1/a%0Ab/observation.
# Expected: the operation's own answer (200 {"count": 0}; 403 for another account), or a
#   status the operation declares.
# Actual: 404 problem "Not Found" from the router, which these operations do not declare:
#   every API is mounted at the root, and starlette's Mount matches ^/(?P<path>.*)$ without
#   DOTALL, so a decoded newline never reaches any API; "%2F" is decoded before routing.
#   Operations that already declare 404 (list by prefix, metrics lists, timeseries) pass.
# Fix options: route such paths (e.g. a Mount whose regex has DOTALL, in routing.py), or
#   declare in specs/monitor_server.yaml and specs/aepublish.yaml what the mock can serve:
#   `pattern: "^[^/\n]+$"` on the path parameters SessionHash, ContextHash, account_id
#   (or a 404 response on count_session_metrics[_slash], count_context_metrics[_slash],
#   publish_observations).

UNROUTABLE = [
    # schemathesis sends "%" in a path as is (and requests drops a raw "\n"), so "a%0Ab"
    # is how "a\nb" goes on the wire, as any client that percent-encodes it sends it.
    ("monitor_server", "GET", "/api/v1/sessions/{session_h}/metrics/count", "session_h", "a%0Ab"),
    ("monitor_server", "GET", "/api/v1/contexts/{context_h}/metrics/count/", "context_h", "a/b"),
]


@pytest.mark.xfail(strict=True, raises=FailureGroup, reason="bug: unroutable path -> 404")
@pytest.mark.parametrize(
    ("spec", "method", "path", "name", "value"), UNROUTABLE, ids=["newline", "slash"]
)
def test_path_parameter_with_newline_or_slash_is_an_undeclared_404(spec, method, path, name, value):
    case = _case(spec, method, path, path_parameters={name: value})
    assert KNOWN_BUGS["path_parameter_with_newline_or_slash_is_an_undeclared_404"](case)
    call_and_validate(case)


@pytest.mark.xfail(strict=True, raises=FailureGroup, reason="bug: unroutable path -> 404")
def test_path_parameter_with_newline_is_an_undeclared_404_when_publishing():
    case = _case(
        "aepublish",
        "POST",
        "/aepublish/v1/{account_id}/observation",
        path_parameters={"account_id": "2%0A"},
        body=[],
        media_type="application/json",
    )
    call_and_validate(case, login_aims(APP))


# --------------------------------------------------------------------------------------
# method_not_allowed_lists_only_the_first_route
#
# Found by schemathesis' allow_header_conformance check (not among contract.CHECKS, so it
# needs no KNOWN_BUGS entry; add the check to CHECKS once this is fixed).
# Owner: mock_server/routing.py (connexion/starlette add one route per operation).
# Request: a method a path does not serve, e.g. OPTIONS or PUT /api/v1/sessions/.
# Expected: 405 with `Allow` listing every method of the path (RFC 9110 §15.5.6): GET, POST.
# Actual: 405 `Allow: GET, HEAD`, the methods of the first route matching the path only;
#   same on /api/v1/contexts/, /api/v1/metrics/, /_mock/clock, /_mock/aepublish/faults.

TWO_METHOD_PATHS = [
    ("/api/v1/sessions/", {"GET", "POST"}),
    ("/_mock/aepublish/faults", {"GET", "POST", "DELETE"}),
]


@pytest.mark.xfail(strict=True, raises=AssertionError, reason="bug: Allow names one route")
@pytest.mark.parametrize(
    ("path", "methods"), TWO_METHOD_PATHS, ids=[p for p, _ in TWO_METHOD_PATHS]
)
def test_method_not_allowed_lists_only_the_first_route(path, methods):
    answer = client(APP).request("OPTIONS", path)
    assert answer.status_code == 405
    allowed = {m.strip() for m in answer.headers["allow"].split(",")}
    assert methods <= allowed, allowed


# --------------------------------------------------------------------------------------
# schema_valid_request_is_refused
#
# Found by schemathesis' positive_data_acceptance check (not among contract.CHECKS, so it
# needs no KNOWN_BUGS entry; add the check to CHECKS once these are fixed). Each request is
# valid against its spec, yet the mock answers 400: the spec does not say what the mock
# checks, so a client generated from it sends what the mock then refuses.
# Owner: the spec named in each case (or the backend, if it should accept instead).
# Expected: not a 400 (the operation's answer), or the spec declaring the constraint.

SCHEMA_VALID_BUT_REFUSED = [
    pytest.param(
        # SessionCreate.run_date is any string; the backend wants ISO 8601.
        # Fix: `format: date-time`-like `pattern` on run_date (both forms), or accept it.
        ("monitor_server", "POST", "/api/v1/sessions/"),
        {"body": {"session_h": "abc", "run_date": "", "description": {}}},
        id="monitor_server-run_date-not-iso",
    ),
    pytest.param(
        # LoginForm allows other fields; connexion's strict_validation refuses them
        # ("Extra formData parameter(s) ... not in spec"). Same for RefreshForm.
        # Fix: `additionalProperties: false` on LoginForm and RefreshForm.
        ("preservica_monitor", "POST", "/api/accesstoken/login"),
        {
            "body": {**PRESERVICA_USER, "extra": "1"},
            "media_type": "application/x-www-form-urlencoded",
        },
        id="preservica-login-extra-form-field",
    ),
    pytest.param(
        # ClockChange allows `advance` and `now` together ("give either ..., not both").
        # Fix: `not: {required: [advance, now]}` on ClockChange.
        ("mock_admin", "POST", "/_mock/clock"),
        {"body": {"advance": 1, "now": 1750000000}},
        id="admin-clock-advance-and-now",
    ),
    pytest.param(
        # SeedUser (and SeedMonitor, SeedMessage, SeedTimeseriesPoint, SeedSession,
        # SeedContext, SeedMetric, SeedAccount, ObservationDefinition, FaultRule) allow other
        # keys; load_seed refuses them ("unknown field(s)").
        # Fix: `additionalProperties: false` on each of them.
        ("mock_admin", "POST", "/_mock/seed"),
        {"body": {"preservica": {"users": [{"username": "u", "password": "p", "x": 1}]}}},
        id="admin-seed-user-unknown-field",
    ),
    pytest.param(
        ("mock_admin", "POST", "/_mock/preservica/monitors"),
        {"body": {"messages": [{"x": 1}]}},
        id="admin-monitor-message-unknown-field",
    ),
    pytest.param(
        ("mock_admin", "POST", "/_mock/aepublish/faults"),
        {"body": {"definition": "host/agent/heartbeat", "x": 1}},
        id="admin-fault-unknown-field",
    ),
    pytest.param(
        # ObservationDefinition.account_id may be "", the backend wants it non-empty.
        # Fix: `minLength: 1` on account_id.
        ("mock_admin", "POST", "/_mock/aepublish/definitions"),
        {"body": {"path": "host/agent/heartbeat", "account_id": ""}},
        id="admin-definition-empty-account",
    ),
]


@pytest.mark.xfail(strict=True, raises=AssertionError, reason="spec allows what mock refuses")
@pytest.mark.parametrize(("where", "parts"), SCHEMA_VALID_BUT_REFUSED)
def test_schema_valid_request_is_refused(where, parts):
    spec, method, path = where
    parts.setdefault("media_type", "application/json")
    answer = call_and_validate(_case(spec, method, path, **parts))
    assert answer.status_code != 400, answer.json()["detail"]


def test_the_pins_cover_every_known_bug():
    pinned = {name.removeprefix("test_") for name in globals() if name.startswith("test_")}
    assert set(KNOWN_BUGS) <= pinned
