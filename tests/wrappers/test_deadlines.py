"""Over real sockets, a server that misbehaves: the clients give up in time and raise typed
errors, in both forms.

``misbehaving_server`` is a small HTTP/1.1 server on a loopback port, run by a thread of
this test process; each request it reads gets the next answer of its script (the last one
repeats): drip a body or the headers a byte at a time, never answer, cut a body short,
answer HTML, answer 503 with ``Retry-After``, close the connection. ``timeout`` is the
deadline of a whole call, so each wait is checked against it: not much longer (the call
gives up in time), and not much shorter (it did wait for the server).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from wrappers.aepublish import AepublishClient, AsyncAepublishClient
from wrappers.errors import DeadlineExceededError, ServerError, UnexpectedResponseError
from wrappers.monitor_server import AsyncMonitorServerClient, MonitorServerClient
from wrappers.preservica import AsyncMonitorAPI, MonitorAPI

#: How much later than its timeout a call may give up: scheduling on a loaded machine.
SLACK = 0.75
COUNT = json.dumps({"count": 5}).encode()

Answer = Callable[[socket.socket], bool]  # writes an answer; True: the connection stays open


def head(status: str, content_type: str = "application/json", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def complete(status: str, body: bytes, content_type: str = "application/json", **headers: str):
    def answer(conn: socket.socket) -> bool:
        extra = {"Content_Length": str(len(body)), **headers}
        conn.sendall(head(status, content_type, **extra) + body)
        return True

    return answer


def drip_body(conn: socket.socket) -> bool:
    """A 200 whose body comes a byte every 0.1 s, never all of it."""
    conn.sendall(head("200 OK", Content_Length="100000"))
    for _ in range(600):
        conn.sendall(b" ")
        time.sleep(0.1)
    return False


def drip_headers(conn: socket.socket) -> bool:
    """The status line and headers a byte every 0.1 s, never their end."""
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: " + b"x" * 600:
        conn.sendall(bytes([byte]))
        time.sleep(0.1)
    return False


def silent(conn: socket.socket) -> bool:
    """Read the request, never answer."""
    time.sleep(60)
    return False


def cut_short(conn: socket.socket) -> bool:
    """A 200 that promises 100 bytes, sends a part of its JSON, then closes."""
    conn.sendall(head("200 OK", Content_Length="100") + b'{"count": ')
    return False


def hang_up(conn: socket.socket) -> bool:
    """Close the connection without answering."""
    return False


class MisbehavingServer:
    """A loopback HTTP server answering each request with the next answer of ``script``."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.script: list[Answer] = [complete("200 OK", COUNT)]
        self.requests: list[bytes] = []
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def play(self, *answers: Answer) -> None:
        self.script = list(answers)

    def _next(self) -> Answer:
        with self._lock:
            return self.script.pop(0) if len(self.script) > 1 else self.script[0]

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            self._open.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        buffer = b""
        try:
            while True:
                while b"\r\n\r\n" not in buffer:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                request, _, buffer = buffer.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in request.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    ),
                    0,
                )
                while len(buffer) < length:
                    buffer += conn.recv(65536)
                body, buffer = buffer[:length], buffer[length:]
                self.requests.append(request.split(b"\r\n")[0] + b" " + body)
                if not self._next()(conn):
                    return
        except OSError:
            return  # the client gave up and closed its end
        finally:
            conn.close()

    def close(self) -> None:
        self._listener.close()
        for conn in self._open:
            with contextlib.suppress(OSError):  # already closed by its handler
                conn.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def server() -> Iterator[MisbehavingServer]:
    served = MisbehavingServer()
    yield served
    served.close()


async def count(url: str, form: str, **settings: Any) -> int:
    """``count_sessions()`` of a monitor-server client of ``form`` (sync or async)."""
    if form == "sync":
        with MonitorServerClient(url, **settings) as client:
            return client.count_sessions()
    async with AsyncMonitorServerClient(url, **settings) as client:
        return await client.count_sessions()


def timed(seconds: float) -> Callable[[float], None]:
    def check(elapsed: float) -> None:
        assert seconds * 0.9 <= elapsed <= seconds + SLACK, f"gave up after {elapsed:.2f} s"

    return check


