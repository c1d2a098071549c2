"""pytest-monitor 1.6.6 uploads a run to the mock; the seed endpoints read it back."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import requests

SAMPLE = Path(__file__).parent / "sample_suite"
SAMPLE_TESTS = {"test_sum", "test_join", "test_square"}


def run_monitored_suite(mock_url: str, tmp_path: Path) -> subprocess.CompletedProcess:
    # A copy outside the repository, so no conftest of ours is picked up.
    suite = shutil.copytree(SAMPLE, tmp_path / "suite")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-c",
            "/dev/null",  # the sample suite's own, empty configuration
            "--remote-server",
            f"{mock_url}/api/v1",
            "--db",
            str(tmp_path / "local.db"),
            "--tag",
            "numpy=1.26.4",
            str(suite),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


def test_a_monitored_run_is_readable_through_the_seed_endpoints(admin, mock_url, tmp_path):
    run = run_monitored_suite(mock_url, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    # pytest-monitor switches its upload off silently on any unexpected status.
    assert "Deactivating" not in run.stdout + run.stderr

    api = f"{mock_url}/api/v1"
    sessions = requests.get(f"{api}/sessions/", timeout=10).json()["sessions"]
    assert len(sessions) == 1
    session = sessions[0]
    assert {"name": "numpy", "value": "1.26.4"} in session["tags"]
    # As on the real server, only sessions with an SCM reference are counted (the sample
    # suite runs outside a git repository: pytest-monitor sends none).
    counted = 0 if session["scm_ref"] is None else 1
    assert requests.get(f"{api}/sessions/count", timeout=10).json() == {"count": counted}

    by_prefix = requests.get(f"{api}/sessions/{session['session_h'][:8]}", timeout=10).json()
    assert [s["session_h"] for s in by_prefix["sessions"]] == [session["session_h"]]

    metrics = requests.get(f"{api}/sessions/{session['session_h']}/metrics", timeout=10).json()
    items = [m["item"] for m in metrics["metrics"]]
    # One metric per test function; the parametrized one once per parameter.
    assert sorted(items) == sorted(["test_sum", "test_join", "test_square", "test_square"])
    count = requests.get(f"{api}/sessions/{session['session_h']}/metrics/count", timeout=10)
    assert count.json() == {"count": 4}

    context_h = metrics["metrics"][0]["context_h"]
    contexts = requests.get(f"{api}/contexts/{context_h}", timeout=10).json()["contexts"]
    assert contexts[0]["h"] == context_h
    assert contexts[0]["cpu_count"] >= 1
