"""httpx transports that hand requests straight to an in-process mock app: no socket, no
server, no starlette ``TestClient``.

- ``AsyncInProcessTransport``: httpx's ``ASGITransport`` on the caller's event loop.
- ``InProcessTransport``: for blocking clients. A request is one coroutine run to its end
  on a private event loop (``AppLoop``): the calling thread's own, or, when that thread is
  inside a running loop already, one in a thread of its own; its whole answer is read
  there and returned.

Both turn a ``disconnect`` fault (the app's ``ConnectionCut``: in process there is no
socket to close) into ``httpx.RemoteProtocolError``, what httpx raises when a real server
hangs up, so client code meets the same exception over either.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx

T = TypeVar("T")

#: The client address the app sees (uvicorn would give the peer's).
CLIENT = ("127.0.0.1", 50000)


def _cut(error: BaseException) -> httpx.RemoteProtocolError | None:
    # By name, not by import: this module must not import connexion's layer to load.
    if type(error).__name__ == "ConnectionCut":
        return httpx.RemoteProtocolError(f"the mock cut the connection ({error})")
    return None


class AsyncInProcessTransport(httpx.ASGITransport):
    """``httpx.ASGITransport`` for the mock: the app's exceptions raised, a cut connection
    raised as httpx's ``RemoteProtocolError``."""

    def __init__(self, app: Any) -> None:
        super().__init__(app=app, raise_app_exceptions=True, client=CLIENT)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await super().handle_async_request(request)
        except Exception as error:
            cut = _cut(error)
            if cut is None:
                raise
            raise cut from error


class AppLoop:
    """Event loops for blocking callers of async code.

    A thread with no running event loop (a blocking test) runs the work on a loop of its
    own, on the thread itself: no handoff to another thread and back, which costs more than
    the request. A thread inside a running loop (a blocking client called from an async
    test) cannot: its work goes to a loop running in a daemon thread, started on first use.
    ``close`` closes every loop made (an unclosed loop warns when collected).
    """

    def __init__(self) -> None:
        self._local = threading.local()
        self._loops: list[asyncio.AbstractEventLoop] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        """``work``'s result (``work`` holds its own timeout, as it runs on either)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return self._own_loop().run_until_complete(work)
        return asyncio.run_coroutine_threadsafe(work, self._started()).result()

    def _own_loop(self) -> asyncio.AbstractEventLoop:
        loop = getattr(self._local, "loop", None)
        if loop is None or loop.is_closed():
            loop = asyncio.new_event_loop()
            self._local.loop = loop
            with self._lock:
                self._loops.append(loop)
        return loop

    def _started(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                ready = threading.Event()

                def serve() -> None:
                    asyncio.set_event_loop(loop)
                    loop.call_soon(ready.set)
                    loop.run_forever()

                self._thread = threading.Thread(target=serve, name="mock-app-loop", daemon=True)
                self._thread.start()
                ready.wait()
                self._loop = loop
            return self._loop

    def close(self) -> None:
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
            own, self._loops = self._loops, []
        for each in own:
            if not each.is_running():
                each.close()
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()


_SHARED = AppLoop()


class InProcessTransport(httpx.BaseTransport):
    """A blocking httpx transport to an in-process ASGI app, run on ``loop``'s event loops
    (shared by every such transport unless given). A read timeout of the request holds: an
    answer slower than it (a ``latency`` fault) raises ``httpx.ReadTimeout``."""

    def __init__(self, app: Any, loop: AppLoop | None = None) -> None:
        self._asgi = AsyncInProcessTransport(app)
        self._loop = loop or _SHARED

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        forwarded = request
        if not isinstance(request.stream, httpx.AsyncByteStream):
            # A body streamed from blocking code cannot be read on the loop: read it here.
            forwarded = httpx.Request(
                request.method,
                request.url,
                headers=request.headers,
                content=request.read(),
                extensions=request.extensions,
            )
        timeout = request.extensions.get("timeout", {}).get("read")
        try:
            status, headers, content = self._loop.run(self._answer(forwarded, timeout))
        except TimeoutError as error:
            raise httpx.ReadTimeout(
                "the mock took longer than the timeout", request=request
            ) from error
        return httpx.Response(status, headers=headers, content=content, request=request)

    async def _answer(
        self, request: httpx.Request, timeout: float | None
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        async with asyncio.timeout(timeout):
            response = await self._asgi.handle_async_request(request)
            # Raw: the headers still say how the body is encoded, and the client decodes it.
            content = b"".join([chunk async for chunk in response.aiter_raw()])
        return response.status_code, response.headers.multi_items(), content
