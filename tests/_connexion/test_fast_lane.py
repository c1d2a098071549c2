"""The fast lane answers valid requests without connexion's middleware chain, and hands
every other request to connexion whole (``tests/contract/test_fast_lane_equivalence.py``
checks the answers are the same either way)."""

from __future__ import annotations

import base64
import functools
from typing import Any

import httpx
import pytest
from connexion.middleware.routing import RoutingMiddleware

from tests.contract.contract import build_app, reseed
from tests.contract.seed import (
    ALERT_LOGIC_ACCOUNT,
    ALERT_LOGIC_KEY_PAIR,
    PRESERVICA_USER,
    RUNNING_MONITOR,
    SESSION,
    contract_seed,
)

OBSERVATION = "/aepublish/v1/" + ALERT_LOGIC_ACCOUNT + "/observation"


@pytest.fixture
def routed(monkeypatch) -> list[str]:
    """The paths of the requests that reached connexion's routing middleware."""
    seen: list[str] = []
    original = RoutingMiddleware.__call__

    async def spy(self, scope, receive, send):
        if scope["type"] == "http":
            seen.append(scope["path"])
        await original(self, scope, receive, send)

    monkeypatch.setattr(RoutingMiddleware, "__call__", spy)
    return seen


@pytest.fixture
def seeded(state):
    state.load_seed(contract_seed())


@pytest.fixture
async def preservica(client, seeded) -> dict[str, str]:
    answer = await client.post("/api/accesstoken/login", data=PRESERVICA_USER)
    return {"Preservica-Access-Token": answer.json()["token"]}


@pytest.fixture
async def aims(client, seeded) -> dict[str, str]:
    answer = await client.post("/aims/v1/authenticate", auth=ALERT_LOGIC_KEY_PAIR)
    return {"X-AIMS-Auth-Token": answer.json()["authentication"]["token"]}


async def test_valid_requests_skip_connexions_chain(client, seeded, preservica, aims, routed):
    answers = [
        await client.get(f"/api/v1/sessions/{SESSION[:8]}"),
        await client.get(
            "/api/processmonitor/messages",
            params={"monitor": RUNNING_MONITOR, "max": 10},
            headers=preservica,
        ),
        await client.post(
            OBSERVATION,
            json=[{"definition": "host/agent/heartbeat", "data": {"up": True}}],
            headers=aims,
        ),
        await client.get("/_mock/health"),
    ]
    assert [a.status_code for a in answers] == [200, 200, 200, 200]
    assert answers[0].json()["sessions"][0]["session_h"] == SESSION
    assert len(answers[1].json()["value"]["messages"]) == 10
    assert answers[2].json()["observations"][0]["outcome"] == "success"
    assert routed == []


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("GET", "/api/processmonitor/monitors", {}, 401),  # no token
        ("GET", "/_mock/health", {"params": {"pages": "2"}}, 400),  # unknown parameter
        ("DELETE", "/_mock/health", {}, 405),
        ("GET", "/_mock/nowhere", {}, 404),
        (
            "POST",
            "/_mock/clock",
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
        ),
        ("POST", "/_mock/clock", {"json": {"advance": "soon"}}, 400),  # schema-invalid
        (
            "POST",
            "/_mock/clock",
            {"content": b'{"advance": 5}', "headers": {"content-type": "text/plain"}},
            415,
        ),
    ],
)
async def test_anything_else_goes_to_connexion(client, method, path, kwargs, status, routed):
    answer = await client.request(method, path, **kwargs)
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/problem+json"
    assert routed == [path]


@pytest.mark.parametrize(
    "params", [{"pages": "2"}, {"page": "x"}], ids=["unknown parameter", "invalid parameter"]
)
async def test_off_contract_requests_of_a_lenient_api_go_to_connexion(client, params, routed):
    # monitor-server answers them as its real server does; connexion notes the violation.
    answer = await client.get("/api/v1/sessions/", params=params)
    assert answer.status_code == 204
    assert "x-mock-contract-violations" in answer.headers
    assert routed == ["/api/v1/sessions/"]


async def test_a_refused_body_reaches_connexion_whole(client, routed):
    # connexion quotes the invalid value: it saw the body the fast lane had read.
    answer = await client.post("/_mock/clock", json={"frozen": True, "advance": "soon"})
    assert answer.status_code == 400
    assert "'soon'" in answer.json()["detail"]
    assert routed == ["/_mock/clock"]


async def test_a_handlers_error_is_answered_as_by_connexion(client, seeded, preservica, routed):
    answer = await client.get(
        "/api/processmonitor/monitors/ffffffffffffffffffffffffffffffff/timeseries",
        headers=preservica,
    )
    assert answer.status_code == 404
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["status"] == 404
    assert routed == []


async def _count_sessions(app):
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://mock.test"
    ) as client:
        return await client.get("/api/v1/sessions/count")


