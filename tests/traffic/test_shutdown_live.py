"""SIGTERM while requests wait out a fault's latency: the waits end, the requests get their
answers, and the server exits within 2 s (with ``--state``, after writing the file),
instead of waiting up to a minute for each delay."""

from __future__ import annotations

import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests import live

LATENCY = 30  # far beyond what the shutdown may take


def _established(port: int) -> int:
    """Connections the server holds open on ``port`` (from /proc, as ``ss`` reads it)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            if state == "01" and int(local.rsplit(":", 1)[1], 16) == port:
                count += 1
    return count


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs /proc/net/tcp")
@pytest.mark.parametrize("with_state", [False, True])
def test_sigterm_ends_the_latency_waits_and_exits_within_2_s(tmp_path, with_state):
    state_file = tmp_path / "state.json"
    server = live.start(*(["--state", str(state_file)] if with_state else []))
    port = int(server.url.rsplit(":", 1)[1])
    try:
        added = httpx.post(
            f"{server.url}/_mock/faults",
            json={"match": {"path": "/api/v1/sessions/count"}, "action": {"latency": LATENCY}},
        )
        assert added.status_code == 201, added.text
        added = httpx.post(
            f"{server.url}/_mock/aepublish/faults",
            json={"definition": "host/agent/heartbeat", "latency": LATENCY},
        )
        assert added.status_code == 201, added.text
        aims = httpx.post(f"{server.url}/aims/v1/authenticate", auth=("demo-key", "demo-secret"))
        token = aims.json()["authentication"]["token"]

        def count() -> httpx.Response:
            return httpx.get(f"{server.url}/api/v1/sessions/count", timeout=LATENCY + 10)

        def publish() -> httpx.Response:
            return httpx.post(
                f"{server.url}/aepublish/v1/2/observation",
                json=[{"definition": "host/agent/heartbeat"}],
                headers={"X-AIMS-Auth-Token": token},
                timeout=LATENCY + 10,
            )

        with ThreadPoolExecutor(4) as pool:
            waiting = [pool.submit(count), pool.submit(count), pool.submit(publish)]
            waiting.append(pool.submit(publish))
            deadline = time.monotonic() + 10
            while _established(port) < 4 and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.5)  # each request read and waiting on its fault
            assert not any(future.done() for future in waiting)
            began = time.monotonic()
            server.process.send_signal(signal.SIGTERM)
            server.process.wait(timeout=LATENCY)
            took = time.monotonic() - began
            answers = [future.result() for future in waiting]
    finally:
        out = server.stop()
    assert took < 2, f"the server took {took:.1f} s to exit:\n{out}"
    # Answered, not cut: the delays were ended early, the answers are the normal ones.
    assert [answer.status_code for answer in answers] == [200, 200, 200, 200]
    assert answers[0].json() == {"count": answers[0].json()["count"]}
    assert [a.json()["observations"][0]["outcome"] for a in answers[2:]] == ["retry", "retry"]
    if with_state:
        assert state_file.is_file(), out
        assert "state written" in out
