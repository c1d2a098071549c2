"""monitor_api, the reader shipped with monitor-server-api 1.1.0, reads the mock back.

Its pager joins the relative `next_url` onto a base that already ends in /api/v1, so
against the real server too it reads only the first page: these checks stay within one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from monitor_api.monitor import Monitor

DEMO = Path(__file__).parents[2] / "mock_server" / "data" / "demo_seed.yaml"


@pytest.fixture
def holdings(admin):
    section = yaml.safe_load(DEMO.read_text())["monitor_server"]
    admin.seed({"monitor_server": section})
    return section


@pytest.fixture
def reader(holdings, mock_url):
    return Monitor(f"{mock_url}/api/v1")


def test_sessions_and_their_tags(reader, holdings):
    assert reader.count_sessions() == len(holdings["sessions"])
    sessions = reader.list_sessions()
    held = {s["session_h"]: s for s in holdings["sessions"]}
    assert set(sessions) == set(held)  # a mapping of hash -> Session
    for session in (sessions[h] for h in held):
        # The reader builds its tag dict from each tag's `name` (not the seed's `key`).
        assert session.tags == {k: str(v) for k, v in held[session.h]["description"].items()}


def test_metrics_of_a_session(reader, holdings):
    session_h = holdings["metrics"][0]["session_h"]
    held = [m for m in holdings["metrics"] if m["session_h"] == session_h]
    assert reader.count_metrics(session_h=session_h) == len(held)
    assert sorted(m.item for m in reader.list_session_metrics(session_h)) == sorted(
        m["item"] for m in held
    )


def test_contexts(reader, holdings):
    assert reader.count_contexts() == len(holdings["contexts"])
    # The reader reads a context's hash as `context_h`, which the real server does not send
    # (it sends `h`): against it, and so against the mock, listing contexts fails.
    with pytest.raises(KeyError, match="context_h"):
        reader.list_contexts()
