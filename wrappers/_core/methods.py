"""Client methods written once, typed for both forms.

An API's methods are coroutines (``@operation``) or async iterators (``@listing``) on a
class both its clients derive from. Read through a blocking client (``BlockingClient``),
an ``@operation`` is a function returning the result and a ``@listing`` one returning an
``Iterator``; through an asyncio client (``AsyncioClient``), a coroutine function and one
returning an ``AsyncIterator``. The overloads of ``__get__`` tell type checkers so, with
the method's own parameters (``ParamSpec``); at run time the client's side does it
(``sides``). The bound method is kept on the instance, so only its first use pays for
binding.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from typing import Any, ClassVar, Concatenate, Generic, ParamSpec, Self, TypeVar, overload

from wrappers._core.client import ClientCore
from wrappers._core.sides import AsyncioSide, AsyncSleep, BlockingSide, BlockingSleep, run_sync

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class BlockingClient(ClientCore[BlockingSleep]):
    """The blocking form of a client: its methods return results and iterators."""

    def _open_side(self, settings: dict[str, Any], sleep: BlockingSleep | None) -> BlockingSide:
        return BlockingSide(settings, sleep or time.sleep)

    def close(self) -> None:
        """Close the underlying HTTP connections."""
        run_sync(self._side.aclose())

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncioClient(ClientCore[AsyncSleep]):
    """The asyncio form of a client: its methods are awaited and iterated with ``async for``.
    ``httpx_args={"transport": httpx.ASGITransport(app)}`` runs it against an in-process
    app."""

    def _open_side(self, settings: dict[str, Any], sleep: AsyncSleep | None) -> AsyncioSide:
        return AsyncioSide(settings, sleep or asyncio.sleep)

    async def aclose(self) -> None:
        """Close the underlying HTTP connections."""
        await self._side.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


class _Method(Generic[P, R]):
    """What the two decorators share: the wrapped function, and binding it to a client."""

    #: The side's adapter that turns what the method returns into the client's form.
    _adapter: ClassVar[str]

    def __init__(self, method: Callable[Concatenate[Any, P], R]) -> None:
        self._method = method
        self._name = method.__name__
        # What help() and inspect show for the class attribute: the method's own.
        self.__doc__ = method.__doc__
        self.__wrapped__ = method

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    def _bind(self, client: ClientCore[Any]) -> Any:
        method, adapt = self._method, getattr(client._side, self._adapter)

        def bound(*args: Any, **kwargs: Any) -> Any:
            return adapt(method(client, *args, **kwargs))

        bound.__name__ = self._name
        bound.__doc__ = self.__doc__
        # A non-data descriptor: once in the instance's __dict__, attribute lookup finds
        # the bound method there and never calls __get__ again.
        client.__dict__[self._name] = bound
        return bound


class operation(_Method[P, Coroutine[Any, Any, R]]):
    """A client method that makes one call: ``async def``, written once for both forms."""

    _adapter = "finish"

    @overload
    def __get__(self, client: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, client: BlockingClient, owner: type[Any]) -> Callable[P, R]: ...
    @overload
    def __get__(
        self, client: AsyncioClient, owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, R]]: ...
    def __get__(self, client: ClientCore[Any] | None, owner: type[Any]) -> Any:
        return self if client is None else self._bind(client)


class listing(_Method[P, AsyncIterator[T]]):
    """A client method that lists: an async iterator, written once for both forms (a
    blocking client hands out a blocking iterator)."""

    _adapter = "iterate"

    @overload
    def __get__(self, client: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, client: BlockingClient, owner: type[Any]) -> Callable[P, Iterator[T]]: ...
    @overload
    def __get__(self, client: AsyncioClient, owner: type[Any]) -> Callable[P, AsyncIterator[T]]: ...
    def __get__(self, client: ClientCore[Any] | None, owner: type[Any]) -> Any:
        return self if client is None else self._bind(client)
