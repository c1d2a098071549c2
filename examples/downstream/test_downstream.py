"""What a downstream project's integration tests look like: only the plugin's fixtures.

Installing this package registers the plugin; nothing to import or configure. Run with
`pytest examples/downstream` (tests/test_downstream_example.py does, in a subprocess).
"""

import httpx
import pytest
from mock_admin_client.api.admin import set_clock
from mock_admin_client.api.aepublish import add_fault
from mock_admin_client.models import ClockChange, FaultRule

from mock_server.pytest_plugin import MOCK_INPROCESS_URL
from wrappers.aepublish import AsyncAepublishClient, Outcome
from wrappers.monitor_server import MonitorServerClient, Resource
from wrappers.preservica import MonitorCategory


def test_preservica_demo_monitors(preservica_api):
    ingests = list(preservica_api.monitors(category=MonitorCategory.INGEST))
    assert ingests and all(m["category"] == "Ingest" for m in ingests)
    assert all(len(m["MonitorId"]) == 32 for m in ingests)


def test_each_test_starts_from_the_seed(monitor_server_api):
    monitor_server_api.create_session(
        "f" * 40, "2025-01-01T00:00:00", scm_ref="4914d195", description={"a": "1"}
    )
    # The demo's three, plus this one (the server counts the sessions with an SCM reference).
    assert monitor_server_api.count_sessions() == 4


def test_and_the_next_one_does_not_see_it(monitor_server_api):
    assert monitor_server_api.count_sessions() == 3


def test_monitor_server_builds_and_resources(monitor_server_api):
    assert list(monitor_server_api.pipeline_builds("main")) == ["1824"]
    [heaviest] = monitor_server_api.resource_head(Resource.MEMORY, limit=1)
    assert heaviest.mem_usage == max(m.mem_usage for m in monitor_server_api.metrics())


def test_faults_and_the_clock_through_the_admin_client(aepublish_api, mock_admin):
    add_fault.sync_detailed(
        client=mock_admin, body=FaultRule(definition="host/agent/heartbeat", delay=3, times=1)
    )
    [result] = aepublish_api.publish_observations("2", [{"definition": "host/agent/heartbeat"}])
    assert result.outcome is Outcome.RETRY and result.delay == 3
    moved = set_clock.sync(client=mock_admin, body=ClockChange(advance=3600))
    assert moved is not None and moved.now > 0


@pytest.mark.anyio
async def test_no_socket_at_all(mock_respx, mock_inprocess_app):
    async with AsyncAepublishClient(
        MOCK_INPROCESS_URL, access_key_id="demo-key", secret_key="demo-secret"
    ) as client:
        [result] = await client.publish_observations(
            "2", [{"definition": "host/agent/heartbeat", "progress_marker": "m1"}]
        )
    assert result.outcome is Outcome.SUCCESS
    assert mock_respx.calls.call_count == 2  # AIMS login, then the publication


def test_sync_wrappers_work_in_process_too(mock_respx):
    with MonitorServerClient(MOCK_INPROCESS_URL) as client:
        assert client.count_sessions() == 3
    assert isinstance(mock_respx.calls.last.response, httpx.Response)
