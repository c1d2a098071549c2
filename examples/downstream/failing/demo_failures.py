"""Tests that fail on purpose, to show what the plugin adds to a failure report.

Not collected with the rest of the project (the file name does not start with ``test_``);
run them by name:

    pytest failing/demo_failures.py --mock-artifacts out/   # a section with the journal,
                                                            # out/<test>/ with its journal
                                                            # and the mock's state
    pytest failing/demo_failures.py --mock-strict           # the off-contract test fails too
"""

import contextlib

import httpx

from wrappers.errors import ServerError


def test_a_failure_shows_the_last_requests(monitor_server_api, mock_faults):
    mock_faults.status(503, operation="count_sessions", headers={"Retry-After": "0"}, times=1)
    with contextlib.suppress(ServerError):
        monitor_server_api.count_sessions()
    monitor_server_api.create_session("ab" * 20, "2025-01-01T00:00:00", description={"x": "y"})
    assert monitor_server_api.count_sessions() == 99, "fails on purpose: see the mock journal"


def test_an_off_contract_request(mock_server_url):
    # monitor-server answers an unknown query parameter, as the real server does; the
    # journal notes the violation, and --mock-strict fails the test for it.
    answer = httpx.get(f"{mock_server_url}/api/v1/sessions/", params={"colour": "red"})
    assert answer.status_code == 200
