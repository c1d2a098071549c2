"""The monitor-server wrapper: paging, counts, writes, typed errors and retries over respx
(the HTTP the generated client makes), then end to end against the in-process mock."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from operator import attrgetter
from typing import Any

import httpx
import pytest
import respx
from hypothesis import given
from hypothesis import strategies as st

from tests.monitor_server.payloads import context_payload, hash_of, metric_payload
from wrappers.errors import BadRequestError, ConflictError, NotFoundError, ServerError
from wrappers.monitor_server import (
    AsyncMonitorServerClient,
    ExecutionContextCreate,
    Metric,
    MonitorServerClient,
    MonitorSession,
)

BASE = "http://monitor.test"
RUN_DATE = "2024-05-13T09:12:44.301552"


# --------------------------------------------------------------------------- wire data


def session_json(session_h: str, **tags: str) -> dict[str, Any]:
    """A session as the server renders it (tags with both ``key`` and ``name``)."""
    return {
        "session_h": session_h,
        "run_date": RUN_DATE,
        "scm_ref": "4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
        "tags": [{"key": name, "name": name, "value": value} for name, value in tags.items()],
    }


def context_json(h: str) -> dict[str, Any]:
    return {**context_payload(h), "context_h": h, "cpu_frequency": 2893}


def metric_json(item: str) -> dict[str, Any]:
    return metric_payload(hash_of("session"), hash_of("context"), item)


def problem(status: int, title: str, detail: str) -> dict[str, Any]:
    return {"type": "about:blank", "title": title, "status": status, "detail": detail}


def paged(items: list[dict[str, Any]], envelope: str, page_size: int, route: str):
    """A respx side effect paging ``items`` as the real server does: 1-based pages,
    relative ``prev_url`` / ``next_url`` absent at the ends, 204 with no body when empty,
    404 outside ``1..total_page``."""
    total_page = -(-len(items) // page_size)

    def answer(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        if not items:
            return httpx.Response(204)
        if not 1 <= page <= total_page:
            return httpx.Response(404, json=problem(404, "Not Found", f"no page {page}"))
        body: dict[str, Any] = {
            envelope: items[(page - 1) * page_size : page * page_size],
            "total_page": total_page,
        }
        if page > 1:
            body["prev_url"] = f"{route}?page={page - 1}"
        if page < total_page:
            body["next_url"] = f"{route}?page={page + 1}"
        return httpx.Response(200, json=body)

    return answer


def pages_asked(route: respx.Route) -> list[str]:
    return [call.request.url.params["page"] for call in route.calls]


def sent(route: respx.Route) -> Any:
    """The JSON body of the last request a route received."""
    return json.loads(route.calls.last.request.content)


def hashes(count: int) -> list[str]:
    """``count`` session hashes in the server's (hash) order."""
    return sorted(hash_of(f"session-{i}") for i in range(count))


@pytest.fixture
def mock_http():
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


@pytest.fixture
def monitor():
    with MonitorServerClient(BASE) as client:
        yield client


@pytest.fixture
async def amonitor():
    async with AsyncMonitorServerClient(BASE) as client:
        yield client


def serve_sessions(router: respx.Router, count: int, page_size: int = 3) -> respx.Route:
    sessions = [session_json(h, numpy="1.26.4") for h in hashes(count)]
    route = router.get("/api/v1/sessions/")
    return route.mock(side_effect=paged(sessions, "sessions", page_size, "/api/v1/sessions/"))


# --------------------------------------------------------------------------- paging edges


def test_no_session_is_one_request_answered_204(mock_http, monitor):
    route = serve_sessions(mock_http, 0)
    assert list(monitor.sessions()) == []
    assert pages_asked(route) == ["1"]


def test_one_session_reads_with_its_tags_as_a_mapping(mock_http, monitor):
    mock_http.get("/api/v1/sessions/").respond(
        json={"sessions": [session_json("0041724f", numpy="1.17.1", ci="gitlab")], "total_page": 1}
    )
    assert list(monitor.sessions()) == [
        MonitorSession(
            session_h="0041724f",
            run_date=RUN_DATE,
            scm_ref="4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
            tags={"numpy": "1.17.1", "ci": "gitlab"},
        )
    ]


