"""The blocking side's sockets, held to the call's deadline.

httpx gives each connect, read and write its own timeout: a server that sends a byte of
its headers or body a second never lets one expire, and holds a blocking call for ever.
An asyncio call is stopped by cancellation at its deadline; a blocking one cannot be, so
here every socket operation's timeout is cut to the time left to the current call
(``deadline.current()``): the read that would outlive it ends then, with httpx's timeout
error, which the client reports as ``DeadlineExceededError``.

httpx has no public way to give its transport a network backend, so ``hold_to_deadlines``
wraps the one httpcore's pool was built with (``HTTPTransport._pool._network_backend``;
httpx is pinned to 0.28). ``tests/wrappers/test_deadlines.py`` fails if it stops working:
a server dripping its body over real sockets must not hold a call past its timeout.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable

import httpcore
import httpx

from wrappers._core import deadline


def _cut(timeout: float | None) -> float | None:
    """``timeout``, or less: no more than the current call has left."""
    left = deadline.remaining()
    if timeout is None:
        return None if left == float("inf") else left
    return min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _cut(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _cut(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, _cut(timeout)))

    def get_extra_info(self, info: str) -> object:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(host, port, _cut(timeout), local_address, socket_options)
        return _Stream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        return _Stream(self._backend.connect_unix_socket(path, _cut(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def hold_to_deadlines(client: httpx.Client) -> None:
    """Cut every socket timeout of ``client``'s httpx transports (its own and its proxies')
    to the current call's deadline. Other transports (a mock, WSGI) are left as they are."""
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:
        if isinstance(transport, httpx.HTTPTransport):
            pool = transport._pool
            backend = getattr(pool, "_network_backend", None)
            if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _Backend):
                pool._network_backend = _Backend(backend)
