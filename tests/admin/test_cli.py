"""The command line: flags parse as documented, and the server comes up and answers."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest

from mock_server.cli import config_from, parse_args


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
