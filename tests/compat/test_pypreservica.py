"""pyPreservica 4.2.2's MonitorAPI, unchanged, runs the seed's three snippets on the mock."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from pyPreservica import MessageStatus, MonitorAPI, MonitorCategory, MonitorStatus

DEMO = Path(__file__).parents[2] / "mock_server" / "data" / "demo_seed.yaml"


@pytest.fixture
def holdings(admin):
    """What the mock holds: the demo data set's Preservica section."""
    section = yaml.safe_load(DEMO.read_text())["preservica"]
    admin.seed({"preservica": section})
    return section


@pytest.fixture
def client(holdings, mock_url):
    return MonitorAPI(
        username="test",
        password="test",
        tenant="TEST",
        server=urlparse(mock_url).netloc,
        protocol="http",
    )


def held_monitors(holdings, **wanted):
    return [m for m in holdings["monitors"] if all(m.get(k) == v for k, v in wanted.items())]


def test_monitors_with_filters(client, holdings):
    got = list(client.monitors(category=MonitorCategory.INGEST, status=MonitorStatus.SUCCEEDED))
    expected = held_monitors(holdings, category="Ingest", status="Succeeded")
    assert expected, "the demo data has a succeeded ingest"
    assert [m["MonitorId"] for m in got] == [m["mappedId"] for m in expected]
    assert len(list(client.monitors())) == len(holdings["monitors"])


def test_messages_of_each_monitor_page_through_everything(client, holdings):
    busiest = max(holdings["monitors"], key=lambda m: len(m.get("messages", [])))
    assert len(busiest["messages"]) > 25, "more than pyPreservica's page of 25"
    messages = list(client.messages(busiest["mappedId"]))
    assert [m["displayMessage"] for m in messages] == [
        m["displayMessage"] for m in busiest["messages"]
    ]
    assert {m["MonitorId"] for m in messages} == {busiest["mappedId"]}
    assert len({m["MessageId"] for m in messages}) == len(messages)


def test_messages_filtered_by_status(client, holdings):
    for monitor in holdings["monitors"]:
        errors = list(client.messages(monitor["mappedId"], status=MessageStatus.ERROR))
        held = [m for m in monitor.get("messages", []) if m.get("status") == "Error"]
        assert len(errors) == len(held)
        assert all(m["status"] == "Error" for m in errors)


def test_timeseries(client, holdings):
    monitor = next(m for m in holdings["monitors"] if m.get("timeseries"))
    series = list(client.timeseries(monitor["mappedId"]))
    assert [p["percentComplete"] for p in series] == [
        p["percentComplete"] for p in monitor["timeseries"]
    ]


def test_a_token_expiring_midway_is_survived_by_its_own_relogin(client, holdings, admin):
    before = list(client.monitors())
    admin.advance_clock(16 * 60)  # past validFor (15 minutes)
    after = list(client.monitors())
    assert [m["MonitorId"] for m in after] == [m["MonitorId"] for m in before]


def test_debug_messages_and_monitors_not_started_come_through(client, holdings):
    # pyPreservica's MessageStatus has no Debug, so it cannot filter on it; unfiltered, the
    # Debug messages come through with the rest.
    monitor = next(
        m
        for m in holdings["monitors"]
        if any(x["status"] == "Debug" for x in m.get("messages", []))
    )
    got = [m["status"] for m in client.messages(monitor["mappedId"])]
    assert got == [m["status"] for m in monitor["messages"]]
    assert "Debug" in got
    # The monitors answer now carries value.paging; pyPreservica reads value.monitors alone.
    pending = list(client.monitors(status=MonitorStatus.PENDING))
    assert {m["MonitorId"] for m in pending} == {
        m["mappedId"] for m in held_monitors(holdings, status="Pending")
    }
    assert [m["started"] for m in pending] == [None, None]
    assert any(m["progressText"] is None and m["percentComplete"] is None for m in pending)
