"""wrappers.preservica: credentials, lazy login renewed on 401, filters, message paging,
pyPreservica's key renaming and typed errors over respx (the HTTP the generated client
makes), then end to end against the in-process mock.

Every behaviour runs against both clients: the ``connect`` fixture builds the sync or the
async one and ``collect`` drains a generator of either kind, so one body covers both forms.
"""

from __future__ import annotations

import enum
import json
from collections.abc import AsyncIterator, Iterable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import respx
import yaml
from hypothesis import given
from hypothesis import strategies as st

from wrappers.errors import (
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    ServerError,
    UnexpectedResponseError,
)
from wrappers.preservica import (
    AsyncMonitorAPI,
    MessageStatus,
    MonitorAPI,
    MonitorCategory,
    MonitorStatus,
)

SERVER = "preservica.test"
BASE = f"https://{SERVER}"
CREDENTIALS = {"username": "test", "password": "secret", "tenant": "TEST", "server": SERVER}
TOKEN = "46e4402d-7309-4bec-a913-e97f9fa386be"
MONITOR_ID = "9d7e2c41b0a84f6f8f3a1c5e2b7d9a10"
LOGIN_PATH = "/api/accesstoken/login"
MONITORS_PATH = "/api/processmonitor/monitors"
MESSAGES_PATH = "/api/processmonitor/messages"
TIMESERIES_PATH = f"/api/processmonitor/monitors/{MONITOR_ID}/timeseries"
ENV_VARS = ("PRESERVICA_USERNAME", "PRESERVICA_PASSWORD", "PRESERVICA_TENANT", "PRESERVICA_SERVER")

Client = MonitorAPI | AsyncMonitorAPI


async def collect(items: Iterable[Any] | AsyncIterator[Any]) -> list[Any]:
    """Everything a sync or an async generator yields."""
    if isinstance(items, AsyncIterator):
        return [item async for item in items]
    return list(items)


async def collect_until_error(items: Iterable[Any] | AsyncIterator[Any]) -> tuple[list, Exception]:
    """What a generator yielded before it raised, and what it raised."""
    got: list[Any] = []
    try:
        if isinstance(items, AsyncIterator):
            async for item in items:
                got.append(item)
        else:
            for item in items:
                got.append(item)
    except Exception as error:  # the test asserts which one
        return got, error
    raise AssertionError(f"no error after {len(got)} items")


# --- wire data ------------------------------------------------------------------------------


def envelope(value: dict[str, Any]) -> httpx.Response:
    return httpx.Response(200, json={"success": True, "version": 1, "value": value})


def monitors_answer(monitors: list[dict[str, Any]]) -> httpx.Response:
    """The monitors answer: not paged, but with its count in ``paging``."""
    return envelope({"paging": {"totalResults": len(monitors)}, "monitors": monitors})


def access_token(token: str = TOKEN) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "success": True,
            "token": token,
            "refresh-token": "3b5c4c11-8df9-439c-9a7e-c0875461079b",
            "validFor": 15,
            "user": "test",
            "tenant": "TEST",
        },
    )


def problem(status: int, detail: str) -> httpx.Response:
    body = {"type": "about:blank", "title": "Refused", "status": status, "detail": detail}
    return httpx.Response(
        status, content=json.dumps(body), headers={"content-type": "application/problem+json"}
    )


def monitor_json(mapped_id: str = MONITOR_ID, **fields: Any) -> dict[str, Any]:
    return {
        "mappedId": mapped_id,
        "name": "opex/8c0a4e0e-93b4-4c0d-9a53-2f3c1e6b7a21-4f1d2b3c-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        "status": "Succeeded",
        "started": "2025-06-15T14:06:40.000Z",
        "completed": "2025-06-15T14:26:40.123Z",
        "category": "Ingest",
        "subcategory": "OPEX",
        "progressText": "",
        "percentComplete": "100",
        "filesPending": 0,
        "size": 6083,
        "filesProcessed": 5,
        "warnings": 0,
        "errors": 0,
        "canRetry": False,
        **fields,
    }


