"""A refusal quotes at most a few hundred bytes of what it refuses: connexion quoted the whole
value (a 1 MB body's 400 was 1 MB)."""

from __future__ import annotations

import json

import pytest

from mock_server._connexion.problems import DETAIL_LIMIT
from tests.hostile.wire import credentials, seeded_app, send

APP = seeded_app()
CREDENTIALS = credentials(APP)
JSON = [(b"content-type", b"application/json")]
MB = 1_000_000

#: The largest answer a refusal of any size of input may be (a problem document whose
#: detail is cut at DETAIL_LIMIT characters).
REFUSAL_LIMIT = 1024

REFUSED = [
    # a string where a number goes: jsonschema quotes the value
    ("POST", "/_mock/clock", JSON, b'{"advance": "' + b"x" * MB + b'"}', 400),
    # not JSON: the json module quotes nothing, but the position
    ("POST", "/_mock/clock", JSON, b'{"advance": ' + b"x" * MB + b"}", 400),
    # an unknown property named by the body
    ("POST", "/_mock/clock", JSON, b'{"' + b"k" * MB + b'": 1}', 400),
    # a whole seed section of the wrong type
    ("POST", "/_mock/seed", JSON, b'{"preservica": "' + b"s" * MB + b'"}', 400),
    # a string where the observations go
    ("POST", "/aepublish/v1/2/observation", JSON, b'"' + b"o" * MB + b'"', 400),
    # half a million observations: the backend's limit, not the input, is quoted
    ("POST", "/aepublish/v1/2/observation", JSON, b"[" + b"1," * (MB // 2) + b"1]", 413),
]


@pytest.mark.parametrize(("method", "path", "headers", "body", "status"), REFUSED)
async def test_a_refusal_of_a_megabyte_quotes_a_few_hundred_bytes(
    method, path, headers, body, status
):
    api = "aepublish" if path.startswith("/aepublish") else "admin"
    answer = await send(APP, method, path, headers=[*headers, *CREDENTIALS[api]], body=body)
    assert answer.status == status, answer.body[:300]
    assert len(answer.body) <= REFUSAL_LIMIT, len(answer.body)
    detail = json.loads(answer.body)["detail"]
    assert len(detail) <= DETAIL_LIMIT + 40


async def test_a_long_query_value_is_quoted_a_few_hundred_bytes():
    monitor = b"m" * 7000
    answer = await send(
        APP,
        "GET",
        "/api/processmonitor/messages",
        query=b"monitor=" + monitor + b"&max=" + b"9" * 500,
        headers=CREDENTIALS["preservica"],
    )
    assert answer.status == 400, answer.body[:300]
    assert len(answer.body) <= REFUSAL_LIMIT


async def test_strict_violations_are_each_cut():
    app = seeded_app(strict=True)
    body = json.dumps({"session_h": "s" * MB, "run_date": "d" * MB, "description": 1}).encode()
    answer = await send(app, "POST", "/api/v1/sessions/", headers=JSON, body=body)
    assert answer.status == 400
    problem = json.loads(answer.body)
    assert problem["violations"] and all(len(v) <= DETAIL_LIMIT + 40 for v in problem["violations"])
    assert len(answer.body) < 10 * REFUSAL_LIMIT