def test_an_exact_multiple_of_the_page_size_stops_at_the_last_page(mock_http, monitor):
    route = serve_sessions(mock_http, 6, page_size=3)
    assert [s.session_h for s in monitor.sessions()] == hashes(6)
    assert pages_asked(route) == ["1", "2"]


def test_pages_are_fetched_as_the_caller_iterates(mock_http, monitor):
    route = serve_sessions(mock_http, 6, page_size=3)
    walk = monitor.sessions()
    assert route.call_count == 0
    next(walk)
    assert pages_asked(route) == ["1"]


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (
            httpx.Response(404, json=problem(404, "Not Found", "page 2 does not exist")),
            NotFoundError,
        ),
        (httpx.Response(500, text="Internal Server Error"), ServerError),
    ],
)
def test_a_failing_page_raises_its_typed_error_after_the_pages_before_it(
    mock_http, monitor, failure, error
):
    first = {"sessions": [session_json("a"), session_json("b")], "total_page": 3}
    first["next_url"] = "/api/v1/sessions/?page=2"
    mock_http.get("/api/v1/sessions/").mock(side_effect=[httpx.Response(200, json=first), failure])

    walked = []
    with pytest.raises(error) as raised:
        for session in monitor.sessions():
            walked.append(session.session_h)
    assert walked == ["a", "b"]
    assert raised.value.status == failure.status_code


def test_the_next_page_is_the_one_next_url_names(mock_http, monitor):
    page_1 = {"sessions": [session_json("a")], "total_page": 5, "next_url": "/x/?page=4"}
    page_4 = {"sessions": [session_json("b")], "total_page": 5}
    route = mock_http.get("/api/v1/sessions/")
    route.mock(side_effect=[httpx.Response(200, json=page_1), httpx.Response(200, json=page_4)])
    assert [s.session_h for s in monitor.sessions()] == ["a", "b"]
    assert pages_asked(route) == ["1", "4"]


@pytest.mark.parametrize(
    "next_url", ["/api/v1/sessions/?page=1", "/api/v1/sessions/", "/api/v1/sessions/?page=x"]
)
def test_a_next_url_that_does_not_move_forward_is_refused(mock_http, monitor, next_url):
    page = {"sessions": [session_json("a")], "total_page": 2, "next_url": next_url}
    mock_http.get("/api/v1/sessions/").respond(json=page)
    with pytest.raises(ValueError, match="does not point past page 1"):
        list(monitor.sessions())


