"""Hostile request bodies: nesting, numbers, types and charsets, forms. Each is refused with
a 4xx saying what is wrong, on every route that reads it; none reaches a handler unread."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mock_server._connexion.validation import MAX_FORM_FIELDS
from mock_server.core.numbers import MAX_DEPTH
from tests.hostile.wire import credentials, every_operation, seeded_app, send

JSON = [(b"content-type", b"application/json")]
APP = seeded_app()
CREDENTIALS = credentials(APP)
JSON_ROUTES = [op for op in every_operation() if op.json_body]


def test_every_api_has_json_routes():
    assert {op.api for op in JSON_ROUTES} == {"admin", "monitor_server", "aepublish"}


def nested(depth: int, kind: str) -> bytes:
    if kind == "array":
        return b"[" * depth + b"]" * depth
    return b'{"a": ' * depth + b"1" + b"}" * depth


# --- nesting --------------------------------------------------------------------------------


@pytest.mark.parametrize("op", JSON_ROUTES, ids=lambda op: f"{op.method} {op.template}")
@pytest.mark.parametrize("kind", ["array", "object"])
async def test_json_nested_a_thousand_deep_is_a_400_on_every_json_route(op, kind):
    answer = await send(
        APP, op.method, op.path(), headers=[*JSON, *CREDENTIALS[op.api]], body=nested(1000, kind)
    )
    assert answer.status == 400, answer.body[:300]
    assert b"deeper than 64" in answer.body or op.api == "monitor_server", answer.body[:300]


@settings(max_examples=40)
@given(
    op=st.sampled_from(JSON_ROUTES),
    depth=st.integers(1, 5000),
    kind=st.sampled_from(["array", "object"]),
)
async def test_nesting_of_any_depth_never_fails_the_mock(op, depth, kind):
    answer = await send(
        APP, op.method, op.path(), headers=[*JSON, *CREDENTIALS[op.api]], body=nested(depth, kind)
    )
    assert answer.status < 500, (depth, answer.body[:300])
    if depth > MAX_DEPTH:
        assert answer.status == 400


# --- numbers --------------------------------------------------------------------------------

HUGE_NUMBERS = [
    "1e999",
    "-1e999",
    "NaN",
    "Infinity",
    "1" * 5000,  # an integer beyond Python's conversion limit
    "1" * 400,  # an integer beyond a double
    "18446744073709551616",  # beyond 64 bits
    "0." + "1" * 100_000,
    "1e-99999",
    "-0",
]


@pytest.mark.parametrize("number", HUGE_NUMBERS, ids=lambda n: n[:24])
async def test_numbers_of_any_size_never_fail_the_mock(number):
    aims = CREDENTIALS["aepublish"]
    body = f'[{{"definition": "host/agent/heartbeat", "data": {{"n": {number}}}}}]'.encode()
    answer = await send(
        APP, "POST", "/aepublish/v1/2/observation", headers=[*JSON, *aims], body=body
    )
    assert answer.status in (200, 400), answer.body[:300]
    clock = await send(
        APP, "POST", "/_mock/clock", headers=JSON, body=f'{{"advance": {number}}}'.encode()
    )
    assert clock.status < 500, clock.body[:300]
    assert len(clock.body) < 1000


@settings(max_examples=40)
@given(number=st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)))
async def test_a_finite_number_is_read_as_the_json_module_reads_it(number):
    body = json.dumps([{"definition": "host/agent/heartbeat", "data": {"n": number}}]).encode()
    answer = await send(
        APP,
        "POST",
        "/aepublish/v1/2/observation",
        headers=[*JSON, *CREDENTIALS["aepublish"]],
        body=body,
    )
    assert answer.status == 200, answer.body[:300]


# --- types and charsets ---------------------------------------------------------------------

UNTYPED = [
    ("/_mock/seed", b"{}"),
    ("/_mock/clock", b'{"advance": 5}'),
    ("/api/accesstoken/login", b"username=test&password=test&tenant=TEST"),
]


@pytest.mark.parametrize(("path", "body"), UNTYPED)
async def test_a_body_with_no_content_type_is_a_415(path, body):
    answer = await send(APP, "POST", path, body=body)
    assert answer.status == 415, answer.body[:300]
    assert answer.headers["content-type"] == "application/problem+json"
    assert b"Content-Type" in answer.body


@pytest.mark.parametrize("path", ["/_mock/clock", "/_mock/seed"])
async def test_a_chunked_body_with_no_content_type_is_a_415(path):
    answer = await send(APP, "POST", path, body=b'{"advance": 5}', chunks=3)
    assert answer.status == 415, answer.body[:300]


@pytest.mark.parametrize(
    "content_type",
    [
        b"application/json; charset=bogus",
        b"application/json;charset=bogus",
        b"application/json; charset=utf-16",
        b'application/json; charset="latin-1"',
        b"application/json; charset=",
    ],
)
async def test_a_json_body_in_a_charset_other_than_utf8_is_a_415(content_type):
    answer = await send(
        APP,
        "POST",
        "/_mock/clock",
        headers=[(b"content-type", content_type)],
        body=b'{"advance": 5}',
    )
    assert answer.status == 415, answer.body[:300]
    assert b"UTF-8" in answer.body
    assert APP.mock_state.clock.now() == APP.mock_state.clock.now()  # nothing moved below
    clock = await send(APP, "GET", "/_mock/clock")
    assert json.loads(clock.body)["now"] == pytest.approx(APP.mock_state.clock.now())


@pytest.mark.parametrize(
    "content_type", [b"application/json; charset=UTF-8", b"application/json;charset=utf8"]
)
async def test_a_json_body_said_to_be_utf8_is_read(content_type):
    app = seeded_app()
    answer = await send(
        app,
        "POST",
        "/_mock/clock",
        headers=[(b"content-type", content_type)],
        body=b'{"advance": 5}',
    )
    assert answer.status == 200, answer.body[:300]


async def test_a_json_body_that_is_not_utf8_is_a_400():
    answer = await send(APP, "POST", "/_mock/clock", headers=JSON, body=b'{"advance": "\xff"}')
    assert answer.status == 400
    assert b"not UTF-8" in answer.body


# --- forms ------------------------------------------------------------------------------------


async def test_a_form_with_too_many_fields_is_a_400():
    fields = "&".join(f"f{n}=x" for n in range(MAX_FORM_FIELDS + 1)).encode()
    form = [(b"content-type", b"application/x-www-form-urlencoded")]
    answer = await send(APP, "POST", "/api/accesstoken/login", headers=form, body=fields)
    assert answer.status == 400, answer.body[:300]
    assert b"fields" in answer.body


async def test_a_form_within_the_limit_logs_in():
    fields = "username=test&password=test&tenant=TEST&" + "&".join(
        f"f{n}=x" for n in range(MAX_FORM_FIELDS - 3)
    )
    form = [(b"content-type", b"application/x-www-form-urlencoded")]
    answer = await send(APP, "POST", "/api/accesstoken/login", headers=form, body=fields.encode())
    assert answer.status in (200, 400), answer.body[:300]
    assert answer.status != 400 or b"fields" not in answer.body
