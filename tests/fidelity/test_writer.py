"""The real writer, pytest-monitor, stores the same run on both servers.

The sample suite of ``tests/compat`` runs twice under pytest-monitor 1.6.6 (in
.venv-compat, where it lives), once uploading to the real server and once to the mock.
pytest-monitor switches its upload off at the first answer it does not expect, so both
runs must go through; then every listing of what it stored must read alike. What a run
measures (times, memory, when it started) and the session hash it derives from that differ
between two runs, so those values are set aside; everything else is compared as stored:
the execution context (the same machine: the same record, hash included), the session's
tags and SCM reference, each metric's item, variant, path, kind and component, in order.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.fidelity.servers import API, Server

ROOT = Path(__file__).parents[2]
COMPAT_PYTHON = ROOT / ".venv-compat" / "bin" / "python"
SAMPLE = ROOT / "tests" / "compat" / "sample_suite"
#: Measured by each run, so different between two runs.
MEASURED = {
    "session_h",
    "run_date",
    "item_start_time",
    "total_time",
    "user_time",
    "kernel_time",
    "cpu_usage",
    "mem_usage",
}

pytestmark = pytest.mark.skipif(
    not COMPAT_PYTHON.exists(), reason="pytest-monitor lives in .venv-compat (make compat)"
)


def monitored_run(server: Server, workdir: Path) -> str:
    """Run the sample suite under pytest-monitor uploading to ``server``; its output."""
    suite = shutil.copytree(SAMPLE, workdir / "suite")
    run = subprocess.run(
        [
            str(COMPAT_PYTHON),
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-c",
            "/dev/null",
            "--remote-server",
            f"{server.origin}{API}",
            "--db",
            str(workdir / "local.db"),
            "--tag",
            "numpy=1.26.4",
            "--tag",
            "pipeline_branch=main",
            str(suite),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=workdir,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout + run.stderr


def stored(server: Server) -> dict[str, Any]:
    """Every listing of what a run stored, measured values set aside."""

    def read(path: str) -> Any:
        answer = server.send("GET", f"{API}{path}")
        assert answer.status in (200, 204), (path, answer.status, answer.body[:300])
        return json.loads(answer.body) if answer.body else None

    sessions = read("/sessions/")
    session_h = sessions["sessions"][0]["session_h"]
    listings = {
        "sessions": _without_measures(sessions),
        "session count": read("/sessions/count"),
        "contexts": read("/contexts/"),
        "metrics": _without_measures(read("/metrics/")),
        "session metrics": _without_measures(read(f"/sessions/{session_h}/metrics")),
        "components": read("/components/"),
        "pipelines": read("/pipelines/"),
        "function metrics": _without_measures(read("/filters/scope/function/metrics")),
    }
    # The links of the session's metrics name its hash, which the run derived.
    return json.loads(json.dumps(listings).replace(session_h, "<session_h>"))


def _without_measures(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_measures(v) for k, v in value.items() if k not in MEASURED}
    if isinstance(value, list):
        return [_without_measures(item) for item in value]
    return value


def test_pytest_monitor_stores_the_same_run_on_both(servers, tmp_path):
    outputs = {}
    # One place for both runs: pytest-monitor stores each test file's path as seen from it.
    workdir = tmp_path / "run"
    for server in servers:
        server.empty()
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir()
        outputs[server.name] = monitored_run(server, workdir)
    for name, output in outputs.items():
        # On any answer it does not expect, pytest-monitor stops uploading, saying so.
        assert "Deactivating" not in output, (name, output)
    real, mock = (stored(server) for server in servers)
    assert real["metrics"]["metrics"], "the run stored no metric on the real server"
    assert mock == real
