"""An error answer whose body is not the spec's problem JSON (an HTML page from a proxy, a
plain-text 404) still raises the wrapper's typed error, with the body kept (and
``problem`` None), rather than the generated parser's JSONDecodeError or KeyError; and a
success the spec does not describe raises ``UnexpectedResponseError``, for every API in
both forms."""

from __future__ import annotations

import asyncio
import inspect
import pkgutil
from collections.abc import Callable
from importlib import import_module
from typing import Any

import httpx
import pytest

from wrappers import (
    AepublishClient,
    ApiError,
    AsyncAepublishClient,
    AsyncMonitorAPI,
    AsyncMonitorServerClient,
    BadRequestError,
    MonitorAPI,
    MonitorServerClient,
    NotFoundError,
    ServerError,
    UnexpectedResponseError,
)

HTML = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
TEXT = b"no such thing"
LOGINS = {
    "/api/accesstoken/login": {
        "success": True,
        "token": "t",
        "refresh-token": "r",
        "validFor": 15,
        "user": "test",
        "tenant": "TEST",
    },
    "/aims/v1/token_info": {
        "account": {"id": "2", "name": "Acme"},
        "user": {"id": "U1"},
        "roles": [],
        "entity_id": "U1",
        "entity_type": "user",
        "requester_id": "2:user:U1",
        "token_expiration": 1_750_021_600,
    },
}


def answering(failing_path: str, status: int, body: bytes, content_type: str):
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path in LOGINS:
            return httpx.Response(200, json=LOGINS[request.url.path])
        assert request.url.path == failing_path, request.url
        return httpx.Response(status, content=body, headers={"content-type": content_type})

    return handle


def _preservica(cls: type, transport: Any) -> Any:
    return cls(
        username="test",
        password="secret",
        tenant="TEST",
        server="preservica.test",
        protocol="http",
        attempts=1,
        httpx_args={"transport": transport},
    )


CASES: list[tuple[str, Callable[[type, Any], Any], type, type, str, Callable[[Any], Any]]] = [
    (
        "preservica-messages",
        _preservica,
        MonitorAPI,
        AsyncMonitorAPI,
        "/api/processmonitor/messages",
        lambda client: client.messages("m"),
    ),
    (
        "preservica-monitors",
        _preservica,
        MonitorAPI,
        AsyncMonitorAPI,
        "/api/processmonitor/monitors",
        lambda client: client.monitors(),
    ),
    (
        "monitor-server-sessions",
        lambda cls, transport: cls(
            "http://monitor.test", attempts=1, httpx_args={"transport": transport}
        ),
        MonitorServerClient,
        AsyncMonitorServerClient,
        "/api/v1/sessions/",
        lambda client: client.sessions(),
    ),
    (
        "aepublish-publish",
        lambda cls, transport: cls(
            "http://aepublish.test", aims_token="t", httpx_args={"transport": transport}
        ),
        AepublishClient,
        AsyncAepublishClient,
        "/aepublish/v1/2/observation",
        lambda client: client.publish_observations("2", [{"definition": "x"}]),
    ),
]


def _consume(result: Any) -> Any:
    return list(result) if inspect.isgenerator(result) else result


async def _aconsume(result: Any) -> Any:
    if inspect.isasyncgen(result):
        return [item async for item in result]
    return await result


@pytest.mark.parametrize(
    ("status", "body", "content_type", "error"),
    [
        (502, HTML, "text/html", ServerError),
        (404, TEXT, "text/plain", NotFoundError),
        (400, TEXT, "text/plain", BadRequestError),
    ],
    ids=["html-502", "text-404", "text-400"],
)
@pytest.mark.parametrize(
    ("name", "build", "sync_cls", "async_cls", "path", "act"),
    CASES,
    ids=[case[0] for case in CASES],
)
def test_a_non_json_error_body_raises_the_typed_error(
    name, build, sync_cls, async_cls, path, act, status, body, content_type, error
):
    handler = answering(path, status, body, content_type)

    client = build(sync_cls, httpx.MockTransport(handler))
    with pytest.raises(error) as raised:
        _consume(act(client))
    assert (raised.value.status, raised.value.content, raised.value.problem) == (status, body, None)

    async def run_async() -> ApiError:
        aclient = build(async_cls, httpx.MockTransport(handler))
        with pytest.raises(error) as araised:
            await _aconsume(act(aclient))
        return araised.value

    aerror = asyncio.run(run_async())
    assert (aerror.status, aerror.content, aerror.problem) == (status, body, None)


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (200, HTML, "text/html"),
        (200, b'{"value": {"monitors": [', "application/json"),
        (200, b"[1, 2, 3]", "application/json"),
        (200, b'{"unrelated": true}', "application/json"),
        (201, b"{}", "application/json"),
        (302, b"", "text/plain"),
    ],
    ids=["html-200", "truncated-json", "json-list", "other-json", "undeclared-201", "302"],
)
@pytest.mark.parametrize(
    ("name", "build", "sync_cls", "async_cls", "path", "act"),
    CASES,
    ids=[case[0] for case in CASES],
)
def test_a_success_off_the_spec_raises_unexpected_response(
    name, build, sync_cls, async_cls, path, act, status, body, content_type
):
    handler = answering(path, status, body, content_type)

    client = build(sync_cls, httpx.MockTransport(handler))
    with pytest.raises(UnexpectedResponseError) as raised:
        _consume(act(client))
    assert (raised.value.status, raised.value.content) == (status, body)

    async def run_async() -> UnexpectedResponseError:
        aclient = build(async_cls, httpx.MockTransport(handler))
        with pytest.raises(UnexpectedResponseError) as araised:
            await _aconsume(act(aclient))
        return araised.value

    aerror = asyncio.run(run_async())
    assert (aerror.status, aerror.content) == (status, body)


GENERATED = ["preservica_monitor_client", "monitor_server_client", "aepublish_client"]


@pytest.mark.parametrize("package", GENERATED)
def test_every_generated_operation_has_what_the_wrappers_call(package):
    # wrappers._core.calls calls each operation's request builder and response parser: a
    # generator upgrade that renames them must fail here.
    api = import_module(f"{package}.api")
    modules = [
        import_module(info.name)
        for info in pkgutil.walk_packages(api.__path__, f"{package}.api.")
        if not info.ispkg
    ]
    assert modules
    for module in modules:
        assert callable(module._get_kwargs), module.__name__
        assert callable(module._build_response), module.__name__
