"""Failure paths and verification with the plugin's fixtures: HTTP faults in one line
(``mock_faults``) and this test's requests, typed (``mock_journal``)."""

import httpx
import pytest

from wrappers.errors import ServerError

SESSION_H = "f00d" + "e" * 36


def test_verify_what_the_code_under_test_sent(monitor_server_api, mock_journal):
    monitor_server_api.create_session(SESSION_H, "2025-01-01T00:00:00", description={"a": "1"})
    [created] = mock_journal.verify(1, operation="create_session", status=201)
    assert SESSION_H in created.body
    assert created.api == "monitor_server" and not created.violations
    mock_journal.verify(0, method="DELETE")


def test_a_proxys_html_error_page(monitor_server_api, mock_faults, mock_journal):
    mock_faults.status(
        502,
        body="<html><body><h1>502 Bad Gateway</h1></body></html>",
        content_type="text/html",
        operation="count_sessions",
    )
    with pytest.raises(ServerError) as raised:
        monitor_server_api.count_sessions()
    assert raised.value.status == 502 and raised.value.problem is None
    assert all(entry.status == 502 for entry in mock_journal.requests(operation="count_sessions"))


def test_connections_cut_and_answers_cut_short(mock_server_url, mock_faults, mock_journal):
    rule = mock_faults.disconnect(path="/api/v1/sessions/*", times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(f"{mock_server_url}/api/v1/sessions/0041")
    mock_faults.truncate(12, api="monitor_server", times=1)
    cut = httpx.get(f"{mock_server_url}/api/v1/sessions/0041")
    assert cut.status_code == 200 and len(cut.content) == 12
    with pytest.raises(ValueError):
        cut.json()
    first, second = mock_journal.requests()
    assert first.status is None and first.fault.id == rule.id
    assert second.fault.action.truncate == 12
    assert mock_faults.rules() == []  # both used up


def test_a_slow_answer_then_the_normal_one(monitor_server_api, mock_faults, mock_journal):
    mock_faults.latency(0.2, operation="count_sessions", times=1)
    assert monitor_server_api.count_sessions() >= 0
    assert mock_journal.last(operation="count_sessions").duration_ms >= 200
