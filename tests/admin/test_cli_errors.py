"""What a user gets wrong on the command line is one line on stderr, no traceback; the
banner comes once the socket listens and names the port it got."""

from __future__ import annotations

import re
import socket
import subprocess
import sys

import httpx
import pytest

from mock_server.cli import parse_args


@pytest.mark.parametrize(
    ("port", "message"),
    [
        ("65536", "argument --port: 65536 is not a port (0 to 65535; 0: a free one)"),
        ("-1", "argument --port: -1 is not a port (0 to 65535; 0: a free one)"),
        ("http", "argument --port: not a port number: 'http'"),
    ],
)
def test_the_port_is_checked(port, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["--port", port])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().endswith(f"mock-server: error: {message}")


@pytest.mark.parametrize("port", ["0", "65535"])
def test_the_ends_of_the_range_are_ports(port):
    assert parse_args(["--port", port]).port == int(port)


def mock_server(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mock_server", "--log-level", "warning", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_port_0_takes_a_free_port_and_the_banner_names_it():
    server = mock_server("--port", "0", "--empty")
    try:
        banner = server.stdout.readline()
        found = re.fullmatch(
            r"mock server: listening on (http://127\.0\.0\.1:(\d+)) "
            r"\(Swagger UI: \1/_docs/<api>/\)\n",
            banner,
        )
        assert found, banner
        assert int(found.group(2)) > 0
        # Printed once the socket listens: the first request is answered, no retrying.
        assert httpx.get(f"{found.group(1)}/_mock/health", timeout=30).json() == {"status": "ok"}
    finally:
        server.terminate()
        server.communicate(timeout=10)


def test_an_address_in_use_is_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = mock_server("--port", str(port), "--empty")
        out, err = server.communicate(timeout=60)
    assert server.returncode == 1
    assert err.splitlines() == [
        f"mock-server: cannot listen on 127.0.0.1:{port}: Address already in use"
    ]
    assert out == ""  # no banner: nothing listens


def test_refused_seed_and_state_files_are_one_line_each(tmp_path):
    # Each kind of refusal is in tests/core/test_seed.py; here, that the CLI ends with it
    # as one line on stderr and exit 2, whichever flag named the file.
    files = {
        "schema.yaml": "preservica:\n  users:\n    - {username: a}\n",
        "refused.yaml": "preservica:\n  users:\n"
        "    - {username: a, password: b}\n    - {username: a, password: c}\n",
        "broken.json": '{"preservica": [}',
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    runs = {
        "schema.yaml": mock_server("--port", "0", "--seed", str(tmp_path / "schema.yaml")),
        "broken.json": mock_server("--port", "0", "--seed", str(tmp_path / "broken.json")),
        "state": mock_server("--port", "0", "--state", str(tmp_path / "refused.yaml")),
    }
    errors = {}
    for name, server in runs.items():
        out, err = server.communicate(timeout=120)
        assert server.returncode == 2, (name, out, err)
        assert out == "" and "Traceback" not in err
        errors[name] = err.splitlines()
    assert errors == {
        "schema.yaml": [
            f"mock-server: {tmp_path}/schema.yaml:3:7: preservica.users[0]: "
            "'password' is a required property"
        ],
        "broken.json": [f"mock-server: {tmp_path}/broken.json:1:17: Expecting value"],
        "state": [
            f"mock-server: {tmp_path}/refused.yaml:3:5: preservica.users: "
            "user ('TEST', 'a') appears twice"
        ],
    }
