"""Every API of the full app is reachable, though all are mounted at the same root."""

from __future__ import annotations

import httpx
import pytest


@pytest.fixture
async def full_client(make_app):
    transport = httpx.ASGITransport(app=make_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as c:
        yield c


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/_mock/health", 200),
        ("/api/v1/sessions/count", 200),
        ("/api/processmonitor/monitors", 401),  # reached: it asks for a token
        ("/aims/v1/token_info", 401),
        ("/api/no/such/route", 404),
    ],
)
async def test_each_api_answers_its_own_routes(full_client, path, status):
    response = await full_client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith(("application/json", "application/problem"))


@pytest.mark.parametrize("api", ["admin", "preservica", "monitor_server", "aepublish"])
async def test_each_api_has_its_swagger_ui_and_spec(full_client, api):
    ui = await full_client.get(f"/_docs/{api}/")
    assert ui.status_code == 200
    assert "swagger" in ui.text.lower()
    spec = (await full_client.get(f"/_specs/{api}.json")).json()
    assert spec["openapi"] == "3.0.3"


# --- the indexed router answers exactly as starlette's -------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from starlette.responses import PlainTextResponse  # noqa: E402
from starlette.routing import Mount, Route, Router  # noqa: E402

from mock_server._connexion.routing import PrefixIndexedRouter  # noqa: E402


class _endpoint:  # an ASGI app: a class, so Route does not wrap it as a request handler
    def __init__(self, name):
        self.name = name

    async def __call__(self, scope, receive, send):
        body = f"{self.name} {sorted(scope.get('path_params', {}).items())}"
        await PlainTextResponse(body)(scope, receive, send)


def _routes():
    return [
        Route("/api/v1/sessions/", _endpoint("sessions"), methods=["GET", "POST"]),
        Route("/api/v1/sessions/count", _endpoint("count"), methods=["GET"]),
        Route("/api/v1/sessions/{prefix}", _endpoint("prefix"), methods=["GET"]),
        Route("/api/v1/sessions/{h}/metrics", _endpoint("metrics"), methods=["GET"]),
        Route("/api/v1/items/{n:int}", _endpoint("item"), methods=["DELETE"]),
        Route("/a", _endpoint("a"), methods=["POST"]),
        Mount("/docs", app=_endpoint("docs")),
        Route("/", _endpoint("root"), methods=["GET"]),
    ]


_SEGMENTS = ["", "api", "v1", "sessions", "count", "metrics", "items", "7", "x", "a", "docs"]


async def _answer(router, method, path):
    transport = httpx.ASGITransport(app=router)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        # Absolute: httpx refuses a relative URL whose path starts with "//".
        response = await client.request(method, f"http://t{path}", follow_redirects=False)
    return response.status_code, response.headers.get("location"), response.text


@given(
    segments=st.lists(st.sampled_from(_SEGMENTS), max_size=5),
    slash=st.booleans(),
    method=st.sampled_from(["GET", "POST", "DELETE", "HEAD"]),
)
async def test_prefix_indexed_router_answers_as_starlettes(segments, slash, method):
    path = "/" + "/".join(segments) + ("/" if slash and segments else "")
    plain = Router(routes=_routes(), default=_endpoint("default"))
    indexed = PrefixIndexedRouter(routes=_routes(), default=_endpoint("default"))
    assert await _answer(indexed, method, path) == await _answer(plain, method, path)
