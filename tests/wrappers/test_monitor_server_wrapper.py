"""The monitor-server wrapper: every operation of the API (listings following their pages,
counts, head/tail of the resources, writes) over respx, in both forms; then end to end
against the in-process mock.

respx answers as the real server does: 1-based pages, relative links absent at the ends
(null on the "record" pages that name what they list), 204 with no body for an empty
listing (200 for a record page), 404 outside ``1..total_page``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.monitor_server.payloads import context_payload, hash_of, metric_payload
from wrappers.errors import (
    BadRequestError,
    ConflictError,
    NotFoundError,
    ServerError,
    UnexpectedResponseError,
)
from wrappers.monitor_server import (
    AsyncMonitorServerClient,
    ExecutionContext,
    ExecutionContextCreate,
    Metric,
    MonitorServerClient,
    MonitorSession,
    Resource,
)

BASE = "http://monitor.test"
RUN_DATE = "2024-05-13T09:12:44.301552"
SCM_REF = "4914d195225cf6b1c5a160c555b6948ea1ba2bcd"
SPEC = Path(__file__).parents[2] / "specs" / "monitor_server.yaml"


# --------------------------------------------------------------------------- wire data


def session_json(session_h: str, **tags: str | None) -> dict[str, Any]:
    """A session as the server renders it."""
    return {
        "session_h": session_h,
        "run_date": RUN_DATE,
        "scm_ref": SCM_REF,
        "tags": [{"name": name, "value": value} for name, value in tags.items()],
    }


def context_json(h: str) -> dict[str, Any]:
    """An execution context as the server renders it (``cpu_frequency`` an integer)."""
    return {**context_payload(h), "cpu_frequency": 2893}


def metric_json(item: str) -> dict[str, Any]:
    return metric_payload(hash_of("session"), hash_of("context"), item)


def flask_404(path: str) -> dict[str, Any]:
    return {"message": f"The requested URL was not found on the server. ({path})"}


def paged(items: list[Any], envelope: str, page_size: int, route: str) -> Callable:
    """A respx side effect paging ``items`` as the real server does: 1-based pages,
    relative ``prev_url`` / ``next_url`` absent at the ends, 204 with no body when empty,
    404 outside ``1..total_page``."""
    total_page = -(-len(items) // page_size)

    def answer(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        if not items:
            return httpx.Response(204)
        if not 1 <= page <= total_page:
            return httpx.Response(404, json=flask_404(request.url.path))
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


def paged_record(
    items: list[Any], envelope: str, record: dict[str, str], page_size: int, route: str
) -> Callable:
    """As ``paged``, for a page that names what it lists: always 200, links null."""
    total_page = -(-len(items) // page_size)

    def answer(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        if items and not 1 <= page <= total_page:
            return httpx.Response(404, json=flask_404(request.url.path))
        body = {
            **record,
            envelope: items[(page - 1) * page_size : page * page_size],
            "prev_url": f"{route}?page={page - 1}" if page > 1 else None,
            "next_url": f"{route}?page={page + 1}" if page < total_page else None,
            "total_page": total_page,
        }
        return httpx.Response(200, json=body)

    return answer


def pages_asked(route: respx.Route) -> list[str | None]:
    return [call.request.url.params.get("page") for call in route.calls]


def sent(route: respx.Route) -> Any:
    """The JSON body of the last request a route received."""
    return json.loads(route.calls.last.request.content)


async def drain(result: Any) -> list[Any]:
    """Every item of a sync or an async listing."""
    if hasattr(result, "__aiter__"):
        return [item async for item in result]
    return list(result)


async def outcome(result: Any) -> Any:
    """A sync result, or an async one awaited."""
    return await result if hasattr(result, "__await__") else result


@pytest.fixture
def mock_http():
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


@pytest.fixture
def monitor():
    with MonitorServerClient(BASE) as client:
        yield client


@pytest.fixture(params=["sync", "async"])
async def either(request):
    """The sync or the async client (one test body for both forms)."""
    if request.param == "sync":
        with MonitorServerClient(BASE) as client:
            yield client
    else:
        async with AsyncMonitorServerClient(BASE) as client:
            yield client


def serve_sessions(router: respx.Router, count: int, page_size: int = 3) -> respx.Route:
    sessions = [session_json(h, numpy="1.26.4") for h in hashes(count)]
    route = router.get("/api/v1/sessions/")
    return route.mock(side_effect=paged(sessions, "sessions", page_size, "/api/v1/sessions/"))


def hashes(count: int) -> list[str]:
    return [hash_of(f"session-{i}") for i in range(count)]


# --------------------------------------------------------------------------- paging edges


def test_no_session_is_one_request_answered_204(mock_http, monitor):
    route = serve_sessions(mock_http, 0)
    assert list(monitor.sessions()) == []
    assert pages_asked(route) == ["1"]


def test_a_session_reads_with_its_tags_as_a_mapping_null_values_kept(mock_http, monitor):
    wire = session_json("0041724f", numpy="1.17.1", ci=None)
    mock_http.get("/api/v1/sessions/").respond(json={"sessions": [wire], "total_page": 1})
    assert list(monitor.sessions()) == [
        MonitorSession(
            session_h="0041724f",
            run_date=RUN_DATE,
            scm_ref=SCM_REF,
            tags={"numpy": "1.17.1", "ci": None},
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
    for _ in range(3):
        next(walk)
    assert pages_asked(route) == ["1", "2"]


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (httpx.Response(404, json=flask_404("/api/v1/sessions/")), NotFoundError),
        (httpx.Response(500, text="Internal Server Error"), ServerError),
    ],
)
async def test_a_failing_page_raises_its_typed_error_after_the_pages_before_it(
    mock_http, either, failure, error
):
    first = {"sessions": [session_json("a"), session_json("b")], "total_page": 3}
    first["next_url"] = "/api/v1/sessions/?page=2"
    mock_http.get("/api/v1/sessions/").mock(side_effect=[httpx.Response(200, json=first), failure])

    walked = []
    with pytest.raises(error) as raised:
        listing = either.sessions()
        if hasattr(listing, "__aiter__"):
            async for session in listing:
                walked.append(session.session_h)
        else:
            for session in listing:
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
    with pytest.raises(UnexpectedResponseError, match="does not point past page 1"):
        list(monitor.sessions())


@given(count=st.integers(min_value=0, max_value=60), page_size=st.integers(1, 20))
def test_sessions_yields_every_session_exactly_once_in_order(count, page_size):
    with respx.mock(base_url=BASE) as router, MonitorServerClient(BASE) as client:
        route = serve_sessions(router, count, page_size)
        assert [s.session_h for s in client.sessions()] == hashes(count)
        # One request per page; an empty server answers the first one with 204.
        assert route.call_count == max(1, -(-count // page_size))


# --------------------------------------------------------------------------- every listing


def _h(item: Any) -> str:
    return item.session_h if isinstance(item, MonitorSession) else item.h


LISTINGS: list[tuple[str, str, tuple, str, str, Callable[[str], Any], Callable[[Any], Any]]] = [
    # operationId, method, arguments, route, envelope, an item on the wire, its identity
    ("list_sessions", "sessions", (), "/api/v1/sessions/", "sessions", session_json, _h),
    (
        "list_sessions_by_prefix",
        "sessions_by_prefix",
        ("2c",),
        "/api/v1/sessions/2c",
        "sessions",
        session_json,
        _h,
    ),
    (
        "list_scm_sessions",
        "scm_sessions",
        ("4914",),
        "/api/v1/filters/scm/4914/sessions",
        "sessions",
        session_json,
        _h,
    ),
    ("list_contexts", "contexts", (), "/api/v1/contexts/", "contexts", context_json, _h),
    (
        "list_contexts_by_prefix",
        "contexts_by_prefix",
        ("e9",),
        "/api/v1/contexts/e9",
        "contexts",
        context_json,
        _h,
    ),
    ("list_components", "components", (), "/api/v1/components/", "components", str, str),
    (
        "list_components_by_prefix",
        "components_by_prefix",
        ("li",),
        "/api/v1/components/li",
        "components",
        str,
        str,
    ),
]
METRIC_LISTINGS: list[tuple[str, str, tuple, str]] = [
    # operationId, method, arguments, route
    ("list_metrics", "metrics", (), "/api/v1/metrics/"),
    ("list_session_metrics", "session_metrics", ("s1",), "/api/v1/sessions/s1/metrics"),
    ("list_context_metrics", "context_metrics", ("c1",), "/api/v1/contexts/c1/metrics"),
    ("list_item_metrics", "item_metrics", ("test_x",), "/api/v1/items/test_x/metrics"),
    ("list_item_metrics_like", "item_metrics_like", ("x",), "/api/v1/items/like/x/metrics"),
    ("list_variant_metrics", "variant_metrics", ("v",), "/api/v1/variants/v/metrics"),
    (
        "list_variant_metrics_like",
        "variant_metrics_like",
        ("v",),
        "/api/v1/variants/like/v/metrics",
    ),
    ("list_scope_metrics", "scope_metrics", ("module",), "/api/v1/filters/scope/module/metrics"),
    ("list_scm_metrics", "scm_metrics", ("4914",), "/api/v1/filters/scm/4914/metrics"),
    ("list_component_metrics", "component_metrics", ("io",), "/api/v1/components/io/metrics"),
    (
        "list_metrics_without_component",
        "metrics_without_component",
        (),
        "/api/v1/components/metrics",
    ),
    (
        "list_component_item_metrics",
        "component_item_metrics",
        ("io", "test_x"),
        "/api/v1/components/io/items/test_x/metrics",
    ),
    (
        "list_component_variant_metrics",
        "component_variant_metrics",
        ("io", "v"),
        "/api/v1/components/io/variants/v/metrics",
    ),
    (
        "list_item_metrics_without_component",
        "item_metrics_without_component",
        ("test_x",),
        "/api/v1/components/items/test_x/metrics",
    ),
    (
        "list_variant_metrics_without_component",
        "variant_metrics_without_component",
        ("v",),
        "/api/v1/components/variants/v/metrics",
    ),
]
ALL_LISTINGS = LISTINGS + [
    (operation, method, args, route, "metrics", metric_json, lambda metric: metric.item)
    for operation, method, args, route in METRIC_LISTINGS
]


@pytest.mark.parametrize(
    ("operation", "method", "args", "route", "envelope", "make", "key"),
    ALL_LISTINGS,
    ids=[listing[1] for listing in ALL_LISTINGS],
)
async def test_every_listing_follows_the_pages_of_its_route(
    mock_http, either, operation, method, args, route, envelope, make, key
):
    items = [make(name) for name in ("one", "two", "three")]
    served = mock_http.get(route).mock(side_effect=paged(items, envelope, 2, route))

    walked = await drain(getattr(either, method)(*args))

    assert [key(item) for item in walked] == ["one", "two", "three"]
    assert pages_asked(served) == ["1", "2"]


@pytest.mark.parametrize(
    ("operation", "method", "args", "route", "envelope", "make", "key"),
    ALL_LISTINGS,
    ids=[listing[1] for listing in ALL_LISTINGS],
)
async def test_every_empty_listing_is_one_request_answered_204(
    mock_http, either, operation, method, args, route, envelope, make, key
):
    served = mock_http.get(route).respond(204)
    assert await drain(getattr(either, method)(*args)) == []
    assert served.call_count == 1


def test_listings_hand_out_the_types_of_the_spec(mock_http, monitor):
    mock_http.get("/api/v1/contexts/").respond(
        json={"contexts": [context_json("e9")], "total_page": 1}
    )
    mock_http.get("/api/v1/metrics/").respond(
        json={"metrics": [metric_json("test_x")], "total_page": 1}
    )
    [context] = monitor.contexts()
    [metric] = monitor.metrics()
    assert isinstance(context, ExecutionContext) and context.h == "e9"
    assert context.cpu_frequency == 2893
    assert isinstance(metric, Metric) and metric.to_dict() == metric_json("test_x")


RECORD_LISTINGS: list[tuple[str, str, tuple, str, str, dict[str, str]]] = [
    # operationId, method, arguments, route, envelope, what the page names
    (
        "list_component_pipelines",
        "component_pipelines",
        ("io",),
        "/api/v1/components/io/pipelines",
        "pipelines",
        {"component": "io"},
    ),
    (
        "list_component_pipeline_builds",
        "component_pipeline_builds",
        ("io", "main"),
        "/api/v1/components/io/pipelines/main/builds",
        "builds",
        {"component": "io", "pipeline": "main"},
    ),
    (
        "list_component_pipeline_build_sessions",
        "component_pipeline_build_sessions",
        ("io", "main", "1824"),
        "/api/v1/components/io/pipelines/main/builds/1824/sessions",
        "sessions",
        {"component": "io", "pipeline": "main", "build": "1824"},
    ),
    (
        "list_pipeline_builds",
        "pipeline_builds",
        ("main",),
        "/api/v1/pipelines/main/builds",
        "builds",
        {"pipeline": "main"},
    ),
    (
        "list_pipeline_build_sessions",
        "pipeline_build_sessions",
        ("main", "1824"),
        "/api/v1/pipelines/main/builds/1824/sessions",
        "sessions",
        {"pipeline": "main", "build": "1824"},
    ),
]


@pytest.mark.parametrize(
    ("operation", "method", "args", "route", "envelope", "record"),
    RECORD_LISTINGS,
    ids=[listing[1] for listing in RECORD_LISTINGS],
)
async def test_every_record_listing_follows_its_pages_and_keeps_nulls(
    mock_http, either, operation, method, args, route, envelope, record
):
    values = ["main", None, "release-2.0"]
    served = mock_http.get(route).mock(side_effect=paged_record(values, envelope, record, 2, route))

    assert await drain(getattr(either, method)(*args)) == values
    # The operation takes no page: the wrapper adds it to the query, as the links do.
    assert pages_asked(served) == ["1", "2"]


@pytest.mark.parametrize(
    ("operation", "method", "args", "route", "envelope", "record"),
    RECORD_LISTINGS,
    ids=[listing[1] for listing in RECORD_LISTINGS],
)
async def test_an_empty_record_listing_is_a_200_read_as_nothing(
    mock_http, either, operation, method, args, route, envelope, record
):
    served = mock_http.get(route).mock(side_effect=paged_record([], envelope, record, 2, route))
    assert await drain(getattr(either, method)(*args)) == []
    assert served.call_count == 1


@pytest.mark.parametrize(
    ("answer", "pipelines"),
    [
        (httpx.Response(200, json={"pipelines": ["main", None]}), ["main", None]),
        (httpx.Response(204), []),
    ],
    ids=["some", "none"],
)
async def test_pipelines_is_one_answer_not_paged(mock_http, either, answer, pipelines):
    route = mock_http.get("/api/v1/pipelines/").mock(return_value=answer)
    assert await outcome(either.pipelines()) == pipelines
    assert pages_asked(route) == [None]


def test_session_tag_filters_are_sent_as_with_flags(mock_http, monitor):
    route = mock_http.get("/api/v1/sessions/2c").respond(204)
    list(monitor.sessions_by_prefix("2c", tags={"pipeline_branch": "main", "numpy": None}))
    list(monitor.sessions_by_prefix("2c", tags={"ci": None}, match_all=True))
    assert [call.request.url.params.multi_items() for call in route.calls] == [
        [
            ("page", "1"),
            ("with_flags", "pipeline_branch,numpy"),
            ("restrict_flags", "main,"),
            ("method", "match_any"),
        ],
        [("page", "1"), ("with_flags", "ci"), ("restrict_flags", ""), ("method", "match_all")],
    ]


def test_a_tag_filter_holding_a_comma_is_refused_before_any_request(mock_http, monitor):
    route = mock_http.get("/api/v1/sessions/").respond(204)
    with pytest.raises(ValueError, match="comma"):
        monitor.sessions(tags={"numpy": "1,2"})
    assert not route.called


# --------------------------------------------------------------------------- counts

COUNTS = [
    ("count_sessions", (), "/api/v1/sessions/count"),
    ("count_session_metrics", ("s1",), "/api/v1/sessions/s1/metrics/count"),
    ("count_contexts", (), "/api/v1/contexts/count"),
    ("count_context_metrics", ("c1",), "/api/v1/contexts/c1/metrics/count"),
    ("count_metrics", (), "/api/v1/metrics/count"),
    ("count_item_metrics", ("test_x",), "/api/v1/items/test_x/metrics/count"),
    ("count_variant_metrics", ("v",), "/api/v1/variants/v/metrics/count"),
    ("count_scope_metrics", ("function",), "/api/v1/filters/scope/function/metrics/count"),
    ("count_scm_metrics", ("4914",), "/api/v1/filters/scm/4914/metrics/count"),
    ("count_components", (), "/api/v1/components/count"),
]


@pytest.mark.parametrize(("method", "args", "route"), COUNTS, ids=[c[0] for c in COUNTS])
async def test_every_count_reads_as_int(mock_http, either, method, args, route):
    served = mock_http.get(route).respond(json={"count": 4256})
    assert await outcome(getattr(either, method)(*args)) == 4256
    assert served.call_count == 1


# --------------------------------------------------------------------------- resources

RESOURCE_SCOPES = [
    # the scope asked for, the route's path before and after the head/tail segment
    ({}, "", ""),
    ({"limit": 3}, "", "/3"),
    ({"component": "io"}, "/components/io", ""),
    ({"component": "io", "limit": 0}, "/components/io", "/0"),
    ({"pipeline": "main"}, "/pipelines/main", ""),
    ({"pipeline": "main", "limit": 500}, "/pipelines/main", "/500"),
    ({"pipeline": "main", "build": "1824"}, "/pipelines/main/builds/1824", ""),
    ({"pipeline": "main", "build": "1824", "limit": 7}, "/pipelines/main/builds/1824", "/7"),
]


@pytest.mark.parametrize(("method", "end"), [("resource_head", "head"), ("resource_tail", "tail")])
@pytest.mark.parametrize(
    ("scope", "where", "limit"), RESOURCE_SCOPES, ids=[str(s[0]) for s in RESOURCE_SCOPES]
)
async def test_head_and_tail_call_the_route_of_their_scope(
    mock_http, either, method, end, scope, where, limit
):
    metrics = [metric_json("test_big"), metric_json("test_small")]
    path = f"/api/v1/resources/memory{where}/{end}{limit}/metrics"
    route = mock_http.get(path).respond(
        json={"metrics": metrics, "prev_url": None, "next_url": None, "total_page": 1}
    )

    got = await outcome(getattr(either, method)(Resource.MEMORY, **scope))

    assert [metric.item for metric in got] == ["test_big", "test_small"]
    assert all(isinstance(metric, Metric) for metric in got)
    assert route.call_count == 1


@pytest.mark.parametrize(
    ("resource", "scope", "message"),
    [
        (Resource.CPU, {"component": "io", "pipeline": "main"}, "not both"),
        (Resource.CPU, {"build": "1824"}, "give the pipeline too"),
        (Resource.CPU, {"limit": -1}, "negative"),
        ("disk", {}, "disk"),
    ],
)
def test_a_resource_listing_that_names_no_route_is_refused_before_any_request(
    mock_http, monitor, resource, scope, message
):
    with pytest.raises(ValueError, match=message):
        monitor.resource_head(resource, **scope)
    assert not mock_http.calls


# --------------------------------------------------------------------------- writes


def test_create_session_sends_pytest_monitors_form(mock_http, monitor):
    route = mock_http.post("/api/v1/sessions/").respond(
        201, json=session_json("2bdcf62f", numpy="1.26.4")
    )
    created = monitor.create_session(
        "2bdcf62f",
        datetime.fromisoformat(RUN_DATE),
        scm_ref=SCM_REF,
        description={"numpy": "1.26.4"},
    )
    assert created.tags == {"numpy": "1.26.4"}
    assert sent(route) == {
        "session_h": "2bdcf62f",
        "run_date": RUN_DATE,
        "description": {"numpy": "1.26.4"},
        "scm_ref": SCM_REF,
    }


def test_create_session_without_scm_ref_or_description_sends_null_and_an_empty_one(
    mock_http, monitor
):
    route = mock_http.post("/api/v1/sessions/").respond(201, json=session_json("2bdcf62f"))
    assert monitor.create_session("2bdcf62f", RUN_DATE).tags == {}
    # The server requires scm_ref to be present (null allowed) and a description.
    assert sent(route) == {
        "session_h": "2bdcf62f",
        "run_date": RUN_DATE,
        "description": {},
        "scm_ref": None,
    }


async def test_an_existing_session_hash_is_a_conflict(mock_http, either):
    detail = "session 2bdcf62f already exists"
    problem = {"type": "about:blank", "title": "Conflict", "status": 409, "detail": detail}
    mock_http.post("/api/v1/sessions/").respond(409, json=problem)
    with pytest.raises(ConflictError, match=detail) as raised:
        await outcome(either.create_session("2bdcf62f", RUN_DATE))
    assert raised.value.problem == problem


def test_a_malformed_session_is_the_real_servers_bad_request(mock_http, monitor):
    body = {"session_h": None, "run_date": None, "scm_ref": None, "tags": None}
    mock_http.post("/api/v1/sessions/").respond(400, json=body)
    with pytest.raises(BadRequestError) as raised:
        monitor.create_session("2bdcf62f", "yesterday")
    assert raised.value.problem == body


async def test_create_context_and_metric_send_the_models_and_read_back_what_is_stored(
    mock_http, either
):
    context = ExecutionContextCreate.from_dict(context_payload("e9188c68"))
    metric = Metric.from_dict(metric_json("test_server_up"))
    contexts = mock_http.post("/api/v1/contexts/").respond(201, json=context_json("e9188c68"))
    metrics = mock_http.post("/api/v1/metrics/").respond(201, json=metric_json("test_server_up"))

    stored_context = await outcome(either.create_context(context))
    assert (stored_context.h, stored_context.cpu_frequency) == ("e9188c68", 2893)
    assert await outcome(either.create_metric(metric)) == metric
    assert sent(contexts) == context.to_dict()
    assert sent(metrics) == metric.to_dict()


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


# --------------------------------------------------------------------------- coverage


def test_every_operation_of_the_spec_is_exercised_here():
    # The tables above drive every operation the wrapper offers; this pins that they are
    # the spec's, all of them, but the two create forms with the hash in the URL (which
    # the wrapper leaves out: they store what create_session / create_context store).
    spec = yaml.safe_load(SPEC.read_text())
    operations = {
        operation["operationId"] for path in spec["paths"].values() for operation in path.values()
    }
    resources = {
        f"list_{scope}resource_{end}{limited}"
        for scope in ("", "component_", "pipeline_", "build_")
        for end in ("head", "tail")
        for limited in ("", "_limited")
    }
    exercised = (
        {listing[0] for listing in ALL_LISTINGS}
        | {listing[0] for listing in RECORD_LISTINGS}
        | {count[0] for count in COUNTS}
        | resources
        | {"list_pipelines", "create_session", "create_context", "create_metric"}
    )
    assert operations - exercised == {"create_session_at", "create_context_at"}
    assert not exercised - operations
    assert len(operations) == 59


# --------------------------------------------------------------------------- end to end

PAGE_SIZE = 3
CONTEXT_HS = [hash_of(f"context-{i}") for i in range(4)]
SESSION_HS = ["2c14d248", "2c99a001", "2d12604f", "034e538d", "9f00aa11"]
COMPONENTS = ["linalg", "io", ""]


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
    """What pytest-monitor uploads: contexts, sessions, then one metric per test. Session
    i ran in context i % 4, its tests in components in turn; the last session has no SCM
    reference, the third ran in pipeline ``main``, build 1824."""
    for h in CONTEXT_HS:
        await client.create_context(ExecutionContextCreate.from_dict(context_payload(h)))
    for i, h in enumerate(SESSION_HS):
        description: dict[str, Any] = {"numpy": "1.26.4", "workers": 4}
        if i == 2:
            description |= {"pipeline_branch": "main", "pipeline_build_no": "1824"}
        scm_ref = None if i == 4 else SCM_REF
        await client.create_session(h, RUN_DATE, scm_ref=scm_ref, description=description)
    metrics = []
    for i, session_h in enumerate(SESSION_HS):
        for test in range(i + 1):  # 1 + 2 + 3 + 4 + 5 = 15 metrics, 5 pages of 3
            payload = metric_payload(
                session_h,
                CONTEXT_HS[i % 4],
                f"test_{i}_{test}",
                item_variant=f"test_{i}_{test}[a]",
                component=COMPONENTS[test % 3],
                kind="module" if test == 1 else "function",
                mem_usage=float(10 * i + test),
            )
            metrics.append(await client.create_metric(Metric.from_dict(payload)))
    return metrics


async def test_end_to_end_what_is_uploaded_reads_back_through_the_listings(served):
    uploaded = await upload_runs(served)

    sessions = await drain(served.sessions())
    assert [s.session_h for s in sessions] == SESSION_HS  # in the order stored
    # A non-string description value comes back as Python's str() of it.
    assert sessions[0].tags == {"numpy": "1.26.4", "workers": "4"}
    assert sessions[4].scm_ref is None
    assert [s.session_h for s in await drain(served.sessions_by_prefix("2C"))] == SESSION_HS[:2]
    assert [s.session_h for s in await drain(served.scm_sessions("4914"))] == SESSION_HS[:4]
    tagged = served.sessions(tags={"pipeline_branch": "main"})
    assert [s.session_h for s in await drain(tagged)] == [SESSION_HS[2]]
    assert [c.h for c in await drain(served.contexts())] == CONTEXT_HS
    assert [c.h for c in await drain(served.contexts_by_prefix(CONTEXT_HS[2]))] == CONTEXT_HS[2:3]
    assert await drain(served.metrics()) == uploaded

    last = SESSION_HS[4]  # 5 metrics: two pages
    assert await drain(served.session_metrics(last)) == [m for m in uploaded if m.session_h == last]
    in_context = [m for m in uploaded if m.context_h == CONTEXT_HS[0]]  # sessions 0 and 4
    assert await drain(served.context_metrics(CONTEXT_HS[0])) == in_context
    assert len(in_context) == 6


async def test_end_to_end_metrics_by_item_variant_scope_scm_and_component(served):
    uploaded = await upload_runs(served)

    def where(**fields: Any) -> list[Metric]:
        return [m for m in uploaded if all(getattr(m, k) == v for k, v in fields.items())]

    assert await drain(served.item_metrics("test_3_1")) == where(item="test_3_1")
    assert await drain(served.item_metrics_like("_4_")) == where(session_h=SESSION_HS[4])
    assert await drain(served.variant_metrics("test_2_0[a]")) == where(item="test_2_0")
    assert len(await drain(served.variant_metrics_like("[A]"))) == 15  # LIKE: either case
    assert await drain(served.scope_metrics("module")) == where(kind="module")
    assert len(await drain(served.scm_metrics("4914"))) == 10  # the sessions with a reference
    assert await drain(served.component_metrics("io")) == where(component="io")
    assert await drain(served.metrics_without_component()) == where(component="")
    assert await drain(served.component_item_metrics("linalg", "test_4_3")) == where(
        item="test_4_3"
    )
    assert await drain(served.component_variant_metrics("io", "test_4_4[a]")) == where(
        item="test_4_4"
    )
    assert await drain(served.item_metrics_without_component("test_4_2")) == where(item="test_4_2")
    assert await drain(served.variant_metrics_without_component("test_4_1[a]")) == []


async def test_end_to_end_components_pipelines_and_builds(served):
    await upload_runs(served)

    assert await drain(served.components()) == ["linalg", "io", ""]
    assert await drain(served.components_by_prefix("LI")) == ["linalg"]
    assert await served.pipelines() == ["main"]
    assert await drain(served.pipeline_builds("main")) == ["1824"]
    assert await drain(served.pipeline_build_sessions("main", "1824")) == [SESSION_HS[2]]
    # Session 2's metrics come after those of sessions 0 and 1, which have no pipeline.
    assert await drain(served.component_pipelines("linalg")) == [None, "main"]
    assert await drain(served.component_pipeline_builds("io", "main")) == ["1824"]
    sessions = served.component_pipeline_build_sessions("linalg", "main", "1824")
    assert await drain(sessions) == [SESSION_HS[2]]
    assert await drain(served.pipeline_builds("release")) == []


async def test_end_to_end_head_and_tail(served):
    uploaded = await upload_runs(served)
    by_memory = sorted(uploaded, key=lambda m: m.mem_usage)

    assert await served.resource_head(Resource.MEMORY, limit=2) == by_memory[::-1][:2]
    assert await served.resource_tail(Resource.MEMORY) == by_memory[:10]
    io_metrics = sorted((m for m in uploaded if m.component == "io"), key=lambda m: m.mem_usage)
    assert await served.resource_tail(Resource.MEMORY, component="io") == io_metrics
    in_build = await served.resource_head(Resource.MEMORY, pipeline="main", build="1824")
    assert {m.session_h for m in in_build} == {SESSION_HS[2]}


async def test_end_to_end_counts(served):
    await upload_runs(served)
    # The real server counts scm_ref values: the session stored without one is not counted.
    assert await served.count_sessions() == 4
    assert await served.count_contexts() == 4
    assert await served.count_metrics() == 15
    assert await served.count_session_metrics(SESSION_HS[2]) == 3
    assert await served.count_session_metrics("unknown") == 0
    assert await served.count_context_metrics(CONTEXT_HS[0]) == 6
    assert await served.count_item_metrics("test_4_0") == 1
    assert await served.count_variant_metrics("test_4_0[a]") == 1
    assert await served.count_scope_metrics("module") == 4
    assert await served.count_scm_metrics("4914") == 10
    assert await served.count_components() == 3


async def test_end_to_end_an_empty_server_lists_nothing(served):
    assert await drain(served.sessions()) == []
    assert await drain(served.contexts()) == []
    assert await drain(served.metrics()) == []
    assert await drain(served.components()) == []
    assert await drain(served.session_metrics("unknown")) == []
    assert await served.pipelines() == []
    assert await served.resource_head(Resource.CPU) == []
    assert await served.count_sessions() == 0


async def test_end_to_end_refusals_are_typed(served):
    await served.create_session("2c14d248", RUN_DATE)
    with pytest.raises(ConflictError, match="already exists"):
        await served.create_session("2c14d248", RUN_DATE)
    context = ExecutionContextCreate.from_dict(context_payload(CONTEXT_HS[0]))
    await served.create_context(context)
    with pytest.raises(ConflictError):
        await served.create_context(context)


# --------------------------------------------------------------------------- types checked


@pytest.mark.parametrize(
    ("route", "body", "field"),
    [
        (
            "/api/v1/metrics/",
            {"metrics": [metric_json("a"), {**metric_json("b"), "total_time": "abc"}]},
            r"MetricPage.metrics\[1\].total_time is 'abc', not float",
        ),
        (
            "/api/v1/sessions/",
            {"sessions": [{**session_json("a"), "tags": [{"name": "n", "value": 5}]}]},
            r"sessions\[0\].tags\[0\].value is 5, not None or str",
        ),
        (
            "/api/v1/contexts/",
            {"contexts": [{**context_json("e9"), "cpu_count": "8"}]},
            "cpu_count",
        ),
        ("/api/v1/components/", {"components": ["io", 3]}, "ComponentPage.components"),
        ("/api/v1/metrics/", {"metrics": [], "total_page": "1"}, "total_page"),
    ],
    ids=[
        "metric-number-as-text",
        "tag-value-a-number",
        "context-count-as-text",
        "component",
        "total",
    ],
)
async def test_a_page_holding_other_types_than_the_spec_says_is_refused_whole(
    mock_http, either, route, body, field
):
    # The generated parsers check the keys, not the types: the wrapper checks the types,
    # so that a wrong one is a typed error at the call, not a TypeError in the caller.
    mock_http.get(route).respond(json={"total_page": 1, **body})
    method = {"metrics": "metrics", "sessions": "sessions", "contexts": "contexts"}.get(
        route.split("/")[3], "components"
    )
    with pytest.raises(UnexpectedResponseError, match=field):
        await drain(getattr(either, method)())


def test_integers_are_numbers_and_null_only_where_the_spec_allows(mock_http, monitor):
    whole = {**metric_json("a"), "total_time": 1, "mem_usage": 0}
    mock_http.get("/api/v1/metrics/").respond(json={"metrics": [whole], "total_page": 1})
    [metric] = monitor.metrics()
    assert (metric.total_time, metric.mem_usage) == (1, 0)
    mock_http.get("/api/v1/contexts/").respond(
        json={"contexts": [{**context_json("e9"), "cpu_vendor": None}], "total_page": 1}
    )
    assert [context.cpu_vendor for context in monitor.contexts()] == [None]
