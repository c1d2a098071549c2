"""The mock answers as stock connexion does, except where it means to differ.

The oracle is each spec served by connexion as it comes (``mock_server._connexion.apps.
stock_app``, what ``mock-server --no-fast-lane`` serves): a plain ``connexion.AsyncApp`` per
spec with the mock's handlers and the functions that check credentials, and nothing else of
the mock's in the request path (no fast lane, no validators or URI parser of its own, no
error handlers but the backends' errors' statuses, no limits, journal, faults or front
door). Every generated request (schema-valid and malformed, every operation of every spec)
gets the same status, content type and body from the whole mock as from the oracle, both
freshly seeded on the same frozen clock, except in the cases ``documented_difference``
names, each with its reason (``DIFFERENCES``): those are where the mock means to answer
otherwise. A refusal's detail is compared as the mock cuts it (at ``DETAIL_LIMIT``).

Values drawn at random (tokens, ids) are compared as in the fast lane equivalence test.
"""

from __future__ import annotations

import json
from typing import Any

from connexion.utils import is_json_mimetype
from starlette.types import Scope

from mock_server._connexion.limits import RequestLimits
from mock_server._connexion.problems import bounded
from mock_server._connexion.validation import charset_of, is_utf8
from mock_server.app import MockServer, full_apps, serve
from mock_server.core.numbers import loads_finite
from tests.contract.contract import BASE_URL, _state, build_stock_app, load, reseed
from tests.contract.known_bugs import assume_not_known_bug
from tests.contract.lenient import negative_locations
from tests.contract.test_fast_lane_equivalence import (
    ALIKE_CONFIG,
    _credentials,
    _same,
    alike_settings,
)

#: Where the mock answers otherwise than stock connexion, on purpose.
DIFFERENCES = {
    "journal": "the request journal (GET /_mock/requests): the mock's traffic middleware "
    "notes every request; stock connexion has no journal",
    "limits": "a request beyond the limits (target, query parameters, headers, body, "
    "Content-Length, Content-Type): the mock refuses it before anything parses it",
    "front door": "monitor-server's front door answers as the real server's router (404, "
    "405, 308, OPTIONS, HEAD) before any operation",
    "off contract": "monitor-server answers requests off its contract as its real server "
    "does, noting the violations; stock connexion refuses them",
    "untyped": "a body with no Content-Type: the mock refuses it (415); stock connexion "
    "validates it as the operation's first type, then hands the handler its bytes",
    "charset": "a JSON body said to be in a charset other than UTF-8: the mock refuses it "
    "(415, RFC 8259); stock connexion decodes with the name it finds, a bogus one included",
    "not UTF-8": "a JSON body that is not UTF-8: the mock answers 400; stock connexion a 500 "
    "(its UnicodeDecodeError escapes)",
    "numbers and depth": "a JSON body holding NaN or an infinity, or nested deeper than 64 "
    "levels: the mock refuses it (400); stock connexion reads it",
}

#: Operations whose answer is the request journal.
JOURNAL_OPERATIONS = frozenset({"list_requests"})


class _Seen:
    """Notes the scope of each request it passes on to ``app``."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.scopes: list[Scope] = []

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.scopes.append(dict(scope))
        await self.app(scope, receive, send)


def _mock() -> tuple[MockServer, _Seen, list[Scope]]:
    """The whole mock, noting each request as it comes (``outside``) and as it reaches its
    spec's connexion app (``inside``: past the journal, the limits and the front door)."""
    state = _state()
    inside: list[Scope] = []

    def noted(app: Any) -> Any:
        async def noting(scope: Scope, receive: Any, send: Any) -> None:
            if scope["type"] == "http":
                inside.append(dict(scope))
            await app(scope, receive, send)

        return noting

    server = serve(state, {api: noted(app) for api, app in full_apps(state).items()})
    outside = _Seen(server.app)
    server.app = outside
    return server, outside, inside