@given(count=st.integers(min_value=0, max_value=60), page_size=st.integers(1, 20))
def test_sessions_yields_every_session_exactly_once_in_order(count, page_size):
    with respx.mock(base_url=BASE) as router, MonitorServerClient(BASE) as client:
        route = serve_sessions(router, count, page_size)
        assert [s.session_h for s in client.sessions()] == hashes(count)
        # One request per page; an empty server answers the first one with 204.
        assert route.call_count == max(1, -(-count // page_size))


# --------------------------------------------------------------------------- every listing

LISTINGS = [
    # method, its arguments, route, envelope, one item on the wire, the item's identity
    ("sessions", (), "/api/v1/sessions/", "sessions", session_json, "session_h"),
    ("sessions_by_prefix", ("2c",), "/api/v1/sessions/2c", "sessions", session_json, "session_h"),
    ("session_metrics", ("s1",), "/api/v1/sessions/s1/metrics", "metrics", metric_json, "item"),
    ("contexts", (), "/api/v1/contexts/", "contexts", context_json, "h"),
    ("contexts_by_prefix", ("e9",), "/api/v1/contexts/e9", "contexts", context_json, "h"),
    ("context_metrics", ("c1",), "/api/v1/contexts/c1/metrics", "metrics", metric_json, "item"),
    ("metrics", (), "/api/v1/metrics/", "metrics", metric_json, "item"),
]
LISTING_IDS = [listing[0] for listing in LISTINGS]


def serve_listing(router, route, envelope, make: Callable[[str], dict]) -> respx.Route:
    items = [make(name) for name in ("one", "two", "three")]
    return router.get(route).mock(side_effect=paged(items, envelope, 2, route))


@pytest.mark.parametrize(
    ("method", "args", "route", "envelope", "make", "key"), LISTINGS, ids=LISTING_IDS
)
def test_every_listing_follows_the_pages_of_its_route(
    mock_http, monitor, method, args, route, envelope, make, key
):
    served = serve_listing(mock_http, route, envelope, make)
    walked = getattr(monitor, method)(*args)
    assert [attrgetter(key)(item) for item in walked] == ["one", "two", "three"]
    assert pages_asked(served) == ["1", "2"]


@pytest.mark.parametrize(
    ("method", "args", "route", "envelope", "make", "key"), LISTINGS, ids=LISTING_IDS
)
async def test_every_async_listing_follows_the_pages_of_its_route(
    mock_http, amonitor, method, args, route, envelope, make, key
):
    served = serve_listing(mock_http, route, envelope, make)
    walked = [attrgetter(key)(item) async for item in getattr(amonitor, method)(*args)]
    assert walked == ["one", "two", "three"]
    assert pages_asked(served) == ["1", "2"]


async def test_an_async_failing_page_raises_after_the_pages_before_it(mock_http, amonitor):
    first = {"sessions": [session_json("a")], "total_page": 2, "next_url": "/?page=2"}
    gone = httpx.Response(404, json=problem(404, "Not Found", "page 2 does not exist"))
    mock_http.get("/api/v1/sessions/").mock(side_effect=[httpx.Response(200, json=first), gone])
    walked = []
    with pytest.raises(NotFoundError, match="page 2 does not exist"):
        async for session in amonitor.sessions():
            walked.append(session.session_h)
    assert walked == ["a"]


# --------------------------------------------------------------------------- counts

COUNTS = [
    ("count_sessions", (), "/api/v1/sessions/count"),
    ("count_session_metrics", ("s1",), "/api/v1/sessions/s1/metrics/count"),
    ("count_contexts", (), "/api/v1/contexts/count"),
    ("count_metrics", (), "/api/v1/metrics/count"),
]


@pytest.mark.parametrize(("method", "args", "route"), COUNTS, ids=[c[0] for c in COUNTS])
def test_counts_read_as_int(mock_http, monitor, method, args, route):
    mock_http.get(route).respond(json={"count": 4256})
    assert getattr(monitor, method)(*args) == 4256


@pytest.mark.parametrize(("method", "args", "route"), COUNTS, ids=[c[0] for c in COUNTS])
async def test_async_counts_read_as_int(mock_http, amonitor, method, args, route):
    mock_http.get(route).respond(json={"count": 17})
    assert await getattr(amonitor, method)(*args) == 17


# --------------------------------------------------------------------------- writes


def test_create_session_sends_pytest_monitors_form(mock_http, monitor):
    route = mock_http.post("/api/v1/sessions/").respond(
        201, json=session_json("2bdcf62f", numpy="1.26.4")
    )
    created = monitor.create_session(
        "2bdcf62f",
        datetime.fromisoformat(RUN_DATE),
        scm_ref="4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
        description={"numpy": "1.26.4"},
    )
    assert created.tags == {"numpy": "1.26.4"}
    assert sent(route) == {
        "session_h": "2bdcf62f",
        "run_date": RUN_DATE,
        "description": {"numpy": "1.26.4"},
        "scm_ref": "4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
    }


def test_create_session_without_description_sends_an_empty_one(mock_http, monitor):
    route = mock_http.post("/api/v1/sessions/").respond(201, json=session_json("2bdcf62f"))
    assert monitor.create_session("2bdcf62f", RUN_DATE).tags == {}
    assert sent(route) == {
        "session_h": "2bdcf62f",
        "run_date": RUN_DATE,
        "description": {},
        "scm_ref": None,
    }


def test_an_existing_session_hash_is_a_conflict(mock_http, monitor):
    detail = "session 2bdcf62f already exists"
    mock_http.post("/api/v1/sessions/").respond(409, json=problem(409, "Conflict", detail))
    with pytest.raises(ConflictError, match=detail) as raised:
        monitor.create_session("2bdcf62f", RUN_DATE)
    assert raised.value.problem["status"] == 409


def test_a_malformed_session_is_a_bad_request(mock_http, monitor):
    body = {**problem(400, "Bad Request", "description ..."), "message": "Bad description format"}
    mock_http.post("/api/v1/sessions/").respond(400, json=body)
    with pytest.raises(BadRequestError) as raised:
        monitor.create_session("2bdcf62f", "yesterday")
    assert raised.value.problem["message"] == "Bad description format"


async def test_async_create_session_conflict(mock_http, amonitor):
    mock_http.post("/api/v1/sessions/").respond(409, json=problem(409, "Conflict", "exists"))
    with pytest.raises(ConflictError):
        await amonitor.create_session("2bdcf62f", RUN_DATE)


def test_create_context_and_metric_send_the_models_and_read_back_what_is_stored(mock_http, monitor):
    context = ExecutionContextCreate.from_dict(context_payload("e9188c68"))
    metric = Metric.from_dict(metric_json("test_server_up"))
    contexts = mock_http.post("/api/v1/contexts/").respond(201, json=context_json("e9188c68"))
    metrics = mock_http.post("/api/v1/metrics/").respond(201, json=metric_json("test_server_up"))

    assert monitor.create_context(context).cpu_frequency == 2893
    assert monitor.create_metric(metric) == metric
    assert sent(contexts) == context.to_dict()
    assert sent(metrics) == metric.to_dict()


# --------------------------------------------------------------------------- retries


def test_a_get_that_fails_in_transport_is_tried_again(mock_http):
    slept: list[float] = []
    route = mock_http.get("/api/v1/sessions/count")
    route.mock(side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json={"count": 3})])
    with MonitorServerClient(BASE, sleep=slept.append) as client:
        assert client.count_sessions() == 3
    assert route.call_count == 2
    assert len(slept) == 1