def message_json(n: int, monitor_id: str = MONITOR_ID) -> dict[str, Any]:
    return {
        "mappedId": f"{n:032x}",
        "mappedMonitorId": monitor_id,
        "monitorName": "opex/batch",
        "workflowInstanceId": 1042,
        "workflowName": "OPEX Ingest",
        "path": f"images/scan-{n:04}.tif",
        "date": "2025-06-15T14:07:10.000Z",
        "status": "Info",
        "message": 'monitor.info.directory.skip|{"directory":"images"}',
        "displayMessage": f"Skipped {n}",
    }


POINT = {
    "timestamp": "2025-06-15T14:06:40.000Z",
    "status": "Running",
    "percentComplete": "40",
    "filesProcessed": 2,
    "filesPending": 3,
    "size": 6083,
    "warnings": 0,
    "errors": 0,
}


def paged_messages(messages: list[dict[str, Any]], served_max: int | None = None):
    """A respx side effect paging ``messages`` as the service does: ``start``/``max``,
    ``totalResults`` always, absolute ``next``/``previous`` only when there is such a page.
    ``served_max`` bounds the page size the way a server may, whatever was asked."""

    def answer(request: httpx.Request) -> httpx.Response:
        start = int(request.url.params.get("start", "0"))
        size = int(request.url.params.get("max", "25"))
        size = min(size, served_max or size)
        paging: dict[str, Any] = {"totalResults": len(messages)}
        if start + size < len(messages):
            paging["next"] = f"{BASE}{MESSAGES_PATH}?monitor={MONITOR_ID}&start={start + size}"
        if start > 0:
            paging["previous"] = f"{BASE}{MESSAGES_PATH}?monitor={MONITOR_ID}&start=0"
        page = messages[start : start + size]
        return envelope({"messages": page, "paging": paging})

    return answer


def starts_asked(route: respx.Route) -> list[int]:
    return [int(call.request.url.params["start"]) for call in route.calls]


def login_form(route: respx.Route) -> dict[str, list[str]]:
    return parse_qs(route.calls.last.request.content.decode())


# --- fixtures -------------------------------------------------------------------------------


def preservica_routes() -> respx.MockRouter:
    """respx routes of a Preservica server (any host), the login answering ``TOKEN``.

    The clients reach it through ``through(router)``, a transport of their own: building
    an httpx client with its default transport costs an SSL context (~30 ms) a test.
    """
    router = respx.MockRouter(assert_all_called=False, using=None)
    router.post(path=LOGIN_PATH, name="login").mock(return_value=access_token())
    return router


def through(router: respx.MockRouter, asynchronous: bool = False) -> dict[str, Any]:
    """``httpx_args`` sending a client's requests to ``router``."""
    handler = router.async_handler if asynchronous else router.handler
    return {"transport": httpx.MockTransport(handler)}


@pytest.fixture
def preservica() -> respx.MockRouter:
    return preservica_routes()


@pytest.fixture
def sleeps() -> list[float]:
    """What the clients waited between transport retries, through the injected sleep."""
    return []


@pytest.fixture(params=["sync", "async"])
async def connect(request, preservica, sleeps):
    """Build the sync or the async client (default: ``CREDENTIALS``) talking to the
    ``preservica`` routes; closes it after."""
    async with AsyncExitStack() as stack:

        async def sleep_async(seconds: float) -> None:
            sleeps.append(seconds)

        def build(**arguments: Any) -> Client:
            arguments = {**CREDENTIALS, **arguments}
            if request.param == "sync":
                client = MonitorAPI(
                    **arguments, sleep=sleeps.append, httpx_args=through(preservica)
                )
                return stack.enter_context(client)
            args = through(preservica, asynchronous=True)
            client = AsyncMonitorAPI(**arguments, sleep=sleep_async, httpx_args=args)
            stack.push_async_exit(client)
            return client

        yield build


