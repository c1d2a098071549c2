"""The pipeline every call goes through (``wrappers._core``), over respx: which failures are
tried again and after how long, which requests are never sent twice, the settings every
client takes, and the two forms sharing one written-once method."""

from __future__ import annotations

import asyncio
import email.utils
import time
from typing import Any

import httpx
import pytest
import respx

from wrappers.aepublish import AepublishClient, AsyncAepublishClient
from wrappers.errors import (
    ApiError,
    NotFoundError,
    ServerError,
    TooManyRequestsError,
    error_for,
    retry_after,
)
from wrappers.monitor_server import AsyncMonitorServerClient, MonitorServerClient
from wrappers.preservica import AsyncMonitorAPI, MonitorAPI

BASE = "http://monitor.test"
COUNT_PATH = "/api/v1/sessions/count"
RUN_DATE = "2024-05-13T09:12:44.301552"


def count(n: int = 3) -> httpx.Response:
    return httpx.Response(200, json={"count": n})


def busy(status: int = 503, **headers: str) -> httpx.Response:
    named = {name.replace("_", "-"): value for name, value in headers.items()}
    return httpx.Response(status, text="busy", headers=named)


@pytest.fixture
def mock_http():
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


@pytest.fixture
def slept() -> list[float]:
    return []


@pytest.fixture(params=["sync", "async"])
def connect(request, slept):
    """``connect(**settings)``: a sync or an async monitor-server client whose waits are
    recorded in ``slept``; ``call(result)`` gets a result of either form."""

    async def sleep_async(seconds: float) -> None:
        slept.append(seconds)

    def build(**settings: Any) -> Any:
        if request.param == "sync":
            return MonitorServerClient(BASE, sleep=slept.append, **settings)
        return AsyncMonitorServerClient(BASE, sleep=sleep_async, **settings)

    return build


async def call(result: Any) -> Any:
    return await result if hasattr(result, "__await__") else result


# --------------------------------------------------------------------------- which retries


async def test_a_get_failing_in_transport_is_tried_again(mock_http, connect, slept):
    route = mock_http.get(COUNT_PATH).mock(side_effect=[httpx.ConnectError("refused"), count()])
    assert await call(connect().count_sessions()) == 3
    assert (route.call_count, slept) == (2, [0.2])


async def test_retries_are_bounded_and_back_off(mock_http, connect, slept):
    route = mock_http.get(COUNT_PATH).mock(side_effect=httpx.ReadError("reset"))
    with pytest.raises(httpx.ReadError):
        await call(connect(attempts=4).count_sessions())
    assert route.call_count == 4
    assert slept == [0.2, 0.4, 0.8]  # none after the last attempt


@pytest.mark.parametrize("status", [502, 503, 504, 429])
async def test_a_busy_or_unreachable_service_is_tried_again(mock_http, connect, slept, status):
    route = mock_http.get(COUNT_PATH).mock(side_effect=[busy(status), busy(status), count(7)])
    assert await call(connect().count_sessions()) == 7
    assert (route.call_count, slept) == (3, [0.2, 0.4])


@pytest.mark.parametrize("status", [500, 400, 401, 403, 404, 409])
async def test_any_other_error_status_is_an_answer_not_tried_again(
    mock_http, connect, slept, status
):
    route = mock_http.get(COUNT_PATH).respond(status, text="no")
    with pytest.raises(ApiError) as raised:
        await call(connect().count_sessions())
    assert raised.value.status == status
    assert (route.call_count, slept) == (1, [])


@pytest.mark.parametrize("status", [503, 429])
async def test_retry_after_seconds_is_waited_for(mock_http, connect, slept, status):
    route = mock_http.get(COUNT_PATH).mock(side_effect=[busy(status, Retry_After="7"), count()])
    assert await call(connect(timeout=60).count_sessions()) == 3
    assert (route.call_count, slept) == (2, [7.0])


async def test_retry_after_an_http_date_is_waited_for_until_then(mock_http, connect, slept):
    date = email.utils.formatdate(time.time() + 20, usegmt=True)
    mock_http.get(COUNT_PATH).mock(side_effect=[busy(429, Retry_After=date), count()])
    assert await call(connect(timeout=60).count_sessions()) == 3
    [waited] = slept
    assert 18 <= waited <= 20


