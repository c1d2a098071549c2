"""An in-process mock built otherwise: override ``mock_inprocess_config`` (one app per
distinct config in a session, each reset to ``mock_seed`` before every test)."""

import httpx
import pytest

from mock_server import MockConfig
from mock_server.pytest_plugin import MOCK_INPROCESS_URL


@pytest.fixture
def mock_inprocess_config():
    return MockConfig(strict=True)


def test_strict_refuses_what_monitor_server_would_answer(mock_transport):
    with httpx.Client(transport=mock_transport, base_url=MOCK_INPROCESS_URL) as client:
        answer = client.get("/api/v1/sessions/", params={"colour": "red"})
    assert answer.status_code == 400
    assert "colour" in " ".join(answer.json()["violations"])