@pytest.mark.parametrize("fast_lane", [True, False])
async def test_a_handlers_unexpected_error_is_answered_once_by_connexion(
    make_app, monkeypatch, routed, fast_lane
):
    """Raised in the fast lane, it goes down connexion's chain to be answered there: the
    same 500 problem as without the lane, the handler not called again."""
    from mock_server.monitor_server.handlers import MonitorServerHandlers

    calls = []

    async def failing(self):
        calls.append(self)
        raise RuntimeError("a bug in a handler")

    monkeypatch.setattr(MonitorServerHandlers, "count_sessions", failing)
    answer = await _count_sessions(make_app(fast_lane=fast_lane))
    assert answer.status_code == 500
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["title"] == "Internal Server Error"
    assert len(calls) == 1
    assert routed == ([] if fast_lane else ["/api/v1/sessions/count"])


async def test_an_error_once_the_answer_began_is_not_answered_again(monkeypatch):
    from starlette.responses import Response

    from mock_server import MockConfig, create_app
    from mock_server.monitor_server.handlers import MonitorServerHandlers

    class Broken(Response):
        async def __call__(self, scope, receive, send):
            await send({"type": "http.response.start", "status": 200, "headers": []})
            raise RuntimeError("broke while answering")

    async def broken(self):
        return Broken()

    monkeypatch.setattr(MonitorServerHandlers, "count_sessions", broken)
    with pytest.raises(RuntimeError, match="broke while answering"):
        await _count_sessions(create_app(MockConfig(empty=True, validate_responses=False)))


async def test_basic_credentials_take_the_fast_lane(client, seeded, routed):
    pair = base64.b64encode(":".join(ALERT_LOGIC_KEY_PAIR).encode()).decode()
    answer = await client.post("/aims/v1/authenticate", headers={"Authorization": f"Basic {pair}"})
    assert answer.status_code == 200
    assert routed == []
    # A wrong pair passes the spec's optional security too: the handler answers AIMS'
    # empty 401, in the fast lane as well.
    wrong = await client.post("/aims/v1/authenticate", auth=(ALERT_LOGIC_KEY_PAIR[0], "nope"))
    assert (wrong.status_code, wrong.content) == (401, b"")
    assert routed == []


async def test_without_the_fast_lane_connexion_routes_everything(make_app, routed):
    app = make_app(fast_lane=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://mock.test"
    ) as client:
        assert (await client.get("/_mock/health")).status_code == 200
    assert routed == ["/_mock/health"]


BIG = b'{"session_h": "0", "run_date": "2020-01-01", "description": {"n": -9223372036854775809}}'

#: Requests where the fast lane once answered otherwise than connexion (found by
#: test_fast_lane_equivalence), and others at the edges of what it takes.
TRICKY = [
    ("DELETE", "/_mock/faults/%0A", {}),  # a newline connexion's mount cuts off
    ("GET", "/api/v1/sessions/%0A", {}),
    ("GET", "/api/v1/sessions/a%0Ab/metrics/count", {}),
    ("GET", "/api/v1/sessions/a%2Fb", {}),
    ("GET", "/api/v1/sessions", {}),  # a trailing-slash redirect
    ("GET", "/_docs/admin/", {}),
    ("GET", "/_specs/admin.json", {}),
    # connexion reads the form of any request typed as one: no boundary is a 400
    ("GET", "/api/v1/sessions/", {"headers": {"content-type": "multipart/form-data"}}),
    # an integer beyond 64 bits stays an integer (orjson would read a float)
    (
        "POST",
        "/api/v1/sessions/",
        {"content": BIG, "headers": {"content-type": "application/json"}},
    ),
    # a JSON body without a type, or typed with another charset
    ("POST", "/_mock/clock", {"content": b'{"advance": 5}'}),
    (
        "POST",
        "/_mock/clock",
        {"json": {"advance": 5}, "headers": {"content-type": "application/json; charset=UTF-8"}},
    ),
    ("POST", "/_mock/clock", {"json": {"advance": 5}, "headers": {"content-type": "text/plain"}}),
    (
        "POST",
        "/_mock/clock",
        {
            "content": b'{"advance": 5}',
            "headers": {"content-type": "application/json; charset=latin-1"},
        },
    ),
]


@functools.cache
def _fast_and_slow() -> tuple[Any, Any]:
    return build_app(fast_lane=True), build_app(fast_lane=False)


@pytest.mark.parametrize(("method", "path", "kwargs"), TRICKY)
async def test_tricky_requests_answer_as_connexion_alone(method, path, kwargs):
    answers = []
    for app in _fast_and_slow():
        reseed(app)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as client:
            answer = await client.request(method, path, **kwargs)
        answers.append((answer.status_code, answer.headers.get("content-type"), answer.content))
    assert answers[0] == answers[1]
