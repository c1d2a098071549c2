"""Fixtures of the monitor-server tests: an app serving only this API, small pages."""

from __future__ import annotations

import pytest

from mock_server.core.clock import MockClock
from mock_server.monitor_server.backend import MonitorServerBackend

PAGE_SIZE = 3  # small, so that paging edges need a handful of records, not 500


@pytest.fixture
def app(make_app):
    return make_app(apis=("monitor_server",), page_size=PAGE_SIZE)


@pytest.fixture
def backend(clock: MockClock) -> MonitorServerBackend:
    return MonitorServerBackend(clock, page_size=PAGE_SIZE)
