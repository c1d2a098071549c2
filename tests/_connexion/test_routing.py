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


# --- the fast lane routes exactly as starlette's router --------------------------------------

from hypothesis import example, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from starlette.responses import PlainTextResponse  # noqa: E402
from starlette.routing import Mount, Route, Router  # noqa: E402

from mock_server._connexion.routing import RouteIndex, allowed_methods, match_routes  # noqa: E402


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
        Route("/api/v1/sessions/{prefix}", _endpoint("prefix"), methods=["POST"]),
        Route("/api/v1/sessions/{h}/metrics", _endpoint("metrics"), methods=["GET"]),
        Route("/api/v1/items/{n:int}", _endpoint("item"), methods=["DELETE"]),
        Route("/api/{version}/sessions/{p}", _endpoint("versioned"), methods=["GET", "PUT"]),
        Route("/a", _endpoint("a"), methods=["POST"]),
        Mount("/docs", app=_endpoint("docs")),
        Route("/", _endpoint("root"), methods=["GET"]),
    ]


class _IndexedRouter(Router):
    """starlette's Router, answering from ``match_routes`` over ``RouteIndex``'s routes."""

    async def app(self, scope, receive, send):
        path = scope["path"]
        found = RouteIndex(self.routes).match(scope, path)
        if found.full is not None:
            route, child_scope = found.full
            scope.update(child_scope)
            await route.handle(scope, receive, send)
        elif found.partials:
            text = f"405 {allowed_methods(found.partials)}"
            await PlainTextResponse(text, status_code=405)(scope, receive, send)
        elif found.redirect is not None:
            await PlainTextResponse(f"redirect {found.redirect['path']}")(scope, receive, send)
        else:
            await self.default(scope, receive, send)


class _PlainRouter(Router):
    """starlette's Router, its 405 and redirect written as ``_IndexedRouter`` writes them."""

    async def app(self, scope, receive, send):
        partials = [r for r in self.routes if r.matches(scope)[0].name == "PARTIAL"]
        if partials and not any(r.matches(scope)[0].name == "FULL" for r in self.routes):
            text = f"405 {allowed_methods([(r, {}) for r in partials])}"
            await PlainTextResponse(text, status_code=405)(scope, receive, send)
            return
        sent = {}

        async def noting(message):
            if message["type"] == "http.response.start":
                sent.update(message)
                if 300 <= message["status"] < 400:
                    return
            elif 300 <= sent.get("status", 200) < 400:
                location = dict(sent["headers"])[b"location"].decode()
                path = location.split("//", 1)[1].partition("/")[2]
                body = f"redirect /{path}".encode()
                await send({"type": "http.response.start", "status": 200, "headers": []})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await super().app(scope, receive, noting)


_SEGMENTS = ["", "api", "v1", "sessions", "count", "metrics", "items", "7", "x", "a", "docs"]


async def _answer(router, method, path):
    transport = httpx.ASGITransport(app=router)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        # Absolute: httpx refuses a relative URL whose path starts with "//".
        response = await client.request(method, f"http://t{path}", follow_redirects=False)
    return response.status_code, response.text


@given(
    segments=st.lists(st.sampled_from(_SEGMENTS), max_size=5),
    slash=st.booleans(),
    method=st.sampled_from(["GET", "POST", "DELETE", "HEAD", "PUT"]),
)
@example(segments=["api", "v1", "sessions", "x"], slash=False, method="GET")
@example(segments=["api", "v1", "sessions", "x"], slash=False, method="PUT")
@example(segments=["api", "v1", "sessions", "x"], slash=False, method="POST")
@example(segments=["api", "v1", "sessions", "count"], slash=False, method="POST")
@example(segments=["api", "v1", "sessions", "x", "metrics"], slash=False, method="GET")
@example(segments=["api", "v2", "sessions", "x"], slash=False, method="GET")
@example(segments=["api", "v1", "items", "7"], slash=False, method="DELETE")
async def test_match_routes_answers_as_starlettes_router(segments, slash, method):
    path = "/" + "/".join(segments) + ("/" if slash and segments else "")
    plain = _PlainRouter(routes=_routes(), default=_endpoint("default"))
    indexed = _IndexedRouter(routes=_routes(), default=_endpoint("default"))
    assert await _answer(indexed, method, path) == await _answer(plain, method, path)


@pytest.mark.parametrize(
    ("path", "method", "endpoint"),
    [
        ("/api/v1/sessions/x", "GET", "prefix"),
        ("/api/v1/sessions/count", "GET", "count"),
        ("/api/v2/sessions/x", "PUT", "versioned"),
    ],
)
def test_the_first_route_matching_the_path_and_method_is_found_in_one_step(
    monkeypatch, path, method, endpoint
):
    index = RouteIndex(_routes())

    def no_candidates(route_path):
        raise AssertionError("the routes were tried one by one")

    monkeypatch.setattr(index, "candidates", no_candidates)
    found = index.match({"type": "http", "method": method, "path": path, "root_path": ""}, path)
    assert found.full is not None
    assert found.full[0].endpoint.name == endpoint


async def test_a_405_names_every_method_of_the_path(full_client):
    answer = await full_client.delete("/api/processmonitor/monitors")
    assert answer.status_code == 405
    assert answer.headers["allow"] == "GET, HEAD"
    answer = await full_client.put("/_mock/faults")
    assert answer.status_code == 405
    assert answer.headers["allow"] == "DELETE, GET, HEAD, POST"


def _real_routes():
    from mock_server import MockConfig, create_app
    from mock_server._connexion.fastlane import FastLaneMiddleware

    app = create_app(MockConfig(empty=True))
    for full in app.apis.values():
        for middleware in full.middleware._build_middleware_stack()[1]:
            if isinstance(middleware, FastLaneMiddleware):
                for api in middleware.apis:
                    yield api.router.routes


_REAL_ROUTES = list(_real_routes())
_REAL_SEGMENTS = sorted(
    {
        segment
        for routes in _REAL_ROUTES
        for route in routes
        for segment in route.path_format.split("/")
    }
    | {"x", "7", ""}
)


@given(
    routes=st.sampled_from(_REAL_ROUTES),
    segments=st.lists(st.sampled_from(_REAL_SEGMENTS), max_size=9),
    slash=st.booleans(),
    method=st.sampled_from(["GET", "POST", "DELETE", "PUT"]),
)
def test_the_index_of_the_real_routes_leaves_out_no_route_that_matters(
    routes, segments, slash, method
):
    path = "/" + "/".join(s.replace("{", "").replace("}", "") for s in segments)
    path += "/" if slash and segments else ""
    scope = {"type": "http", "method": method, "path": path, "root_path": ""}

    def outcome(found):
        return (
            found.full and found.full[0],
            [route for route, _ in found.partials],
            found.redirect and found.redirect["path"],
        )

    indexed = RouteIndex(routes).match(scope, path)
    assert outcome(indexed) == outcome(match_routes(routes, scope, path))