def test_retries_are_bounded_and_back_off(mock_http):
    slept: list[float] = []
    route = mock_http.get("/api/v1/sessions/").mock(side_effect=httpx.ReadTimeout("slow"))
    with (
        MonitorServerClient(BASE, attempts=3, sleep=slept.append) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        list(client.sessions())
    assert route.call_count == 3
    assert len(slept) == 2
    assert slept[0] < slept[1]


def test_an_error_status_is_an_answer_not_retried(mock_http):
    slept: list[float] = []
    route = mock_http.get("/api/v1/metrics/count").respond(503, text="busy")
    with MonitorServerClient(BASE, sleep=slept.append) as client, pytest.raises(ServerError):
        client.count_metrics()
    assert (route.call_count, slept) == (1, [])


def test_a_create_is_never_retried(mock_http):
    slept: list[float] = []
    route = mock_http.post("/api/v1/sessions/").mock(side_effect=httpx.ConnectError("reset"))
    with MonitorServerClient(BASE, sleep=slept.append) as client, pytest.raises(httpx.ConnectError):
        client.create_session("2bdcf62f", RUN_DATE)
    assert (route.call_count, slept) == (1, [])


async def test_the_async_client_retries_with_its_own_sleep(mock_http):
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    route = mock_http.get("/api/v1/contexts/count")
    route.mock(side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json={"count": 2})])
    async with AsyncMonitorServerClient(BASE, sleep=sleep) as client:
        assert await client.count_contexts() == 2
    assert (route.call_count, len(slept)) == (2, 1)


def test_attempts_must_be_positive():
    with pytest.raises(ValueError, match="attempts"):
        MonitorServerClient(BASE, attempts=0)


# --------------------------------------------------------------------------- lifecycle


class CountingTransport(httpx.MockTransport):
    """Answers every count with 1 and remembers being closed."""

    def __init__(self) -> None:
        super().__init__(lambda request: httpx.Response(200, json={"count": 1}))
        self.closed = False

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def test_leaving_the_context_closes_the_http_client():
    transport = CountingTransport()
    with MonitorServerClient(BASE, httpx_args={"transport": transport}) as client:
        assert client.count_sessions() == 1
    assert transport.closed