@pytest.fixture
def no_preservica_env(monkeypatch, tmp_path):
    """No credentials in the environment, and a working directory without a
    ``credentials.properties`` (unless the test writes one)."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


# --- enums ----------------------------------------------------------------------------------


def test_enums_have_pypreservicas_member_names_and_wire_values():
    assert {m.name: m.value for m in MonitorCategory} == {
        "INGEST": "Ingest",
        "EXPORT": "Export",
        "DATA_MANAGEMENT": "DataManagement",
        "AUTOMATED": "Automated",
    }
    assert {m.name: m.value for m in MonitorStatus} == {
        "PENDING": "Pending",
        "RUNNING": "Running",
        "SUCCEEDED": "Succeeded",
        "FAILED": "Failed",
        "SUSPENDED": "Suspended",
        "RECOVERABLE": "Recoverable",
    }
    assert {m.name: m.value for m in MessageStatus} == {
        "INFO": "Info",
        "WARNING": "Warning",
        "ERROR": "Error",
        "DEBUG": "Debug",  # not in pyPreservica's enum; the service sends it
    }
    assert str(MonitorCategory.DATA_MANAGEMENT) == "DataManagement"


# --- login ----------------------------------------------------------------------------------


async def test_login_is_lazy_sends_the_form_once_and_then_the_token(preservica, connect):
    monitors = preservica.get(path=MONITORS_PATH).mock(
        return_value=monitors_answer([monitor_json()])
    )
    client = connect()
    pending = client.monitors()
    assert not preservica["login"].called  # neither building the client nor the generator

    await collect(pending)
    await collect(client.monitors())

    assert login_form(preservica["login"]) == {
        "username": ["test"],
        "password": ["secret"],
        "tenant": ["TEST"],
        "includeUserDetails": ["false"],
    }
    assert preservica["login"].call_count == 1  # the token is reused
    tokens = [call.request.headers["Preservica-Access-Token"] for call in monitors.calls]
    assert tokens == [TOKEN, TOKEN]
    assert client.tenant == "TEST"


async def test_credentials_come_from_the_environment(preservica, connect, no_preservica_env):
    no_preservica_env.setenv("PRESERVICA_USERNAME", "env-user")
    no_preservica_env.setenv("PRESERVICA_PASSWORD", "env-password")
    no_preservica_env.setenv("PRESERVICA_TENANT", "ENV")
    no_preservica_env.setenv("PRESERVICA_SERVER", SERVER)
    preservica.get(path=MONITORS_PATH).mock(return_value=monitors_answer([]))
    client = connect(username=None, password=None, tenant=None, server=None)

    assert await collect(client.monitors()) == []

    assert login_form(preservica["login"])["username"] == ["env-user"]
    assert login_form(preservica["login"])["password"] == ["env-password"]
    assert login_form(preservica["login"])["tenant"] == ["ENV"]
    assert client.server == SERVER


async def test_arguments_win_over_the_environment(preservica, connect, no_preservica_env):
    no_preservica_env.setenv("PRESERVICA_USERNAME", "env-user")
    no_preservica_env.setenv("PRESERVICA_SERVER", "elsewhere.test")
    preservica.get(path=MONITORS_PATH).mock(return_value=monitors_answer([]))
    client = connect(username="arg-user")

    await collect(client.monitors())

    assert login_form(preservica["login"])["username"] == ["arg-user"]
    assert preservica["login"].calls.last.request.url.host == SERVER  # not elsewhere.test


async def test_without_a_tenant_none_is_sent(preservica, connect, no_preservica_env):
    preservica.get(path=MONITORS_PATH).mock(return_value=monitors_answer([]))
    client = connect(tenant=None)
    assert client.tenant is None

    await collect(client.monitors())

    assert "tenant" not in login_form(preservica["login"])
    assert client.tenant == "TEST"  # as the login answered it


def write_credentials(path, **values: str) -> None:
    lines = ["[credentials]", *(f"{key}={value}" for key, value in values.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


async def test_credentials_come_from_credentials_properties_as_in_pypreservica(
    preservica, connect, no_preservica_env, tmp_path
):
    write_credentials(
        tmp_path / "credentials.properties",
        username="file-user",
        password="file%password",  # no interpolation, as pyPreservica reads it
        tenant="FILE",
        server=SERVER,
    )
    no_preservica_env.setenv("PRESERVICA_USERNAME", "env-user")  # the environment wins
    preservica.get(path=MONITORS_PATH).mock(return_value=monitors_answer([]))
    client = connect(username=None, password=None, tenant=None, server=None)

    await collect(client.monitors())

    form = login_form(preservica["login"])
    assert (form["username"], form["password"], form["tenant"]) == (
        ["env-user"],
        ["file%password"],
        ["FILE"],
    )
    assert client.server == SERVER


@pytest.mark.parametrize("client_class", [MonitorAPI, AsyncMonitorAPI])
def test_credentials_path_names_another_file(client_class, no_preservica_env, tmp_path):
    write_credentials(tmp_path / "elsewhere.ini", username="u", password="p", server="s.test")
    client = client_class(credentials_path=tmp_path / "elsewhere.ini")
    assert (client.server, client.tenant) == ("s.test", None)
    with pytest.raises(ValueError, match=r"credentials\.properties"):
        client_class(credentials_path=tmp_path / "missing.ini")


@pytest.mark.parametrize("client_class", [MonitorAPI, AsyncMonitorAPI])
def test_missing_credentials_name_the_variables(client_class, no_preservica_env):
    with pytest.raises(ValueError, match="PRESERVICA_PASSWORD, PRESERVICA_SERVER"):
        client_class(username="test")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"protocol": "ftp"}, "protocol"),
        ({"server": "https://preservica.test"}, "host"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": 1001}, "page_size"),
        ({"attempts": 0}, "attempts"),
    ],
)
@pytest.mark.parametrize("client_class", [MonitorAPI, AsyncMonitorAPI])
def test_bad_settings_are_refused_at_once(client_class, arguments, message):
    with pytest.raises(ValueError, match=message):
        client_class(**{**CREDENTIALS, **arguments})


@pytest.mark.parametrize("protocol", ["http", "https"])
async def test_the_protocol_and_server_make_the_base_url(preservica, connect, protocol):
    route = preservica.get(path=MONITORS_PATH).mock(return_value=monitors_answer([monitor_json()]))
    client = connect(protocol=protocol, server="eu.preservica.test:8443")

    assert len(await collect(client.monitors())) == 1

    for call in [*preservica["login"].calls, *route.calls]:
        assert str(call.request.url).startswith(f"{protocol}://eu.preservica.test:8443/api/")


async def test_an_expired_token_logs_in_again_and_repeats_the_request_once(preservica, connect):
    preservica["login"].side_effect = [access_token("old"), access_token("new")]
    monitors = preservica.get(path=MONITORS_PATH).mock(
        side_effect=[problem(401, "token expired"), monitors_answer([monitor_json()])]
    )
    client = connect()

    got = await collect(client.monitors())

    assert [monitor["MonitorId"] for monitor in got] == [MONITOR_ID]
    tokens = [call.request.headers["Preservica-Access-Token"] for call in monitors.calls]
    assert tokens == ["old", "new"]
    assert preservica["login"].call_count == 2


async def test_a_second_401_raises_authentication_error(preservica, connect):
    monitors = preservica.get(path=MONITORS_PATH).mock(return_value=problem(401, "unknown token"))
    client = connect()

    with pytest.raises(AuthenticationError, match="unknown token") as raised:
        await collect(client.monitors())

    assert raised.value.status == 401
    assert monitors.call_count == 2
    assert preservica["login"].call_count == 2


async def test_wrong_credentials_raise_authentication_error(preservica, connect):
    preservica["login"].mock(return_value=problem(401, "invalid username, password or tenant"))
    monitors = preservica.get(path=MONITORS_PATH).mock(return_value=monitors_answer([]))
    client = connect(password="wrong")

    with pytest.raises(AuthenticationError, match="invalid username"):
        await collect(client.monitors())

    assert not monitors.called


# --- monitors: filters and renaming ---------------------------------------------------------


class ForeignCategory(enum.Enum):
    """An enum of another library with the same wire values (pyPreservica's are plain)."""

    INGEST = "Ingest"


@pytest.mark.parametrize(
    ("filters", "query"),
    [
        ({}, []),
        (
            {"category": MonitorCategory.INGEST, "status": MonitorStatus.SUCCEEDED},
            [("status", "Succeeded"), ("category", "Ingest")],
        ),
        ({"status": "Running"}, [("status", "Running")]),
        ({"category": ForeignCategory.INGEST}, [("category", "Ingest")]),
        (
            {
                "status": [MonitorStatus.RUNNING, "Pending"],
                "category": (MonitorCategory.INGEST, MonitorCategory.DATA_MANAGEMENT),
                "subcategory": "OPEX",
                "name": ["opex/", "pax/"],
            },
            [
                ("status", "Running"),
                ("status", "Pending"),
                ("category", "Ingest"),
                ("category", "DataManagement"),
                ("subcategory", "OPEX"),
                ("name", "opex/"),
                ("name", "pax/"),
            ],
        ),
        ({"status": []}, []),
    ],
    ids=["none", "one-enum-each", "text", "foreign-enum", "several", "empty"],
)
async def test_filters_are_sent_as_the_generated_client_and_the_mock_expect(
    preservica, connect, filters, query
):
    route = preservica.get(path=MONITORS_PATH).mock(return_value=monitors_answer([]))
    client = connect()

    await collect(client.monitors(**filters))

    assert route.calls.last.request.url.params.multi_items() == query


@pytest.mark.parametrize(
    "filters", [{"status": "Done"}, {"category": ["Ingest", "ingest"]}, {"status": "RUNNING"}]
)
async def test_an_unknown_filter_value_is_refused_before_any_request(preservica, connect, filters):
    client = connect()
    with pytest.raises(ValueError):
        client.monitors(**filters)
    assert not preservica["login"].called


async def test_monitors_rename_mapped_id_and_keep_the_rest_as_on_the_wire(preservica, connect):
    wire = [monitor_json(), monitor_json("0" * 32, completed=None, status="Running")]
    preservica.get(path=MONITORS_PATH).mock(return_value=monitors_answer(wire))
    client = connect()

    got = await collect(client.monitors())

    for monitor, sent in zip(got, wire, strict=True):
        expected = {k: v for k, v in sent.items() if k != "mappedId"}
        assert monitor == {**expected, "MonitorId": sent["mappedId"]}
    assert got[0]["completed"] == "2025-06-15T14:26:40.123Z"  # the wire text, not re-rendered
    assert list(got[0])[-1] == "MonitorId"  # where pyPreservica puts it


async def test_a_monitor_that_has_not_started_comes_through_with_nulls_or_gaps(preservica, connect):
    nulls = monitor_json(
        "1" * 32, status="Pending", started=None, progressText=None, percentComplete=None
    )
    gaps = {
        k: v
        for k, v in monitor_json("2" * 32, status="Pending").items()
        if k not in ("started", "progressText", "percentComplete")
    }
    preservica.get(path=MONITORS_PATH).mock(return_value=monitors_answer([nulls, gaps]))
    client = connect()

    with_nulls, with_gaps = await collect(client.monitors())

    assert (with_nulls["started"], with_nulls["progressText"]) == (None, None)
    assert with_nulls["percentComplete"] is None
    assert not {"started", "progressText", "percentComplete"} & set(with_gaps)
    assert with_gaps["MonitorId"] == "2" * 32


@pytest.mark.parametrize(
    "value",
    [{"monitors": []}, {"paging": {}, "monitors": []}],
    ids=["no-paging", "no-total"],
)
async def test_a_monitors_answer_without_its_count_is_not_taken(preservica, connect, value):
    # The service sends value.paging.totalResults (The National Archives' client requires
    # it); an answer without it is not the service's.
    preservica.get(path=MONITORS_PATH).mock(return_value=envelope(value))
    client = connect()

    with pytest.raises(UnexpectedResponseError, match="list_monitors") as raised:
        await collect(client.monitors())
    assert raised.value.status == 200
    assert json.loads(raised.value.content)["value"] == value


@pytest.mark.parametrize("field", ["status", "canRetry", "mappedId"])
async def test_a_monitor_without_a_field_its_record_requires_is_refused(preservica, connect, field):
    # Monitor is a TypedDict: nothing checks it at run time but the wrapper.
    wire = [monitor_json(), {k: v for k, v in monitor_json().items() if k != field}]
    preservica.get(path=MONITORS_PATH).mock(return_value=monitors_answer(wire))
    client = connect()

    with pytest.raises(UnexpectedResponseError, match="list_monitors"):
        await collect(client.monitors())


# --- messages: paging and renaming ----------------------------------------------------------


def serve_messages(router: respx.Router, count: int, served_max: int | None = None) -> respx.Route:
    messages = [message_json(n) for n in range(count)]
    return router.get(path=MESSAGES_PATH).mock(side_effect=paged_messages(messages, served_max))


def message_numbers(messages: list[dict[str, Any]]) -> list[int]:
    return [int(message["MessageId"], 16) for message in messages]


@pytest.mark.parametrize(
    ("count", "page_size", "starts"),
    [(0, 3, [0]), (1, 3, [0]), (6, 3, [0, 3]), (7, 3, [0, 3, 6]), (5, 1000, [0])],
    ids=["none", "one", "exact-multiple", "one-over", "default-size"],
)
async def test_messages_follow_the_pages(preservica, connect, count, page_size, starts):
    route = serve_messages(preservica, count)
    client = connect(page_size=page_size)

    got = await collect(client.messages(MONITOR_ID))

    assert message_numbers(got) == list(range(count))
    assert starts_asked(route) == starts
    first = route.calls[0].request.url.params
    assert (first["monitor"], first["max"]) == (MONITOR_ID, str(page_size))


async def test_messages_rename_mapped_ids_as_pypreservica_does(preservica, connect):
    serve_messages(preservica, 1)
    client = connect()

    (message,) = await collect(client.messages(MONITOR_ID))

    wire = message_json(0)
    assert message["MonitorId"] == MONITOR_ID
    assert message["MessageId"] == wire["mappedId"]
    assert "mappedId" not in message and "mappedMonitorId" not in message
    assert {k: v for k, v in message.items() if k not in ("MonitorId", "MessageId")} == {
        k: v for k, v in wire.items() if k not in ("mappedId", "mappedMonitorId")
    }


@pytest.mark.parametrize(
    "page",
    [
        {"messages": [message_json(0)]},  # no paging
        {"messages": [{"mappedId": "x"}], "paging": {"totalResults": 1}},  # a bare message
        {"messages": [message_json(0), {"mappedId": "x"}], "paging": {"totalResults": 2}},
        {"messages": "none", "paging": {"totalResults": 0}},
    ],
    ids=["no-paging", "first-message-bare", "later-message-bare", "messages-not-a-list"],
)
async def test_messages_refuse_a_page_the_spec_does_not_describe(preservica, connect, page):
    # Pages are read without building a model per message (W4 of make bench); the
    # envelope, the paging and the first message are still checked, and every message
    # must carry the ids that are renamed.
    preservica.get(path=MESSAGES_PATH).mock(return_value=envelope(page))
    client = connect()

    with pytest.raises(UnexpectedResponseError, match="list_messages") as raised:
        await collect(client.messages(MONITOR_ID))
    assert raised.value.status == 200


async def test_a_message_page_is_sent_as_the_generated_operation_sends_it(preservica, connect):
    route = serve_messages(preservica, 2)
    client = connect(page_size=5)

    await collect(client.messages([MONITOR_ID, "other"], status=[MessageStatus.ERROR]))

    (call,) = route.calls
    assert call.request.url.params.multi_items() == [
        ("monitor", MONITOR_ID),
        ("monitor", "other"),
        ("status", "Error"),
        ("start", "0"),
        ("max", "5"),
    ]
    assert call.request.headers["Preservica-Access-Token"] == TOKEN


async def test_messages_status_filter_one_or_several(preservica, connect):
    route = serve_messages(preservica, 0)
    client = connect()

    await collect(client.messages(MONITOR_ID, status=MessageStatus.ERROR))
    await collect(client.messages(MONITOR_ID, status=[MessageStatus.WARNING, "Error"]))

    assert [call.request.url.params.get_list("status") for call in route.calls] == [
        ["Error"],
        ["Warning", "Error"],
    ]


async def test_a_failing_page_raises_its_typed_error_after_the_pages_before_it(preservica, connect):
    good = paged_messages([message_json(n) for n in range(9)])
    preservica.get(path=MESSAGES_PATH).mock(
        side_effect=lambda request: (
            httpx.Response(500, json={"message": "database unavailable"})
            if request.url.params["start"] == "3"
            else good(request)
        )
    )
    client = connect(page_size=3)

    got, error = await collect_until_error(client.messages(MONITOR_ID))

    assert message_numbers(got) == [0, 1, 2]
    assert isinstance(error, ServerError)
    assert error.status == 500


def test_pages_are_fetched_as_the_caller_iterates(preservica):
    route = serve_messages(preservica, 5)
    with MonitorAPI(**CREDENTIALS, page_size=2, httpx_args=through(preservica)) as client:
        messages = client.messages(MONITOR_ID)
        assert not route.called
        next(messages)
        next(messages)
        assert route.call_count == 1
        next(messages)
        assert route.call_count == 2


async def test_the_next_link_is_followed_even_when_the_server_serves_smaller_pages(
    preservica, connect
):
    route = serve_messages(preservica, 7, served_max=2)
    client = connect(page_size=5)

    got = await collect(client.messages(MONITOR_ID))

    assert message_numbers(got) == list(range(7))  # start + page_size would skip 2..4
    assert starts_asked(route) == [0, 2, 4, 6]


@pytest.mark.parametrize("next_start", ["0", "", "x"])
async def test_a_next_link_that_does_not_move_forward_is_refused(preservica, connect, next_start):
    paging = {"totalResults": 9, "next": f"{BASE}{MESSAGES_PATH}?start={next_start}&max=3"}
    preservica.get(path=MESSAGES_PATH).mock(
        return_value=envelope({"messages": [message_json(0)], "paging": paging})
    )
    client = connect(page_size=3)

    got, error = await collect_until_error(client.messages(MONITOR_ID))

    assert got == []  # the page is refused whole: its link is read before its items go out
    assert isinstance(error, UnexpectedResponseError)
    assert "does not point past start=0" in str(error)


async def test_messages_need_a_monitor_id(connect):
    client = connect()
    with pytest.raises(ValueError, match="monitor id"):
        client.messages([])


@given(count=st.integers(min_value=0, max_value=80), page_size=st.integers(1, 25))
def test_messages_yield_every_message_exactly_once_in_order(count, page_size):
    router = preservica_routes()
    route = serve_messages(router, count)
    with MonitorAPI(**CREDENTIALS, page_size=page_size, httpx_args=through(router)) as client:
        got = list(client.messages(MONITOR_ID))

    assert message_numbers(got) == list(range(count))
    assert route.call_count == max(1, -(-count // page_size))


# --- timeseries, errors, retries, closing ---------------------------------------------------


async def test_timeseries_yields_the_points_as_on_the_wire(preservica, connect):
    later = {**POINT, "timestamp": "2025-06-15T14:16:40.000Z", "percentComplete": "80"}
    preservica.get(path=TIMESERIES_PATH).mock(return_value=envelope({"timeseries": [POINT, later]}))
    client = connect()

    assert await collect(client.timeseries(MONITOR_ID)) == [POINT, later]


async def test_an_unknown_monitor_has_no_timeseries(preservica, connect):
    preservica.get(path=TIMESERIES_PATH).mock(return_value=problem(404, f"no monitor {MONITOR_ID}"))
    client = connect()

    with pytest.raises(NotFoundError, match=MONITOR_ID):
        await collect(client.timeseries(MONITOR_ID))


async def test_a_refused_filter_raises_bad_request_with_the_problem(preservica, connect):
    preservica.get(path=MONITORS_PATH).mock(return_value=problem(400, "status: 'x' is not one of"))
    client = connect()

    with pytest.raises(BadRequestError) as raised:
        await collect(client.monitors())

    assert raised.value.problem["detail"] == "status: 'x' is not one of"


async def test_a_request_failing_in_transport_is_tried_again(preservica, connect, sleeps):
    route = preservica.get(path=MONITORS_PATH).mock(
        side_effect=[httpx.ConnectError("refused"), monitors_answer([monitor_json()])]
    )
    client = connect()

    assert len(await collect(client.monitors())) == 1
    assert route.call_count == 2
    assert len(sleeps) == 1


async def test_transport_retries_are_bounded(preservica, connect, sleeps):
    route = preservica.get(path=MONITORS_PATH).mock(side_effect=httpx.ConnectError("refused"))
    client = connect(attempts=2)

    with pytest.raises(httpx.ConnectError):
        await collect(client.monitors())
    assert route.call_count == 2


class ClosingTransport(httpx.MockTransport):
    """A transport that remembers being closed (httpx closes it with its client)."""

    closed = False

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def test_the_context_manager_closes_the_http_client():
    transport = ClosingTransport(lambda request: access_token())
    with MonitorAPI(**CREDENTIALS, httpx_args={"transport": transport}):
        pass
    assert transport.closed


async def test_the_async_context_manager_closes_the_http_client():
    transport = ClosingTransport(lambda request: access_token())
    async with AsyncMonitorAPI(**CREDENTIALS, httpx_args={"transport": transport}):
        pass
    assert transport.closed


# --- end to end, against the in-process mock ------------------------------------------------

DEMO_SEED = Path(__file__).parents[2] / "mock_server" / "data" / "demo_seed.yaml"
DEMO_CREDENTIALS = {"username": "test", "password": "test", "tenant": "TEST", "server": "mock"}
BUSY_MONITOR = "6a91862b0a91413bb106a302e62e5128"  # 32 messages
TOKEN_MINUTES = 15


class RecordingTransport(httpx.ASGITransport):
    """The in-process app, remembering the path of every request it served."""

    def __init__(self, app: Any) -> None:
        super().__init__(app=app)
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        return await super().handle_async_request(request)


@pytest.fixture
def demo_app(make_app):
    app = make_app(apis=("preservica",))
    app.mock_state.load_seed(yaml.safe_load(DEMO_SEED.read_text()))
    return app


@pytest.fixture
def transport(demo_app) -> RecordingTransport:
    return RecordingTransport(demo_app)


@pytest.fixture
async def served(transport):
    """The async client over the demo data, pages of 10, with no socket."""
    args = {"transport": transport}
    async with AsyncMonitorAPI(
        **DEMO_CREDENTIALS, protocol="http", page_size=10, httpx_args=args
    ) as client:
        yield client


async def test_end_to_end_filters_select_the_demo_monitors(served):
    ingested = await collect(
        served.monitors(category=MonitorCategory.INGEST, status=MonitorStatus.SUCCEEDED)
    )
    assert [m["MonitorId"] for m in ingested] == ["fa7d3aaa72dc4b43965e44490dc6f0b0"]
    assert (ingested[0]["category"], ingested[0]["status"]) == ("Ingest", "Succeeded")

    several = await collect(
        served.monitors(
            category=[MonitorCategory.EXPORT, MonitorCategory.DATA_MANAGEMENT],
            status=[MonitorStatus.FAILED, MonitorStatus.SUSPENDED],
        )
    )
    assert sorted(m["subcategory"] for m in several) == ["Move", "Reindex"]
    assert len(await collect(served.monitors())) == 12
    assert [m["subcategory"] for m in await collect(served.monitors(name="PAX/"))] == ["PAX"]


async def test_end_to_end_messages_survive_a_token_expiring_mid_iteration(
    served, demo_app, transport
):
    messages = served.messages(BUSY_MONITOR)
    first_page = [await anext(messages) for _ in range(10)]
    demo_app.mock_state.clock.advance((TOKEN_MINUTES + 1) * 60)

    rest = [message async for message in messages]

    got = first_page + rest
    assert len(got) == 32
    assert len({message["MessageId"] for message in got}) == 32
    assert {message["MonitorId"] for message in got} == {BUSY_MONITOR}
    assert transport.paths.count("/api/accesstoken/login") == 2  # the renewal
    assert transport.paths.count(MESSAGES_PATH) == 5  # 4 pages, the second one sent twice


async def test_end_to_end_messages_filtered_by_status(served):
    errors = await collect(
        served.messages("07ba3a80d0ea441c8e7efee44524ae81", status=MessageStatus.ERROR)
    )
    assert [m["status"] for m in errors] == ["Error", "Error"]
    assert await collect(served.messages("0" * 32)) == []  # an unknown monitor has none


async def test_end_to_end_debug_messages_and_a_monitor_not_started(served):
    debug = await collect(
        served.messages("3da6513e46284c91bdc702d1ac26a564", status=MessageStatus.DEBUG)
    )
    assert [m["status"] for m in debug] == ["Debug", "Debug"]
    assert all(m["message"].startswith("monitor.debug.") for m in debug)
    pending = await collect(served.monitors(status=MonitorStatus.PENDING))
    not_started = [m for m in pending if m["started"] is None]
    assert [m["subcategory"] for m in not_started] == ["PAX", "Thumbnails"]
    assert (not_started[1]["progressText"], not_started[1]["percentComplete"]) == (None, None)


async def test_end_to_end_timeseries_and_refusals(served, transport):
    points = await collect(served.timeseries(BUSY_MONITOR))
    assert len(points) == 4
    assert {"timestamp", "status", "percentComplete"} <= set(points[0])
    with pytest.raises(NotFoundError):
        await collect(served.timeseries("0" * 32))

    async with AsyncMonitorAPI(
        **{**DEMO_CREDENTIALS, "password": "wrong"},
        protocol="http",
        httpx_args={"transport": transport},
    ) as wrong:
        with pytest.raises(AuthenticationError):
            await collect(wrong.monitors())