MOCK, OUTSIDE, INSIDE = _mock()
STOCK = build_stock_app()
LIMITS = RequestLimits(None, max_body=MOCK.mock_state.config.max_body)  # type: ignore[arg-type]


def documented_difference(case: Any) -> str | None:
    """The key of ``DIFFERENCES`` under which the mock meant to answer ``case`` (just
    sent) otherwise than stock connexion, or None when it meant to answer it alike."""
    if case.operation.definition.raw.get("operationId") in JOURNAL_OPERATIONS:
        return "journal"
    request = OUTSIDE.scopes[-1]
    if LIMITS._refusal(request) is not None:
        return "limits"
    reached = INSIDE[-1] if INSIDE else None
    if reached is None or reached["method"] != request["method"]:
        return "front door"
    if case.operation.path.startswith("/api/v1") and negative_locations(case):
        return "off contract"
    return _json_reading(case, request)


def _json_reading(case: Any, request: Scope) -> str | None:
    """Where the mock reads a body otherwise than connexion (``_connexion.validation``,
    ``core.numbers``)."""
    if case.body is None or not case.operation.body:
        return None
    headers = {k.decode().lower(): v.decode("latin-1") for k, v in request["headers"]}
    if "content-type" not in headers:
        return "untyped"
    if not is_utf8(charset_of(headers["content-type"])):
        return "charset"
    if not is_json_mimetype(headers["content-type"]):
        return None
    data = case.body if isinstance(case.body, bytes) else json.dumps(case.body).encode()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    try:
        loads_finite(data)
    except ValueError:
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            return None  # not JSON for either: both answer connexion's 400
        return "numbers and depth"
    return None


def _body(response: Any) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        return response.content


def _as_cut(value: Any) -> Any:
    """A refusal as the mock answers it: its detail cut at ``DETAIL_LIMIT`` characters."""
    if isinstance(value, dict) and "detail" in value:
        return {**value, "detail": bounded(value["detail"])}
    return value


def _answer(app: Any, case: Any) -> Any:
    reseed(app)
    headers = _credentials(app, case)
    OUTSIDE.scopes.clear()
    INSIDE.clear()
    return case.call(base_url=BASE_URL, headers=headers, app=app)


#: How many answers each documented difference left uncompared.
SKIPPED: dict[str, int] = {}


def assert_answered_as_stock_connexion(case: Any) -> None:
    assume_not_known_bug(case)
    stock = _answer(STOCK, case)
    mock = _answer(MOCK, case)
    reason = documented_difference(case)
    if reason is not None:
        SKIPPED[reason] = SKIPPED.get(reason, 0) + 1
        return
    assert mock.status_code == stock.status_code, (mock.content, stock.content)
    assert mock.headers.get("content-type") == stock.headers.get("content-type")
    expected = _body(stock)
    if 400 <= stock.status_code < 500:
        expected = _as_cut(expected)
    assert _same(_body(mock), expected), (mock.content, stock.content)


SCHEMAS = {
    name: load(f"{name}.yaml", MOCK, ALIKE_CONFIG)
    for name in ("preservica_monitor", "monitor_server", "aepublish", "mock_admin")
}


@SCHEMAS["preservica_monitor"].parametrize()
@alike_settings
def test_preservica_answers_as_stock_connexion(case):
    assert_answered_as_stock_connexion(case)


@SCHEMAS["monitor_server"].parametrize()
@alike_settings
def test_monitor_server_answers_as_stock_connexion(case):
    assert_answered_as_stock_connexion(case)


@SCHEMAS["aepublish"].parametrize()
@alike_settings
def test_aepublish_answers_as_stock_connexion(case):
    assert_answered_as_stock_connexion(case)


@SCHEMAS["mock_admin"].parametrize()
@alike_settings
def test_admin_answers_as_stock_connexion(case):
    assert_answered_as_stock_connexion(case)


def test_every_difference_is_documented():
    assert set(DIFFERENCES) >= set(SKIPPED)