async def test_leaving_the_async_context_closes_the_http_client():
    transport = CountingTransport()
    async with AsyncMonitorServerClient(BASE, httpx_args={"transport": transport}) as client:
        assert await client.count_sessions() == 1
    assert transport.closed


# --------------------------------------------------------------------------- end to end

PAGE_SIZE = 3
CONTEXT_HS = sorted(hash_of(f"context-{i}") for i in range(4))
SESSION_HS = ["2c14d248", "2c99a001", "2d12604f", "034e538d", "9f00aa11"]


@pytest.fixture
async def served(make_app):
    """An async client over the in-process mock (pages of 3), with no socket."""
    app = make_app(apis=("monitor_server",), page_size=PAGE_SIZE)
    transport = httpx.ASGITransport(app=app)
    async with AsyncMonitorServerClient(
        "http://mock.test", httpx_args={"transport": transport}
    ) as client:
        yield client


async def upload_runs(client: AsyncMonitorServerClient) -> list[Metric]:
    """What pytest-monitor uploads: contexts, sessions, then one metric per test; each
    session ran its tests in the context of the same rank."""
    for h in CONTEXT_HS:
        await client.create_context(ExecutionContextCreate.from_dict(context_payload(h)))
    for h in SESSION_HS:
        await client.create_session(h, RUN_DATE, description={"numpy": "1.26.4", "workers": 4})
    metrics = []
    for i, session_h in enumerate(SESSION_HS):
        for test in range(i + 1):  # 1 + 2 + 3 + 4 + 5 = 15 metrics, 5 pages of 3
            payload = metric_payload(session_h, CONTEXT_HS[i % 4], f"test_{i}_{test}")
            metrics.append(await client.create_metric(Metric.from_dict(payload)))
    return metrics


async def items(walk) -> list:
    return [item async for item in walk]


async def test_end_to_end_what_is_uploaded_reads_back_through_every_listing(served):
    uploaded = await upload_runs(served)

    sessions = await items(served.sessions())
    assert [s.session_h for s in sessions] == sorted(SESSION_HS)
    # A non-string description value comes back as JSON text.
    assert sessions[0].tags == {"numpy": "1.26.4", "workers": "4"}
    assert [s.session_h for s in await items(served.sessions_by_prefix("2c"))] == SESSION_HS[:2]
    assert [c.h for c in await items(served.contexts())] == CONTEXT_HS
    assert [c.h for c in await items(served.contexts_by_prefix(CONTEXT_HS[2]))] == CONTEXT_HS[2:3]
    assert await items(served.metrics()) == uploaded

    last = SESSION_HS[4]  # 5 metrics: two pages
    assert await items(served.session_metrics(last)) == [m for m in uploaded if m.session_h == last]
    first_context = CONTEXT_HS[0]  # sessions 0 and 4: 1 + 5 metrics
    in_context = [m for m in uploaded if m.context_h == first_context]
    assert await items(served.context_metrics(first_context)) == in_context
    assert len(in_context) == 6


async def test_end_to_end_counts(served):
    await upload_runs(served)
    assert await served.count_sessions() == 5
    assert await served.count_contexts() == 4
    assert await served.count_metrics() == 15
    assert await served.count_session_metrics(SESSION_HS[2]) == 3
    assert await served.count_session_metrics("unknown") == 0


async def test_end_to_end_an_empty_server_lists_nothing(served):
    assert await items(served.sessions()) == []
    assert await items(served.sessions_by_prefix("2c")) == []
    assert await items(served.contexts()) == []
    assert await items(served.metrics()) == []
    assert await items(served.session_metrics("unknown")) == []
    assert await served.count_sessions() == 0


async def test_end_to_end_refusals_are_typed(served):
    await served.create_session("2c14d248", RUN_DATE)
    with pytest.raises(ConflictError, match="2c14d248 already exists"):
        await served.create_session("2c14d248", RUN_DATE)
    with pytest.raises(BadRequestError, match="yesterday"):
        await served.create_session("9f00aa11", "yesterday")
    context = ExecutionContextCreate.from_dict(context_payload(CONTEXT_HS[0]))
    await served.create_context(context)
    with pytest.raises(ConflictError):
        await served.create_context(context)