async def test_retry_after_on_a_502_is_not_the_wait(mock_http, connect, slept):
    # RFC 9110 gives Retry-After its meaning on 503 (and 429): a 502 backs off.
    mock_http.get(COUNT_PATH).mock(side_effect=[busy(502, Retry_After="9"), count()])
    assert await call(connect().count_sessions()) == 3
    assert slept == [0.2]


@pytest.mark.parametrize(
    ("settings", "retry_after"),
    [({"max_wait": 5}, "6"), ({"timeout": 4}, "4")],
    ids=["longer-than-max-wait", "past-the-deadline"],
)
async def test_a_wait_too_long_is_not_waited_the_error_says_how_long(
    mock_http, connect, slept, settings, retry_after
):
    route = mock_http.get(COUNT_PATH).respond(503, headers={"Retry-After": retry_after})
    with pytest.raises(ServerError) as raised:
        await call(connect(**settings).count_sessions())
    assert raised.value.retry_after == float(retry_after)
    assert (route.call_count, slept) == (1, [])


async def test_a_listing_page_is_tried_again_where_it_failed(mock_http, connect, slept):
    page_1 = {"sessions": [], "total_page": 2, "next_url": "/api/v1/sessions/?page=2"}
    route = mock_http.get("/api/v1/sessions/").mock(
        side_effect=[httpx.Response(200, json=page_1), busy(503), httpx.Response(204)]
    )
    assert [s async for s in _aiter(connect().sessions())] == []
    assert [call.request.url.params["page"] for call in route.calls] == ["1", "2", "2"]


async def _aiter(items: Any) -> Any:
    if hasattr(items, "__aiter__"):
        async for item in items:
            yield item
    else:
        for item in items:
            yield item


# --------------------------------------------------------------------------- never twice


@pytest.mark.parametrize(
    "failure", [httpx.ConnectError("refused"), busy(503, Retry_After="1"), busy(502)]
)
async def test_a_create_is_never_sent_twice(mock_http, connect, slept, failure):
    route = mock_http.post("/api/v1/sessions/").mock(side_effect=[failure, busy(201)])
    with pytest.raises((httpx.ConnectError, ServerError)):
        await call(connect().create_session("2bdcf62f", RUN_DATE))
    assert (route.call_count, slept) == (1, [])


@pytest.mark.parametrize("form", ["sync", "async"])
async def test_a_publication_is_never_sent_twice_by_the_transport_retries(form):
    with respx.mock(base_url="http://aepublish.test") as router:
        route = router.post("/aepublish/v1/2/observation").mock(side_effect=busy(503))
        router.get("/aims/v1/token_info").respond(
            json={
                "account": {"id": "2", "name": "Acme"},
                "user": {"id": "U1"},
                "roles": [],
                "entity_id": "U1",
                "entity_type": "user",
                "requester_id": "2:user:U1",
                "token_expiration": 1_750_021_600,
            }
        )
        cls = AepublishClient if form == "sync" else AsyncAepublishClient
        client = cls("http://aepublish.test", aims_token="t", attempts=5)
        with pytest.raises(ServerError):
            await call(client.publish_observations("2", [{"definition": "x"}]))
        assert route.call_count == 1


def test_a_login_stores_nothing_and_is_tried_again(no_env):
    with respx.mock(base_url="http://preservica.test") as router:
        login = router.post("/api/accesstoken/login").mock(
            side_effect=[
                httpx.ConnectError("refused"),
                httpx.Response(
                    200,
                    json={
                        "success": True,
                        "token": "t",
                        "refresh-token": "r",
                        "validFor": 15,
                        "user": "u",
                        "tenant": "T",
                    },
                ),
            ]
        )
        router.get("/api/processmonitor/monitors").respond(
            json={
                "success": True,
                "version": 1,
                "value": {"paging": {"totalResults": 0}, "monitors": []},
            }
        )
        slept: list[float] = []
        with MonitorAPI("u", "p", "T", "preservica.test", "http", sleep=slept.append) as api:
            assert list(api.monitors()) == []
        assert (login.call_count, slept) == (2, [0.2])


