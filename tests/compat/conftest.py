"""A live mock server for the vendors' clients: started once, reset before each test.

This suite runs in .venv-compat (the vendors' pins); the server runs from our own venv,
whose interpreter `make compat` passes in MOCK_PYTHON.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def mock_url():
    port = _free_port()
    python = os.environ.get("MOCK_PYTHON", str(ROOT / ".venv" / "bin" / "python"))
    server = subprocess.Popen(
        [python, "-m", "mock_server", "--port", str(port), "--empty", "--log-level", "warning"],
        cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(f"{url}/_mock/health", timeout=1).raise_for_status()
            break
        except requests.RequestException:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("the mock server did not come up", pytrace=False)
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(timeout=10)


class Admin:
    """The mock's admin API, in plain requests (this venv has none of our packages)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def _call(self, method: str, path: str, **kwargs):
        response = requests.request(method, f"{self.url}/_mock{path}", timeout=10, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    def seed(self, document: dict) -> dict:
        return self._call("POST", "/seed", json=document)

    def advance_clock(self, seconds: float) -> dict:
        return self._call("POST", "/clock", json={"advance": seconds})

    def add_fault(self, fault: dict) -> dict:
        return self._call("POST", "/aepublish/faults", json=fault)

    def add_definition(self, definition: dict) -> dict:
        return self._call("POST", "/aepublish/definitions", json=definition)


@pytest.fixture
def admin(mock_url) -> Admin:
    admin = Admin(mock_url)
    admin._call("POST", "/reset")
    return admin


@pytest.fixture
def python_bin() -> str:
    return sys.executable
