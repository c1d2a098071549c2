"""No socket at all: the plugin's in-process mock, from blocking and asyncio code.

The app is built once per session; before each test it is reset to ``mock_seed``. Hand a
transport to any httpx client or wrapper (``httpx_args={"transport": ...}``), or let
``mock_respx`` catch every request for ``MOCK_INPROCESS_URL``.
"""

import httpx
import pytest
from mock_admin_client.api.aepublish import add_fault
from mock_admin_client.models import FaultRule

from mock_server.admin_client import MockAdminError
from mock_server.pytest_plugin import MOCK_INPROCESS_URL
from wrappers.aepublish import AepublishClient, AsyncAepublishClient, Outcome
from wrappers.monitor_server import AsyncMonitorServerClient, MonitorServerClient

SESSION = {"session_h": "5eed" + "0" * 36, "run_date": "2025-03-01T12:00:00", "scm_ref": "abc1"}


@pytest.fixture
def mock_seed(mock_seed):
    # Start from the demo data plus a session of our own (the same override works for the
    # live server: mock_server_url is seeded from mock_seed too).
    mock_seed.setdefault("monitor_server", {}).setdefault("sessions", []).append(
        {**SESSION, "description": {"team": "downstream"}}
    )
    return mock_seed


def test_a_wrapper_over_the_blocking_transport(mock_transport):
    with MonitorServerClient(MOCK_INPROCESS_URL, httpx_args={"transport": mock_transport}) as api:
        assert api.count_sessions() == 4  # the demo's three with an SCM reference, and ours


def test_each_test_gets_the_seed_again(mock_inprocess_app, mock_transport):
    state = mock_inprocess_app.mock_state
    assert state.clock.frozen is False  # a test before this one may have frozen it
    state.clock.freeze()
    with httpx.Client(transport=mock_transport, base_url=MOCK_INPROCESS_URL) as client:
        more = {**SESSION, "session_h": "a" * 40, "description": {}}
        assert client.post("/api/v1/sessions/", json=more).status_code == 201
        assert client.get("/api/v1/sessions/count").json() == {"count": 5}


def test_and_the_next_one_has_it_back(mock_transport):
    with httpx.Client(transport=mock_transport, base_url=MOCK_INPROCESS_URL) as client:
        assert client.get("/api/v1/sessions/count").json() == {"count": 4}
        assert client.get("/_mock/clock").json()["frozen"] is False


@pytest.mark.anyio
async def test_an_async_wrapper_over_the_asyncio_transport(mock_async_transport):
    async with AsyncMonitorServerClient(
        MOCK_INPROCESS_URL, httpx_args={"transport": mock_async_transport}
    ) as api:
        assert await api.count_sessions() == 4


@pytest.mark.anyio
async def test_mock_respx_serves_asyncio_clients(mock_respx):
    async with AsyncAepublishClient(
        MOCK_INPROCESS_URL, access_key_id="demo-key", secret_key="demo-secret"
    ) as client:
        [result] = await client.publish_observations("2", [{"definition": "host/agent/heartbeat"}])
    assert result.outcome is Outcome.SUCCESS
    assert [call.request.url.path for call in mock_respx.calls] == [
        "/aims/v1/authenticate",
        "/aepublish/v1/2/observation",
    ]


def test_mock_respx_serves_blocking_clients_too(mock_respx):
    with AepublishClient(
        MOCK_INPROCESS_URL, access_key_id="demo-key", secret_key="demo-secret"
    ) as client:
        [result] = client.publish_observations("2", [{"definition": "host/agent/heartbeat"}])
    assert result.outcome is Outcome.SUCCESS


def test_the_in_process_state_directly(mock_inprocess_app, mock_transport):
    # The admin API answers in process too; the state is also at hand, without HTTP.
    state = mock_inprocess_app.mock_state
    state.aepublish.add_fault({"definition": "host/agent/heartbeat", "delay": 5, "times": 1})
    with AepublishClient(
        MOCK_INPROCESS_URL,
        access_key_id="demo-key",
        secret_key="demo-secret",
        httpx_args={"transport": mock_transport},
    ) as client:
        [result] = client.publish_observations("2", [{"definition": "host/agent/heartbeat"}])
    assert result.outcome is Outcome.RETRY and result.delay == 5


def test_the_admin_client_raises_on_a_refusal(mock_admin):
    # A fault for a definition the mock does not have would never act: refused, loudly.
    with pytest.raises(MockAdminError) as refused:
        add_fault.sync_detailed(
            client=mock_admin, body=FaultRule(definition="host/agent/heartbaet", delay=3)
        )
    assert refused.value.status == 400
    assert "no observation definition 'host/agent/heartbaet'" in refused.value.detail


def test_the_session_server_is_there_for_direct_use(mock_server_process):
    # The live server without the per-test reset (mock_server_url resets it).
    assert httpx.get(f"{mock_server_process}/_mock/health").json() == {"status": "ok"}