@pytest.fixture
def no_env(monkeypatch, tmp_path):
    for name in ("USERNAME", "PASSWORD", "TENANT", "SERVER"):
        monkeypatch.delenv(f"PRESERVICA_{name}", raising=False)
    monkeypatch.chdir(tmp_path)


# --------------------------------------------------------------------------- concurrency


async def test_concurrent_async_calls_retry_each_on_its_own(mock_http, slept):
    # One policy per client, one retry state per call: 20 calls at once, each failing
    # once, each tried again once, each answered with its own count.
    seen: set[str] = set()

    def answer(request: httpx.Request) -> httpx.Response:
        session = request.url.path.split("/")[4]
        if session not in seen:
            seen.add(session)
            return busy(503)
        return count(int(session))

    route = mock_http.get(path__regex=r"/api/v1/sessions/\d+/metrics/count").mock(
        side_effect=answer
    )

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        await asyncio.sleep(0)  # let the others run between the attempts

    async with AsyncMonitorServerClient(BASE, sleep=sleep) as client:
        counts = await asyncio.gather(*(client.count_session_metrics(str(n)) for n in range(20)))
    assert counts == list(range(20))
    assert route.call_count == 40
    assert slept == [0.2] * 20


# --------------------------------------------------------------------------- settings


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"attempts": 0}, "attempts"),
        ({"max_wait": -1}, "max_wait"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": -5}, "timeout"),
        ({"timeout": float("inf")}, "timeout"),
        ({"timeout": "10"}, "timeout"),
    ],
)
@pytest.mark.parametrize("cls", [MonitorServerClient, AsyncMonitorServerClient])
def test_bad_settings_are_refused_at_once(cls, settings, message):
    with pytest.raises(ValueError, match=message):
        cls(BASE, **settings)


FORMS = [
    (MonitorServerClient, AsyncMonitorServerClient),
    (MonitorAPI, AsyncMonitorAPI),
    (AepublishClient, AsyncAepublishClient),
]


@pytest.mark.parametrize(("blocking", "asyncio_form"), FORMS, ids=lambda cls: cls.__name__)
def test_the_methods_are_written_once_for_both_forms(blocking, asyncio_form):
    # The two classes of an API add nothing of their own but a docstring: every public
    # method is one definition on their shared class, bound to each form's side.
    for cls in (blocking, asyncio_form):
        own = {name for name in vars(cls) if not name.startswith("__")}
        assert own <= {"_abc_impl"}, own
    shared = set(blocking.__mro__[1].__dict__) - {"__init__", "__doc__", "__module__"}
    public = {name for name in shared if not name.startswith("_")}
    assert public
    assert blocking.__mro__[1] is asyncio_form.__mro__[1]
    for name in public:
        assert getattr(blocking, name) is getattr(asyncio_form, name), name
        assert getattr(blocking, name).__doc__, name


def test_a_method_is_bound_once_per_client(mock_http):
    mock_http.get(COUNT_PATH).respond(json={"count": 1})
    with MonitorServerClient(BASE) as client:
        assert client.count_sessions is client.count_sessions
        assert client.count_sessions() == 1
        other = MonitorServerClient(BASE)
        assert other.count_sessions is not client.count_sessions
        other.close()


# --------------------------------------------------------------------------- error reading


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("120", 120.0), ("0", 0.0), ("soon", None), ("-3", None), ("1.5", None)],
)
def test_retry_after_in_seconds(value, seconds):
    assert retry_after({"retry-after": value}) == seconds


def test_retry_after_as_an_http_date():
    assert retry_after({}) is None
    future = email.utils.formatdate(time.time() + 100, usegmt=True)
    assert 98 <= (retry_after({"retry-after": future}) or 0) <= 100
    past = email.utils.formatdate(time.time() - 100, usegmt=True)
    assert retry_after({"retry-after": past}) == 0.0


def test_errors_by_status_keep_the_body_and_retry_after():
    error = error_for(429, b'{"detail": "slow down"}', {"retry-after": "3"})
    assert isinstance(error, TooManyRequestsError)
    assert (error.status, error.problem, error.retry_after) == (429, {"detail": "slow down"}, 3)
    assert str(error) == "HTTP 429: slow down"
    assert isinstance(error_for(404, b"<html/>"), NotFoundError)
    assert isinstance(error_for(599, b""), ServerError)
    assert type(error_for(418, b"")) is ApiError
