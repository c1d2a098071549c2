"""The I/O a client's calls run on: blocking (``BlockingSide``) or asyncio (``AsyncioSide``).

The calls themselves are written once, as coroutines. Each side gives them the same few
awaitable operations: open a response, read its body, release it, sleep, take a lock, and
hold a piece of work to a deadline. On the blocking side those operations block and never
suspend, so ``run_sync`` finishes a call with one ``send(None)``, on the calling thread,
with no event loop (a blocking client works inside a running loop too, as any blocking
call does).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator
from contextlib import AbstractAsyncContextManager
from typing import Any, TypeVar, cast

import httpx

from wrappers._core import deadline
from wrappers._core.deadline import Deadline
from wrappers._core.network import hold_to_deadlines

R = TypeVar("R")
T = TypeVar("T")

#: What a blocking client waits with between retries (``time.sleep``, or a test's).
BlockingSleep = Callable[[float], None]
#: What an asyncio client waits with (``asyncio.sleep``, or a test's).
AsyncSleep = Callable[[float], Awaitable[None]]


def run_sync(awaitable: Awaitable[R]) -> R:
    """The result of a coroutine that never suspends, driven on this thread."""
    steps = awaitable.__await__()
    try:
        steps.send(None)
    except StopIteration as finished:
        return cast(R, finished.value)
    steps.close()
    # Only the blocking side's operations are awaited on a blocking client: none suspends.
    raise RuntimeError("a blocking client's call waited for an event loop")


def iterate_sync(items: AsyncIterator[T]) -> Iterator[T]:
    """``items`` as a blocking iterator: each ``next()`` runs the next step to completion."""
    try:
        while True:
            try:
                item = run_sync(items.__anext__())
            except StopAsyncIteration:
                return
            yield item
    finally:
        close = getattr(items, "aclose", None)
        if close is not None:  # a generator left early still runs its cleanup
            run_sync(close())


class _ThreadLock(AbstractAsyncContextManager[None]):
    """A ``threading.Lock`` behind ``async with`` (it blocks; it never suspends). Waiting
    for it (another thread logging in) counts against the current call's deadline."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    async def __aenter__(self) -> None:
        limit = deadline.current()
        if not self._lock.acquire(timeout=-1 if limit is None else limit.remaining()):
            assert limit is not None  # acquire() without a timeout waits until it has it
            raise limit.exceeded()

    async def __aexit__(self, *exc_info: object) -> None:
        self._lock.release()


class BlockingSide:
    """A blocking client's I/O: ``httpx.Client``, ``time.sleep`` (or the one given)."""

    def __init__(self, settings: dict[str, Any], sleep: BlockingSleep) -> None:
        self.http = httpx.Client(**settings)
        hold_to_deadlines(self.http)
        self._sleep = sleep

    async def open(self, request: httpx.Request, auth: httpx.Auth | None) -> httpx.Response:
        return self.http.send(request, stream=True, auth=auth)

    async def read(self, response: httpx.Response) -> None:
        response.read()

    async def release(self, response: httpx.Response) -> None:
        response.close()

    async def sleep(self, seconds: float) -> None:
        self._sleep(seconds)

    def lock(self) -> AbstractAsyncContextManager[None]:
        return _ThreadLock()

    async def bounded(self, deadline: Deadline, work: Coroutine[Any, Any, R]) -> R:
        # Nothing can interrupt a blocking call: every socket operation is cut to the
        # deadline instead (``network``), and waits stop before it (``retries``).
        return await work

    async def aclose(self) -> None:
        self.http.close()

    #: A call runs to completion here; a listing is iterated a step at a time.
    finish = staticmethod(run_sync)
    iterate = staticmethod(iterate_sync)


class AsyncioSide:
    """An asyncio client's I/O: ``httpx.AsyncClient``, ``asyncio.sleep`` (or the one given)."""

    def __init__(self, settings: dict[str, Any], sleep: AsyncSleep) -> None:
        self.http = httpx.AsyncClient(**settings)
        self._sleep = sleep

    async def open(self, request: httpx.Request, auth: httpx.Auth | None) -> httpx.Response:
        return await self.http.send(request, stream=True, auth=auth)

    async def read(self, response: httpx.Response) -> None:
        await response.aread()

    async def release(self, response: httpx.Response) -> None:
        await response.aclose()

    async def sleep(self, seconds: float) -> None:
        await self._sleep(seconds)

    def lock(self) -> AbstractAsyncContextManager[None]:
        return asyncio.Lock()

    async def bounded(self, deadline: Deadline, work: Coroutine[Any, Any, R]) -> R:
        # Cancelled at the deadline wherever it is waiting: a slow body, a retry's sleep.
        async with asyncio.timeout(deadline.remaining()):
            return await work

    async def aclose(self) -> None:
        await self.http.aclose()

    @staticmethod
    def finish(call: Coroutine[Any, Any, R]) -> Coroutine[Any, Any, R]:
        """A call, for the caller to await."""
        return call

    @staticmethod
    def iterate(items: AsyncIterator[T]) -> AsyncIterator[T]:
        """A listing, for the caller to iterate with ``async for``."""
        return items


Side = BlockingSide | AsyncioSide
