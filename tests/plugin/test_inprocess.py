"""The in-process transports: the app called directly, blocking or asyncio, with a cut
connection and a slow answer meeting the client as they would over a socket."""

from __future__ import annotations

import time

import httpx
import pytest

from mock_server import MockConfig, create_app
from mock_server.inprocess import AppLoop, AsyncInProcessTransport, InProcessTransport

BASE = "http://mock.test"


@pytest.fixture(scope="module")
def built():
    # One app for the module (building one takes a second): each test resets it.
    return create_app(MockConfig(apis=("admin", "monitor_server"), empty=True))


@pytest.fixture
def app(built):
    built.mock_state.reset()
    built.mock_state.journal.clear()
    return built


@pytest.fixture
def loop():
    own = AppLoop()
    yield own
    own.close()


def test_a_blocking_client_is_answered_on_the_loop_thread(app, loop):
    with httpx.Client(transport=InProcessTransport(app, loop), base_url=BASE) as client:
        created = client.post(
            "/api/v1/sessions/",
            json={
                "session_h": "ab" * 20,
                "run_date": "2025-01-01T00:00:00",
                "scm_ref": "x",
                "description": {},
            },
        )
        assert created.status_code == 201, created.text
        assert client.get("/api/v1/sessions/count").json() == {"count": 1}
    [entry, _] = app.mock_state.journal.query()["requests"]
    assert entry["operation"] == "create_session" and entry["body"].startswith('{"session_h"')


@pytest.mark.parametrize("when", ["before_response", "mid_body"])
def test_a_cut_connection_is_httpxs_remote_protocol_error(app, loop, state, when):
    state.faults.add({"match": {"operation": "count_sessions"}, "action": {"disconnect": when}})
    with (
        httpx.Client(transport=InProcessTransport(app, loop), base_url=BASE) as client,
        pytest.raises(httpx.RemoteProtocolError, match="the mock cut the connection"),
    ):
        client.get("/api/v1/sessions/count")


async def test_a_cut_connection_in_an_asyncio_client_too(app, state):
    state.faults.add({"match": {}, "action": {"disconnect": "before_response"}})
    transport = AsyncInProcessTransport(app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        with pytest.raises(httpx.RemoteProtocolError, match="the mock cut the connection"):
            await client.get("/api/v1/sessions/count")


def test_a_slow_answer_meets_the_clients_read_timeout(app, loop, state):
    state.faults.add({"match": {}, "action": {"latency": 5}})
    transport = InProcessTransport(app, loop)
    with httpx.Client(transport=transport, base_url=BASE, timeout=0.2) as client:
        began = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            client.get("/api/v1/sessions/count")
        assert time.monotonic() - began < 2
    state.faults.clear()
    with httpx.Client(transport=transport, base_url=BASE) as client:  # the loop goes on
        assert client.get("/api/v1/sessions/count").status_code == 200


async def test_a_blocking_client_inside_an_async_test(app, loop):
    # This thread runs an event loop already: the request goes to the loop thread.
    with httpx.Client(transport=InProcessTransport(app, loop), base_url=BASE) as client:
        assert client.get("/api/v1/sessions/count").json() == {"count": 0}
    assert loop._thread is not None and loop._thread.is_alive()


def test_closing_closes_every_loop_made(app):
    loop = AppLoop()
    with httpx.Client(transport=InProcessTransport(app, loop), base_url=BASE) as client:
        client.get("/api/v1/sessions/count")
    [own] = loop._loops
    loop.close()
    assert own.is_closed()