FORMS = ["sync", "async"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("answer", [drip_body, drip_headers, silent], ids=lambda a: a.__name__)
async def test_a_server_that_drips_or_stalls_is_given_up_at_the_deadline(server, form, answer):
    server.play(answer)
    started = time.monotonic()
    with pytest.raises(DeadlineExceededError) as raised:
        await count(server.url, form, timeout=1.0)
    timed(1.0)(time.monotonic() - started)
    assert raised.value.timeout == 1.0
    assert isinstance(raised.value, httpx.TimeoutException)  # as httpx's own timeouts


@pytest.mark.parametrize("form", FORMS)
async def test_the_deadline_covers_the_retries_and_their_waits(server, form):
    # Two answers asking to retry (at once, then after a backoff), then a drip: every wait
    # and the slow body count against the one deadline of the call.
    retry = complete("503 Service Unavailable", b"busy", "text/plain")
    server.play(complete("503 Service Unavailable", b"", Retry_After="0"), retry, drip_body)
    started = time.monotonic()
    with pytest.raises(DeadlineExceededError):
        await count(server.url, form, timeout=1.5, attempts=5)
    timed(1.5)(time.monotonic() - started)
    assert len(server.requests) == 3


@pytest.mark.parametrize("form", FORMS)
async def test_every_api_holds_its_deadline(server, form):
    server.play(drip_body)
    server_name = server.url.removeprefix("http://")
    if form == "sync":
        clients: list[Any] = [
            (MonitorAPI("u", "p", "T", server_name, "http", timeout=0.6), "monitors"),
            (AepublishClient(server.url, aims_token="t", timeout=0.6), "authenticate"),
        ]
    else:
        clients = [
            (AsyncMonitorAPI("u", "p", "T", server_name, "http", timeout=0.6), "monitors"),
            (AsyncAepublishClient(server.url, aims_token="t", timeout=0.6), "authenticate"),
        ]
    for client, method in clients:
        started = time.monotonic()
        with pytest.raises(DeadlineExceededError):
            result = getattr(client, method)()
            if hasattr(result, "__aiter__"):  # monitors() of the async client
                [item async for item in result]
            elif hasattr(result, "__await__"):  # authenticate() of the async client
                await result
            elif hasattr(result, "__next__"):  # monitors() of the sync client
                list(result)
        timed(0.6)(time.monotonic() - started)
        closing = client.close() if form == "sync" else client.aclose()
        if closing is not None:
            await closing


@pytest.mark.parametrize("form", FORMS)
async def test_a_body_cut_short_is_tried_again_then_a_typed_error(server, form):
    server.play(cut_short)
    with pytest.raises(UnexpectedResponseError) as raised:
        await count(server.url, form, attempts=3)
    error = raised.value
    assert (error.status, error.incomplete) == (200, True)
    assert isinstance(error.__cause__, httpx.RemoteProtocolError)
    assert len(server.requests) == 3  # a GET may be repeated


@pytest.mark.parametrize("form", FORMS)
async def test_a_body_cut_short_then_whole_is_read(server, form):
    server.play(cut_short, complete("200 OK", COUNT))
    assert await count(server.url, form) == 5
    assert len(server.requests) == 2


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (complete("200 OK", b"<html><body>Welcome</body></html>", "text/html"), "count"),
        (complete("200 OK", b'{"count": 5', "application/json"), "count"),
        (complete("200 OK", b'{"total": 5}'), "count"),
        (complete("200 OK", b'{"count": "five"}'), "five"),
        (complete("200 OK", b"[5]"), "count"),
        (complete("202 Accepted", COUNT), "202"),
        (complete("204 No Content", b""), "204"),
        (complete("301 Moved Permanently", b"", Location="/elsewhere"), "301"),
    ],
    ids=["html", "truncated-json", "other-json", "wrong-type", "a-list", "202", "204", "301"],
)
async def test_a_success_off_the_spec_is_a_typed_error_not_retried(server, form, answer, reason):
    server.play(answer)
    with pytest.raises(UnexpectedResponseError, match=reason) as raised:
        await count(server.url, form)
    assert raised.value.status == int(raised.value.args[0].split()[1].rstrip(":"))
    assert not raised.value.incomplete
    assert len(server.requests) == 1


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("retry_after", ["1", "date"])
async def test_retry_after_is_waited_for_on_a_503(server, form, retry_after):
    if retry_after == "date":
        # An HTTP date has a resolution of one second: ask for the second after the next.
        when = time.time() + 2
        retry_after = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(when))
        expected = when - time.time() - 1
    else:
        expected = 1.0
    server.play(
        complete("503 Service Unavailable", b"", Retry_After=retry_after), complete("200 OK", COUNT)
    )
    started = time.monotonic()
    assert await count(server.url, form, timeout=5) == 5
    elapsed = time.monotonic() - started
    assert expected * 0.9 <= elapsed <= expected + 1 + SLACK
    assert len(server.requests) == 2


@pytest.mark.parametrize("form", FORMS)
async def test_a_retry_after_past_the_deadline_is_not_waited_for(server, form):
    server.play(complete("503 Service Unavailable", b"", Retry_After="30"))
    started = time.monotonic()
    with pytest.raises(ServerError) as raised:
        await count(server.url, form, timeout=2)
    assert time.monotonic() - started < 1
    assert (raised.value.status, raised.value.retry_after) == (503, 30.0)
    assert len(server.requests) == 1


@pytest.mark.parametrize("form", FORMS)
async def test_a_connection_closed_unanswered_is_retried_for_a_get(server, form):
    server.play(hang_up, hang_up, complete("200 OK", COUNT))
    assert await count(server.url, form) == 5
    assert len(server.requests) == 3


@pytest.mark.parametrize("form", FORMS)
async def test_a_create_is_sent_once_whatever_happens(server, form):
    server.play(hang_up)
    settings: dict[str, Any] = {"attempts": 5}
    with pytest.raises(httpx.TransportError):
        if form == "sync":
            with MonitorServerClient(server.url, **settings) as client:
                client.create_session("2bdcf62f", "2024-05-13T09:12:44")
        else:
            async with AsyncMonitorServerClient(server.url, **settings) as client:
                await client.create_session("2bdcf62f", "2024-05-13T09:12:44")
    assert len(server.requests) == 1
    assert server.requests[0].startswith(b"POST /api/v1/sessions/ HTTP/1.1 {")


async def test_a_blocking_client_gives_up_in_time_inside_a_running_event_loop(server):
    # A sync client called from async code blocks its thread, as any blocking call does,
    # and still holds its deadline (no event loop is used by it).
    server.play(drip_body)
    started = time.monotonic()
    with (
        pytest.raises(DeadlineExceededError),
        MonitorServerClient(server.url, timeout=0.8) as client,
    ):
        client.count_sessions()
    timed(0.8)(time.monotonic() - started)
    assert asyncio.get_running_loop().is_running()
