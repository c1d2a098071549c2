"""The asyncio client: the shared logic, awaiting the generated operations."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from functools import partial
from http import HTTPStatus
from types import TracebackType
from typing import Any, TypeVar

import httpx
from preservica_monitor_client.types import Response
from tenacity import AsyncRetrying

from wrappers import _generated as generated
from wrappers._paging import Page, aiterate_pages
from wrappers.preservica._calls import (
    FIRST_START,
    Call,
    EnumFilter,
    Login,
    MessageQuery,
    TextFilter,
    monitors_call,
    retry_policy,
    timeseries_call,
)
from wrappers.preservica._records import Message, Monitor, TimeseriesPoint
from wrappers.preservica._session import (
    CREDENTIALS_FILE,
    DEFAULT_ATTEMPTS,
    DEFAULT_PAGE_SIZE,
    DEFAULT_TIMEOUT,
    PreservicaSession,
    generated_client,
)

R = TypeVar("R")
T = TypeVar("T")


class AsyncMonitorAPI(PreservicaSession):
    """``MonitorAPI`` for asyncio: the same arguments and methods, whose results are async
    iterators (``async for monitor in api.monitors(): ...``). ``async with`` it, or call
    ``aclose()``. ``httpx_args={"transport": httpx.ASGITransport(app)}`` runs it against an
    in-process app."""

    def __init__(
        self,
        username: str | None = None,
        password: str | None = None,
        tenant: str | None = None,
        server: str | None = None,
        protocol: str = "https",
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        attempts: int = DEFAULT_ATTEMPTS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        httpx_args: Mapping[str, Any] | None = None,
        credentials_path: str | os.PathLike[str] = CREDENTIALS_FILE,
    ) -> None:
        super().__init__(username, password, tenant, server, protocol, page_size, credentials_path)
        self._retrying = AsyncRetrying(sleep=sleep, **retry_policy(attempts))
        self._http = httpx.AsyncClient(**self._http_settings(timeout, httpx_args))
        self._api = generated_client(self._http)
        self._lock = asyncio.Lock()

    def monitors(
        self,
        status: EnumFilter = None,
        category: EnumFilter = None,
        subcategory: TextFilter = None,
        name: TextFilter = None,
    ) -> AsyncIterator[Monitor]:
        """The monitors matching every filter given (see ``MonitorAPI.monitors``)."""
        return self._items(monitors_call(status, category, subcategory, name))

    def messages(self, monitor_id: TextFilter, status: EnumFilter = None) -> AsyncIterator[Message]:
        """Every message of a monitor, a page at a time (see ``MonitorAPI.messages``)."""
        query = MessageQuery.of(monitor_id, status, self._page_size)
        return aiterate_pages(partial(self._message_page, query), FIRST_START)

    def timeseries(self, monitor_id: str) -> AsyncIterator[TimeseriesPoint]:
        """The recorded progress of a monitor (see ``MonitorAPI.timeseries``)."""
        return self._items(timeseries_call(monitor_id))

    async def aclose(self) -> None:
        """Close the underlying httpx client."""
        await self._http.aclose()

    async def __aenter__(self) -> AsyncMonitorAPI:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def _items(self, call: Call[list[T]]) -> AsyncIterator[T]:
        # An async generator, so nothing is sent until the caller iterates.
        for item in await self._send(call):
            yield item

    async def _message_page(self, query: MessageQuery, start: int) -> Page[Message, int]:
        return await self._send(query.page_call(start))

    async def _send(self, call: Call[R]) -> R:
        login = await self._current_login()
        response = await self._attempt(call)
        if response.status_code == HTTPStatus.UNAUTHORIZED:
            await self._renew(login)
            response = await self._attempt(call)  # a second 401 reads as AuthenticationError
        return call.read(response)

    async def _attempt(self, call: Call[Any]) -> Response[Any]:
        send = partial(
            generated.asend,
            call.operation,
            self._api,
            unparsed_success=call.unparsed_success,
            **call.kwargs,
        )
        # A copy per call: concurrent tasks must not share one retry state.
        return await self._retrying.copy()(send)

    async def _current_login(self) -> Login:
        async with self._lock:
            return self._login or self._adopt(await self._log_in())

    async def _renew(self, stale: Login) -> None:
        async with self._lock:
            if self._login is stale:  # else another task has renewed it meanwhile
                self._adopt(await self._log_in())

    async def _log_in(self) -> Login:
        call = self._login_call()
        return call.read(await self._attempt(call))
