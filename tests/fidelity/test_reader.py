"""The real reader, monitor_api's ``Monitor``, gets the same results from both servers.

Both servers are given the same data, then ``reader_probe.py`` (run by .venv-peer's
interpreter, where monitor_api lives) calls every public method of ``Monitor`` against
each, and the results are compared call by call; for a call that raises on both, the
exception types.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.fidelity.servers import API, PEER
from tests.fidelity.twin import Twin
from tests.fidelity.wire import json_request

PROBE = str(Path(__file__).with_name("reader_probe.py"))
S1, S2, S3, S4 = "0041724fab", "0041724fcd", "a_b", "B9"


def session(h, run_date, scm_ref, description):
    body = {"session_h": h, "run_date": run_date, "scm_ref": scm_ref, "description": description}
    return json_request("POST", f"{API}/sessions/", body)


def context(h, **changes):
    body = {
        "h": h,
        "cpu_count": 8,
        "cpu_frequency": 2400,
        "cpu_type": "x86_64",
        "cpu_vendor": "GenuineIntel",
        "ram_total": 16384,
        "machine_node": "ci-runner-1",
        "machine_type": "x86_64",
        "machine_arch": "64bit",
        "system_info": "Linux - 6.1.0-18-amd64",
        "python_info": "3.11.7 (main, Dec  8 2023, 14:22:46) [GCC 12.2.0]",
        **changes,
    }
    return json_request("POST", f"{API}/contexts/", body)


def metric(session_h, context_h, item, variant, kind, component, times):
    total, user, kernel, cpu, mem = times
    body = {
        "session_h": session_h,
        "context_h": context_h,
        "item_start_time": "2024-05-13T10:00:41.123456",
        "item_path": "tests.test_x",
        "item": item,
        "item_variant": variant,
        "item_fs_loc": "tests/test_x.py",
        "kind": kind,
        "component": component,
        "total_time": total,
        "user_time": user,
        "kernel_time": kernel,
        "cpu_usage": cpu,
        "mem_usage": mem,
    }
    return json_request("POST", f"{API}/metrics/", body)


DATA = [
    session(
        S1,
        "2024-05-13T10:00:40",
        "a1b2c3d",
        {"pipeline_branch": "main", "numpy": "1.26", "pipeline_build_no": "12"},
    ),
    session(
        S2, "2024-05-14T10:00:40", "a1b2c3d", {"pipeline_branch": "main", "pipeline_build_no": "13"}
    ),
    session(
        S3,
        "2024-05-15T08:00:00",
        "ffee",
        {"pipeline_branch": "dev", "flag": True, "pipeline_build_no": "1"},
    ),
    session(S4, "2024-05-16T08:00:00", "a1b2", {}),
    context("e918"),
    context("e919", cpu_vendor="AuthenticAMD", ram_total=2048),
    metric(S1, "e918", "test_a", "test_a[1]", "function", "core", (1.5, 1.0, 0.5, 0.9, 20.0)),
    metric(S1, "e918", "test_a", "test_a[2]", "function", "core", (2.5, 2.0, 0.5, 0.8, 20.0)),
    metric(S2, "e919", "test_b", "test_b", "function", "", (0.5, 0.25, 0.25, 1.0, 10.0)),
    metric(S2, "e919", "test_x", "test_x", "module", "api", (3.0, 2.0, 1.0, 0.7, 30.0)),
    metric(S3, "e918", "test_a", "test_a[1]", "function", "core", (1.5, 1.0, 0.5, 0.9, 25.0)),
    metric(S4, "e919", "test_b", "test_b", "function", "", (0.75, 0.5, 0.25, 0.6, 10.0)),
]


def e(name):
    return {"enum": name}


def calls():
    """Every public method of Monitor, with arguments that find something and that do not."""
    table = [
        ("count_components", [], {}),
        ("list_components", [], {}),
        ("list_component_pipelines", ["core"], {}),
        ("list_component_pipelines", ["nope"], {}),
        ("list_component_pipeline_builds", ["core", "main"], {}),
        ("list_component_pipeline_builds", ["", "main"], {}),
        ("list_component_metrics", [], {}),
        ("list_component_metrics", ["core"], {}),
        ("count_contexts", [], {}),
        ("list_contexts", [], {}),
        ("get_context", ["e918"], {}),
        ("get_context", ["zz"], {}),
        ("list_context_metrics", ["e918"], {}),
        ("count_metrics", [], {}),
        ("count_metrics", [], {"session_h": S1}),
        ("count_metrics", [], {"context_h": "e919"}),
        ("count_metrics", [], {"scm_ref": "a1b2"}),
        ("list_item_metrics", ["test_a"], {}),
        ("list_metrics", [], {}),
        ("list_metrics_by_type", [e("MetricScope.FUNCTION")], {}),
        ("list_metrics_by_type", [e("MetricScope.MODULE")], {}),
        ("list_metrics_by_type", [e("MetricScope.PACKAGE")], {}),
        ("list_metrics_by_scm_id", ["a1b2c3d"], {}),
        ("list_metrics_by_scm_id", ["nope"], {}),
        ("list_metrics_from_pattern", [], {"item": "test_"}),
        ("list_metrics_from_pattern", [], {"variant": "a["}),
        ("list_metrics_from_pattern", [], {}),
        ("list_metrics_of_variant", ["test_a[1]"], {}),
        ("list_metrics_of_variant", ["test_a[1]"], {"component": "core"}),
        ("count_sessions", [], {}),
        ("list_sessions", [], {}),
        (
            "list_sessions",
            [],
            {"with_tags": "pipeline_branch", "restrict_flags": "main", "method": "match_all"},
        ),
        ("list_sessions", [], {"with_tags": ["pipeline_branch", "flag"]}),
        ("list_session_metrics", [S1], {}),
        ("get_session", [S1], {}),
        ("get_session", ["nope"], {}),
        ("list_pipelines", [], {}),
        ("list_pipeline_builds", ["main"], {}),
        ("list_build_sessions", ["main", "12"], {}),
    ]
    resources = ["TOTAL_TIME", "USER_TIME", "KERNEL_TIME", "CPU", "MEMORY"]
    for resource in resources:
        for method in ("TOP", "LOWEST"):
            how = [e(f"ResourceType.{resource}"), e(f"ResourceMethod.{method}")]
            table += [
                ("list_metrics_resources", how, {"max_element": 3}),
                ("list_metrics_resources_from_component", ["core", *how], {}),
                ("list_metrics_resources_from_pipeline", ["main", *how], {"max_element": 2}),
                ("list_metrics_resources_from_build", ["main", "12", *how], {}),
            ]
    sessions = next(i for i, c in enumerate(table) if c[0] == "list_sessions")
    metrics = next(i for i, c in enumerate(table) if c[0] == "list_metrics")
    table += [
        ("list_metrics_from", [], {"sessions": {"result": sessions}}),
        ("list_metrics_from", [], {}),
        ("list_sessions_from", [{"result": metrics}], {}),
        ("list_contexts_from", [{"result": metrics}], {}),
    ]
    return table


def clip(result: dict, limit: int = 600) -> str:
    text = json.dumps(result, sort_keys=True)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def probe(server, calls_file) -> list[dict]:
    python = PEER / "bin" / "python"
    if not python.exists():
        pytest.fail(f"{python} is missing: run `make fidelity`", pytrace=False)
    done = subprocess.run(
        [str(python), PROBE, f"{server.origin}{API}", str(calls_file)],
        capture_output=True,
        text=True,
        timeout=120,
        # list_metrics_from walks a set of hashes: the same seed, the same order on both.
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    if done.returncode != 0:
        pytest.fail(f"the reader probe failed on the {server.name} server:\n{done.stderr}")
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.parametrize("data", [[], DATA], ids=["empty", "data"])
def test_the_real_reader_reads_the_same_from_both(servers, tmp_path, data):
    real, mock = servers
    # The loading itself may differ on the wire (the other tests say how); what counts here
    # is that both stored the records and what the reader makes of them.
    twin = Twin(real, mock, on_difference=lambda exchange, why: None)
    twin.reset()
    twin.run(data)
    stored = [ex for ex in twin.transcript if ex.real.status != 201 or ex.mock.status != 201]
    if stored:
        pytest.fail(f"both servers must store the data set:\n{twin.report()}", pytrace=False)
    table = calls()
    calls_file = tmp_path / "calls.json"
    calls_file.write_text(json.dumps(table))
    from_real, from_mock = probe(real, calls_file), probe(mock, calls_file)
    differing = [
        f"{method}(*{args}, **{kwargs})\n    real: {clip(r)}\n    mock: {clip(m)}"
        for (method, args, kwargs), r, m in zip(table, from_real, from_mock, strict=True)
        if r != m
    ]
    if differing:
        report = "\n".join(differing)
        pytest.fail(
            f"{len(differing)} of {len(table)} reader calls differ:\n{report}", pytrace=False
        )
