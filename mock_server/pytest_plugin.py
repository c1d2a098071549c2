"""A pytest plugin for downstream projects: installing this package registers it.

Fixtures:

- ``mock_server_url``: base URL of a live mock server on a free loopback port, started once
  per test session and reset to ``mock_seed`` before each test.
- ``mock_admin``: the generated admin client (``mock_admin_client``) for that server: move
  the clock, add faults, seed more data.
- ``preservica_api``, ``monitor_server_api``, ``aepublish_api``: wrapper clients logged in
  as the demo user / account, pointed at the live server.
- ``mock_respx``: no socket at all: a respx router that sends every request for
  ``MOCK_INPROCESS_URL`` to an in-process mock app; ``mock_inprocess_app`` is that app
  (its state is ``mock_inprocess_app.mock_state``).
- ``mock_seed``: the seed document each test starts from (the demo data set); override it
  in your conftest.py to start from your own.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from mock_server.core.seed import DEMO_SEED, read_seed_file

MOCK_INPROCESS_URL = "http://mock-server.invalid"
_STARTUP_SECONDS = 30


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_healthy(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + _STARTUP_SECONDS
    while True:
        try:
            httpx.get(f"{url}/_mock/health", timeout=1).raise_for_status()
            return
        except httpx.HTTPError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(f"the mock server did not come up at {url}") from None
            time.sleep(0.05)


@pytest.fixture(scope="session")
def mock_server_process() -> Iterator[str]:
    """Start ``python -m mock_server`` once for the session; yields its base URL."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mock_server",
            "--port",
            str(port),
            "--empty",
            "--log-level",
            "warning",
        ]
    )
    url = f"http://127.0.0.1:{port}"
    _wait_until_healthy(url, server)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def mock_seed() -> dict[str, Any]:
    """The seed document every test starts from. Override to start from your own data."""
    return read_seed_file(DEMO_SEED)


@pytest.fixture
def mock_server_url(mock_server_process: str, mock_seed: dict[str, Any]) -> str:
    """The live server, reset and seeded with ``mock_seed`` for this test."""
    from mock_admin_client import Client
    from mock_admin_client.api.admin import load_seed, reset
    from mock_admin_client.models import SeedDocument

    with Client(base_url=mock_server_process, raise_on_unexpected_status=True) as admin:
        reset.sync_detailed(client=admin)
        load_seed.sync_detailed(client=admin, body=SeedDocument.from_dict(mock_seed))
    return mock_server_process


@pytest.fixture
def mock_admin(mock_server_url: str):
    """The generated admin client of the live server (``mock_admin_client.Client``)."""
    from mock_admin_client import Client

    with Client(base_url=mock_server_url, raise_on_unexpected_status=True) as client:
        yield client


@pytest.fixture
def preservica_api(mock_server_url: str):
    """``wrappers.preservica.MonitorAPI`` logged in as the demo user test/test (TEST)."""
    from wrappers.preservica import MonitorAPI

    server = mock_server_url.removeprefix("http://")
    with MonitorAPI("test", "test", "TEST", server=server, protocol="http") as api:
        yield api


@pytest.fixture
def monitor_server_api(mock_server_url: str):
    """``wrappers.monitor_server.MonitorServerClient`` for the live server."""
    from wrappers.monitor_server import MonitorServerClient

    with MonitorServerClient(mock_server_url) as client:
        yield client


@pytest.fixture
def aepublish_api(mock_server_url: str):
    """``wrappers.aepublish.AepublishClient`` with the demo key pair (account "2")."""
    from wrappers.aepublish import AepublishClient

    with AepublishClient(
        mock_server_url, access_key_id="demo-key", secret_key="demo-secret"
    ) as client:
        yield client


@pytest.fixture
def mock_inprocess_app(mock_seed: dict[str, Any]):
    """A fresh in-process mock app seeded with ``mock_seed`` (state: ``.mock_state``)."""
    from mock_server import MockConfig, create_app

    app = create_app(MockConfig(empty=True))
    app.mock_state.load_seed(mock_seed)
    return app


@pytest.fixture
def mock_respx(mock_inprocess_app):
    """A respx router sending every request for ``MOCK_INPROCESS_URL`` to the in-process app.

    Point any wrapper (sync or async) at ``MOCK_INPROCESS_URL``; no socket is opened.
    """
    import respx
    from starlette.testclient import TestClient

    # TestClient drives the ASGI app from synchronous code (on its own event loop thread),
    # which is what a respx side effect is.
    with (
        TestClient(mock_inprocess_app, base_url=MOCK_INPROCESS_URL) as bridge,
        respx.mock(base_url=MOCK_INPROCESS_URL, assert_all_called=False) as router,
    ):
        router.route().mock(side_effect=lambda request: _forward(bridge, request))
        yield router


def _forward(bridge, request: httpx.Request) -> httpx.Response:
    answer = bridge.request(
        request.method,
        request.url.raw_path.decode(),
        headers=request.headers,
        content=request.content,
    )
    return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)
