"""The generated client against the mock: spec, client and server agree on the wire."""

from __future__ import annotations

import httpx
import preservica_monitor_client as client_package
import pytest
from preservica_monitor_client.api.authentication import login
from preservica_monitor_client.api.process_monitor import (
    get_monitor_timeseries,
    list_messages,
    list_monitors,
)
from preservica_monitor_client.models import (
    AccessToken,
    LoginForm,
    MessageStatus,
    MonitorListResponse,
    MonitorStatus,
    Problem,
)

from tests.preservica.preservica_seeds import FAILED_EXPORT, RUNNING_INGEST


@pytest.fixture
def typed_client(app):
    def build(headers: dict[str, str] | None = None):
        transport = httpx.ASGITransport(app=app)
        http = httpx.AsyncClient(transport=transport, base_url="http://mock.test", headers=headers)
        return client_package.Client(base_url="http://mock.test").set_async_httpx_client(http)

    return build


async def test_typed_round_trip(typed_client, seeded):
    token = await login.asyncio(
        client=typed_client(), body=LoginForm(username="test", password="test")
    )
    assert isinstance(token, AccessToken) and token.tenant == "TEST"
    authed = typed_client({"Preservica-Access-Token": token.token})

    # The generated client repeats list parameters instead of joining them with commas.
    monitors = await list_monitors.asyncio(
        client=authed, status=[MonitorStatus.RUNNING, MonitorStatus.FAILED]
    )
    assert isinstance(monitors, MonitorListResponse)
    assert [m.mapped_id for m in monitors.value.monitors] == [RUNNING_INGEST, FAILED_EXPORT]
    assert monitors.value.monitors[0].started.year == 2025
    assert monitors.value.paging.total_results == 2

    page = await list_messages.asyncio(
        client=authed, monitor=[RUNNING_INGEST], status=[MessageStatus.ERROR], max_=1
    )
    assert [m.status for m in page.value.messages] == [MessageStatus.ERROR]
    assert page.value.paging.total_results == 1

    missing = await get_monitor_timeseries.asyncio("0" * 32, client=authed)
    assert isinstance(missing, Problem) and missing.status == 404


async def test_the_generated_models_take_a_monitor_not_started_and_debug(typed_client, seeded):
    seeded.add_monitor(
        {
            "mappedId": "d" * 32,
            "status": "Pending",
            "progressText": None,
            "percentComplete": None,
            "messages": [{"status": "Debug"}],
        }
    )
    token = await login.asyncio(
        client=typed_client(), body=LoginForm(username="test", password="test")
    )
    authed = typed_client({"Preservica-Access-Token": token.token})

    monitors = await list_monitors.asyncio(client=authed, status=[MonitorStatus.PENDING])
    (pending,) = monitors.value.monitors
    assert (pending.started, pending.progress_text, pending.percent_complete) == (None,) * 3
    page = await list_messages.asyncio(client=authed, monitor=["d" * 32])
    assert [m.status for m in page.value.messages] == [MessageStatus.DEBUG]
