"""What a request may be before anything parses it (``mock_server._connexion.limits``): a
request beyond a limit is refused at once, and the one event loop stays free."""

from __future__ import annotations

import asyncio
import gc
import json
import time

import pytest

from mock_server._connexion.limits import (
    MAX_HEADER_BYTES,
    MAX_HEADERS,
    MAX_QUERY_PARAMETERS,
    MAX_TARGET,
)
from tests.hostile.wire import seeded_app, send
from tests.live import live_server

APP = seeded_app(max_body=1000)
JSON = [(b"content-type", b"application/json")]


def query(count: int, value: str = "x") -> bytes:
    return "&".join(f"p{n}={value}" for n in range(count)).encode()


async def test_a_body_beyond_max_body_is_a_413_before_it_is_read():
    body = b'{"advance": 5}' + b" " * 1000
    answer = await send(APP, "POST", "/_mock/clock", headers=JSON, body=body)
    assert answer.status == 413
    assert answer.headers["content-type"] == "application/problem+json"
    assert b"--max-body" in answer.body
    assert (
        APP.mock_state.clock.now()
        == json.loads((await send(APP, "GET", "/_mock/clock")).body)["now"]
    )


async def test_a_chunked_body_beyond_max_body_is_a_413():
    answer = await send(APP, "POST", "/_mock/clock", headers=JSON, body=b" " * 2000, chunks=5)
    assert answer.status == 413


async def test_a_chunked_body_within_max_body_is_read():
    app = seeded_app(max_body=1000)
    answer = await send(app, "POST", "/_mock/clock", headers=JSON, body=b'{"advance": 5}', chunks=3)
    assert answer.status == 200, answer.body


async def test_a_body_within_max_body_is_read():
    app = seeded_app(max_body=1000)
    answer = await send(app, "POST", "/_mock/clock", headers=JSON, body=b'{"advance": 5}')
    assert answer.status == 200


@pytest.mark.parametrize("length", [b"-1", b"12x", b"", b"1e3"])
async def test_a_content_length_that_is_not_a_number_is_a_400(length):
    answer = await send(
        APP, "POST", "/_mock/clock", headers=[*JSON, (b"content-length", length)], body=b"{}"
    )
    assert answer.status == 400


async def test_a_request_target_beyond_the_limit_is_a_414():
    long_path = "/api/v1/sessions/" + "a" * MAX_TARGET
    assert (await send(APP, "GET", long_path)).status == 414
    assert (await send(APP, "GET", "/_mock/health", query=b"x=" + b"y" * MAX_TARGET)).status == 414


async def test_a_query_beyond_the_parameter_limit_is_a_414():
    answer = await send(APP, "GET", "/api/v1/sessions/", query=query(MAX_QUERY_PARAMETERS + 1))
    assert answer.status == 414
    assert str(MAX_QUERY_PARAMETERS).encode() in answer.body


async def test_a_query_at_the_parameter_limit_is_answered_quickly():
    # Timed alone: not building the app (its first request) nor a collection of whatever
    # garbage earlier tests in this process left.
    await send(APP, "GET", "/api/v1/sessions/", query=query(1))
    gc.collect()
    began = time.process_time()
    answer = await send(APP, "GET", "/api/v1/sessions/", query=query(MAX_QUERY_PARAMETERS))
    assert answer.status < 500
    assert time.process_time() - began < 0.1


async def test_too_many_header_fields_is_a_431():
    many = [(f"x-h{n}".encode(), b"v") for n in range(MAX_HEADERS + 1)]
    assert (await send(APP, "GET", "/_mock/health", headers=many)).status == 431
    big = [(b"x-big", b"v" * MAX_HEADER_BYTES)]
    assert (await send(APP, "GET", "/_mock/health", headers=big)).status == 431


# --- a live server: the event loop stays free --------------------------------------------------


async def _exchange(port: int, request: bytes) -> tuple[float, bytes]:
    """Send ``request`` on a new connection: (seconds until the status line, status line)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    began = time.perf_counter()
    writer.write(request)
    await writer.drain()
    status_line = await reader.readline()
    elapsed = time.perf_counter() - began
    writer.close()
    return elapsed, status_line


def test_health_answers_within_100_ms_while_a_64_kb_query_is_served():
    hostile = query(8000)  # about 64 KB: 11 s of connexion's query parsing without the limit
    assert len(hostile) > 60_000
    with live_server("--empty") as server:
        port = int(server.url.rsplit(":", 1)[1])

        async def scenario() -> tuple[list[tuple[float, bytes]], tuple[float, bytes]]:
            requests = [
                asyncio.create_task(
                    _exchange(
                        port,
                        b"GET /api/v1/sessions/?" + hostile + b" HTTP/1.1\r\nHost: mock\r\n\r\n",
                    )
                )
                for _ in range(3)
            ]
            await asyncio.sleep(0.05)  # the hostile requests are in
            health = await _exchange(port, b"GET /_mock/health HTTP/1.1\r\nHost: mock\r\n\r\n")
            return await asyncio.gather(*requests), health

        hostile_answers, (seconds, status_line) = asyncio.run(scenario())
    assert status_line.startswith(b"HTTP/1.1 200"), status_line
    assert seconds < 0.1, f"/_mock/health took {seconds:.3f} s"
    assert all(line.startswith(b"HTTP/1.1 414") for _, line in hostile_answers), hostile_answers


def test_max_body_is_a_flag():
    from mock_server.cli import config_from, parse_args

    assert config_from(parse_args([])).max_body == 16 * 1024 * 1024
    assert config_from(parse_args(["--max-body", "100"])).max_body == 100
    with pytest.raises(SystemExit):
        parse_args(["--max-body", "-1"])


def test_a_live_server_refuses_a_body_beyond_max_body_before_reading_it():
    with live_server("--empty", "--max-body", "100") as server:
        port = int(server.url.rsplit(":", 1)[1])

        async def scenario() -> bytes:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            # Announces 10 MB and sends none of it: the answer must not wait for the body.
            writer.write(
                b"POST /_mock/clock HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\n"
                b"Content-Length: 10000000\r\n\r\n"
            )
            await writer.drain()
            status_line = await asyncio.wait_for(reader.readline(), timeout=5)
            writer.close()
            return status_line

        assert asyncio.run(scenario()).startswith(b"HTTP/1.1 413")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("DELETE", "/_mock/aepublish/faults/"),  # redirected: starlette decoded the raw query
        ("GET", "/_mock/requests"),
        ("GET", "/api/v1/sessions/"),
        ("GET", "/api/v1/sessions"),  # the real server's redirect
        ("GET", "/api/processmonitor/monitors"),
    ],
)
@pytest.mark.parametrize("raw", [b"\x80", "name=ä&x=\udcff".encode("utf-8", "surrogateescape")])
async def test_a_query_beyond_ascii_is_read_as_its_percent_encoding(method, path, raw):
    escaped = b"".join(b"%%%02X" % byte if byte > 0x7F else bytes([byte]) for byte in raw)
    answer = await send(APP, method, path, query=raw)
    assert answer.status < 500, answer.body[:300]
    assert answer == await send(APP, method, path, query=escaped)
