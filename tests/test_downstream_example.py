"""The downstream-style example project passes using only the pytest plugin's fixtures (every
documented one, with ``filterwarnings = error`` and without pytest-asyncio), and its failing
demos show what the plugin adds to a failure report."""

from __future__ import annotations

import ast
import configparser
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "downstream"
DEMOS = "failing/demo_failures.py"


def run_example(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_the_example_project_passes_with_the_plugin_alone():
    run = run_example(str(EXAMPLE))
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    passed = re.search(r"(\d+) passed", run.stdout)
    assert passed and int(passed.group(1)) >= 20, run.stdout[-1000:]
    assert re.search(r"\d+ passed in [\d.]+s", run.stdout), run.stdout[-500:]  # nothing else


def test_the_example_project_is_as_strict_as_a_downstream_suite_gets():
    ini = configparser.ConfigParser()
    ini.read(EXAMPLE / "pytest.ini")
    assert ini["pytest"]["filterwarnings"].strip() == "error"
    assert "-p no:asyncio" in ini["pytest"]["addopts"]  # its async tests run on anyio


def documented_fixtures() -> set[str]:
    table = (ROOT / "docs" / "plugin.md").read_text().split("## Fixtures", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`(\w+)`", row.split("|")[1])}


def test_the_example_project_uses_every_documented_fixture():
    used = set()
    for source in EXAMPLE.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                used.update(argument.arg for argument in node.args.args)
                if any("fixture" in ast.unparse(d) for d in node.decorator_list):
                    used.add(node.name)  # an override uses it too
    documented = documented_fixtures()
    assert len(documented) >= 14, documented
    assert documented - used == set()


def test_a_failed_test_reports_its_journal_and_writes_its_artifacts(tmp_path):
    run = run_example(DEMOS, "--mock-artifacts", str(tmp_path))
    assert run.returncode == 1, run.stdout[-3000:] + run.stderr[-3000:]
    assert "1 failed, 1 passed" in run.stdout  # the off-contract test passes without strict
    section = run.stdout.split(" mock journal ", 1)[1]
    assert "GET /api/v1/sessions/count -> 503 (count_sessions" in section
    assert 'fault rule-1: {"status": 503' in section
    assert "POST /api/v1/sessions/ -> 201 (create_session" in section
    [failed] = tmp_path.iterdir()
    assert "test_a_failure_shows_the_last_requests" in failed.name
    journal = json.loads((failed / "journal.json").read_text())["requests"]
    # The 503 (Retry-After: 0) is retried by the wrapper, then the session is created.
    assert [(e["operation"], e["status"]) for e in journal] == [
        ("count_sessions", 503),
        ("count_sessions", 200),
        ("create_session", 201),
        ("count_sessions", 200),
    ]
    snapshot = json.loads((failed / "snapshot.json").read_text())
    hashes = [s["session_h"] for s in snapshot["monitor_server"]["sessions"]]
    assert "ab" * 20 in hashes


def test_mock_strict_fails_a_test_whose_requests_broke_the_contract():
    run = run_example(DEMOS, "--mock-strict")
    assert run.returncode == 1
    assert "2 failed" in run.stdout, run.stdout[-3000:]
    assert "--mock-strict: 1 request(s) broke the contract" in run.stdout
    assert "contract: Extra query parameter(s) colour not in spec" in run.stdout
