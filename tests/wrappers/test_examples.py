"""The example scripts run against a live mock with the demo data, as their docstrings say."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "examples"


def run_example(name: str, *args: str, env: dict[str, str] | None = None) -> str:
    run = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return run.stdout


def test_the_monitor_server_example(mock_server_url):
    out = run_example("monitor_server_example.py", mock_server_url)
    assert "created session" in out
    assert "2d12604f646b  2025-06-14T10:40:03.771260" in out  # the demo's pipeline session
    assert "test_solve[float32]" in out
    assert "components: linalg, io; pipelines: ['main']" in out
    assert "4 sessions with an SCM reference" in out


def test_the_aepublish_example(mock_server_url):
    out = run_example("aepublish_example.py", mock_server_url)
    assert "logged in to account 2" in out
    assert [line.split()[1] for line in out.splitlines()[1:]] == [
        "success",
        "suppressed",
        "duplicate",
        "success",
        "error",
    ]


@pytest.mark.parametrize("script", ["preservica_seed_snippets.py"])
def test_the_preservica_snippets(mock_server_url, script):
    server = mock_server_url.removeprefix("http://")
    out = run_example(script, env={"PRESERVICA_SERVER": server})
    assert "== Monitors" in out
    assert "'MonitorId'" in out
