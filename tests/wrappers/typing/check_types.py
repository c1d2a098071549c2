"""What type checkers see of the wrappers: checked by ``make lint`` (mypy --strict and
pyright), never run. ``assert_type`` pins each method's type in both forms; a line that must
be refused carries an ignore comment naming the error, and both checkers are set to fail
on an ignore that silences nothing, so a type that stops refusing it fails the lint."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import assert_type

from wrappers.aepublish import AepublishClient, AsyncAepublishClient, ObservationResult
from wrappers.monitor_server import (
    AsyncMonitorServerClient,
    ExecutionContext,
    Metric,
    MonitorServerClient,
    MonitorSession,
    Resource,
)
from wrappers.preservica import (
    AsyncMonitorAPI,
    Message,
    MessageStatus,
    Monitor,
    MonitorAPI,
    MonitorCategory,
    MonitorStatus,
    TimeseriesPoint,
)


def blocking_monitor_server(server: MonitorServerClient) -> None:
    assert_type(server.count_sessions(), int)
    assert_type(server.sessions(), Iterator[MonitorSession])
    assert_type(server.sessions_by_prefix("00"), Iterator[MonitorSession])
    assert_type(server.contexts(), Iterator[ExecutionContext])
    assert_type(server.component_item_metrics("linalg", "test_solve"), Iterator[Metric])
    assert_type(server.components(), Iterator[str | None])
    assert_type(server.pipeline_build_sessions("main", "1824"), Iterator[str | None])
    assert_type(server.pipelines(), list[str | None])
    assert_type(server.resource_head(Resource.MEMORY, component="linalg", limit=3), list[Metric])
    assert_type(server.create_session("00", "2025-01-01T00:00:00"), MonitorSession)
    server.resource_head("memory")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    server.resource_tail(Resource.CPU, components="x")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    server.count_session_metrics()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    with server as same:
        assert_type(same, MonitorServerClient)


async def asyncio_monitor_server(server: AsyncMonitorServerClient) -> None:
    assert_type(await server.count_sessions(), int)
    assert_type(server.sessions(), AsyncIterator[MonitorSession])
    assert_type(server.metrics(), AsyncIterator[Metric])
    assert_type(await server.resource_tail(Resource.CPU), list[Metric])
    async with server as same:
        assert_type(same, AsyncMonitorServerClient)


def blocking_preservica(api: MonitorAPI) -> None:
    assert_type(api.monitors(status=MonitorStatus.RUNNING), Iterator[Monitor])
    assert_type(api.monitors(category=[MonitorCategory.INGEST, "Export"]), Iterator[Monitor])
    assert_type(api.messages("m", status=MessageStatus.ERROR), Iterator[Message])
    assert_type(api.timeseries("m"), Iterator[TimeseriesPoint])
    api.monitors(status=MessageStatus.ERROR)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    api.messages("m", status=MonitorStatus.FAILED)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    api.monitors(category=[MonitorStatus.RUNNING])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    api.monitors(status="Done")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    for monitor in api.monitors():
        assert_type(monitor["MonitorId"], str)
        assert_type(monitor["filesPending"], int)


async def asyncio_preservica(api: AsyncMonitorAPI) -> None:
    assert_type(api.monitors(), AsyncIterator[Monitor])
    async for message in api.messages(["a", "b"]):
        assert_type(message["status"], str)


def blocking_aepublish(client: AepublishClient) -> None:
    assert_type(client.authenticate(), str)
    assert_type(client.publish("2", [{"definition": "x"}]), list[ObservationResult])


async def asyncio_aepublish(client: AsyncAepublishClient) -> None:
    assert_type(await client.publish_observations("2", []), list[ObservationResult])
    assert_type(client.account_id, str | None)


def settings_of_each_form() -> None:
    MonitorServerClient("http://x", timeout=5, attempts=2, max_wait=1, sleep=time.sleep)
    AsyncMonitorServerClient("http://x", sleep=asyncio.sleep, httpx_args={"http2": False})
    AsyncMonitorServerClient("http://x", sleep=time.sleep)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    MonitorAPI("u", "p", "T", "host", "http", page_size=50, timeout=9)
    AepublishClient("http://x", aims_token="t", timeot=3)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
