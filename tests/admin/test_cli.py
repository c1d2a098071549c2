"""The command line: flags parse as documented, and the server comes up and answers."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
import yaml

from mock_server.cli import config_from, parse_args
from tests import live


def test_defaults_serve_every_api_on_loopback_8080():
    args = parse_args([])
    assert (args.host, args.port) == ("127.0.0.1", 8080)
    config = config_from(args)
    assert config.apis == ("admin", "preservica", "monitor_server", "aepublish")
    assert (config.page_size, config.max_batch, config.empty) == (500, 1000, False)
    assert config.fast_lane is True


def test_the_fast_lane_can_be_turned_off():
    assert config_from(parse_args(["--no-fast-lane"])).fast_lane is False


def test_api_subset_always_keeps_the_admin_api():
    config = config_from(parse_args(["--api", "aepublish", "--page-size", "7", "--empty"]))
    assert config.apis == ("admin", "aepublish")
    assert (config.page_size, config.empty) == (7, True)


@pytest.mark.parametrize(
    "argv",
    [
        ["--page-size", "0"],
        ["--api", "nope"],
        ["--seed", "/no/such/file.yaml"],
        ["--seed", "x", "--empty"],
    ],
)
def test_bad_flags_exit_with_usage(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse_args(argv)
    assert exit_info.value.code == 2
    assert "usage: mock-server" in capsys.readouterr().err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_answers_health_within_seconds():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mock_server", "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/_mock/health", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "no answer within 15 s"
                time.sleep(0.1)
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_strict_journal_size_and_state_flags(tmp_path):
    config = config_from(
        parse_args(["--strict", "--journal-size", "0", "--state", str(tmp_path / "s.json")])
    )
    assert (config.strict, config.journal_size) == (True, 0)
    assert config.state_file == tmp_path / "s.json"
    defaults = config_from(parse_args([]))
    assert (defaults.strict, defaults.journal_size, defaults.state_file) == (False, 10_000, None)
    with pytest.raises(SystemExit):
        parse_args(["--journal-size", "-1"])
    with pytest.raises(SystemExit):
        parse_args(["--state", str(tmp_path / "missing" / "s.json")])


@pytest.mark.parametrize(
    ("sig", "name"), [(signal.SIGTERM, "state.json"), (signal.SIGINT, "state.yaml")]
)
def test_state_is_written_on_a_clean_shutdown_and_loaded_at_start(tmp_path, sig, name):
    state_file = tmp_path / name
    session = {"session_h": "5e55" + "1" * 36, "run_date": "2025-02-03T04:05:06", "description": {}}
    first = live.start("--state", str(state_file))  # no file yet: the demo data
    try:
        httpx.post(f"{first.url}/_mock/clock", json={"now": 1_800_000_000, "frozen": True})
        created = httpx.post(f"{first.url}/api/v1/sessions/", json={**session, "scm_ref": None})
        assert created.status_code == 201, created.text
        before = httpx.get(f"{first.url}/_mock/snapshot").json()
    finally:
        out = first.stop(sig)
    assert "state written" in out, out
    assert state_file.is_file() and not list(tmp_path.glob(".*.tmp"))
    second = live.start("--state", str(state_file), "--empty")  # the file wins over --empty
    try:
        after = httpx.get(f"{second.url}/_mock/snapshot").json()
        found = httpx.get(f"{second.url}/api/v1/sessions/5e55").json()["sessions"]
    finally:
        second.stop()
    assert after == before
    assert [s["session_h"] for s in found] == [session["session_h"]]
    assert after["clock"] == {"now": 1_800_000_000, "frozen": True}


def test_snapshot_answers_yaml_when_asked(tmp_path):
    with live.live_server("--empty") as server:
        answer = httpx.get(f"{server.url}/_mock/snapshot", headers={"Accept": "application/yaml"})
        assert answer.headers["content-type"].startswith("application/yaml")
        document = yaml.safe_load(answer.text)
        assert document["preservica"] == {"users": [], "monitors": []}
        reloaded = httpx.post(f"{server.url}/_mock/seed", json=document)
        assert reloaded.status_code == 201, reloaded.text
