"""The sync and the async monitor-server client: the same methods over the same calls
(``_calls``); only ``sync_detailed`` versus ``await asyncio_detailed`` differs."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

import httpx
from monitor_server_client.api.contexts import count_contexts, create_context
from monitor_server_client.api.metrics import count_metrics, create_metric
from monitor_server_client.api.sessions import (
    count_session_metrics,
    count_sessions,
    create_session,
)
from tenacity import AsyncRetrying, Retrying

from wrappers import _generated as generated
from wrappers._paging import Page, aiterate_pages, iterate_pages
from wrappers.monitor_server._calls import (
    CONTEXT_METRICS,
    CONTEXTS,
    CONTEXTS_BY_PREFIX,
    FIRST_PAGE,
    METRICS,
    SESSION_METRICS,
    SESSIONS,
    SESSIONS_BY_PREFIX,
    Call,
    Listing,
    as_stored,
    count_call,
    create_call,
    generated_client,
    new_session,
    retry_policy,
)
from wrappers.monitor_server._models import (
    ExecutionContext,
    ExecutionContextCreate,
    Metric,
    MonitorSession,
)

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_TIMEOUT = 10.0
DEFAULT_ATTEMPTS = 3


class MonitorServerClient:
    """A monitor-server, e.g. ``MonitorServerClient("http://127.0.0.1:8080")``.

    ``base_url`` is the server's root (the routes add ``/api/v1``). GETs that fail in
    transport are tried ``attempts`` times in all, ``sleep`` waiting between them. Error
    statuses raise ``wrappers.errors`` exceptions. Use it as a context manager, or
    ``close()`` it.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        attempts: int = DEFAULT_ATTEMPTS,
        sleep: Callable[[float], None] = time.sleep,
        httpx_args: Mapping[str, Any] | None = None,
    ) -> None:
        self._client = generated_client(base_url, timeout, httpx_args)
        self._retrying = Retrying(sleep=sleep, **retry_policy(attempts))

    def _send(self, call: Call[R]) -> R:
        send = partial(generated.send, call.operation, self._client, **call.kwargs)
        # A copy per call: a Retrying keeps the state of the call it is retrying.
        response = self._retrying.copy()(send) if call.idempotent else send()
        return call.read(response)

    def _walk(self, listing: Listing[T], **path: str) -> Iterator[T]:
        return iterate_pages(lambda page: self._send(listing.page_call(path, page)), FIRST_PAGE)

    def sessions(self) -> Iterator[MonitorSession]:
        """Every session, in hash order, fetched a page at a time as you iterate."""
        return self._walk(SESSIONS)

    def sessions_by_prefix(self, prefix: str) -> Iterator[MonitorSession]:
        """The sessions whose hash starts with ``prefix`` (a full hash gives that one)."""
        return self._walk(SESSIONS_BY_PREFIX, session_prefix=prefix)

    def session_metrics(self, session_h: str) -> Iterator[Metric]:
        """The metrics of a session (none for an unknown session)."""
        return self._walk(SESSION_METRICS, session_h=session_h)

    def contexts(self) -> Iterator[ExecutionContext]:
        """Every execution context, in hash order."""
        return self._walk(CONTEXTS)

    def contexts_by_prefix(self, prefix: str) -> Iterator[ExecutionContext]:
        """The execution contexts whose hash starts with ``prefix``."""
        return self._walk(CONTEXTS_BY_PREFIX, context_prefix=prefix)

    def context_metrics(self, context_h: str) -> Iterator[Metric]:
        """The metrics measured in an execution context (none for an unknown one)."""
        return self._walk(CONTEXT_METRICS, context_h=context_h)

    def metrics(self) -> Iterator[Metric]:
        """Every metric, in the order they were stored."""
        return self._walk(METRICS)

    def count_sessions(self) -> int:
        """How many sessions the server holds."""
        return self._send(count_call(count_sessions))

    def count_session_metrics(self, session_h: str) -> int:
        """How many metrics a session has (0 for an unknown session)."""
        return self._send(count_call(count_session_metrics, session_h=session_h))

    def count_contexts(self) -> int:
        """How many execution contexts the server holds."""
        return self._send(count_call(count_contexts))

    def count_metrics(self) -> int:
        """How many metrics the server holds."""
        return self._send(count_call(count_metrics))

    def create_session(
        self,
        session_h: str,
        run_date: str | datetime,
        *,
        scm_ref: str | None = None,
        description: Mapping[str, Any] | None = None,
    ) -> MonitorSession:
        """Store a session as pytest-monitor does; ``description`` becomes its tags.

        Raises ``ConflictError`` if the hash exists, ``BadRequestError`` if malformed.
        """
        body = new_session(session_h, run_date, scm_ref, description)
        return self._send(create_call(create_session, body, MonitorSession.from_model))

    def create_context(self, context: ExecutionContextCreate) -> ExecutionContext:
        """Store an execution context; ``ConflictError`` if its hash exists."""
        return self._send(create_call(create_context, context, as_stored))

    def create_metric(self, metric: Metric) -> Metric:
        """Store the metric of one test item (its session and context need not exist)."""
        return self._send(create_call(create_metric, metric, as_stored))

    def close(self) -> None:
        """Close the underlying HTTP connections."""
        self._client.get_httpx_client().close()

    def __enter__(self) -> MonitorServerClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncMonitorServerClient:
    """The async form of ``MonitorServerClient``: the same methods, awaited (the listings
    are async iterators). ``httpx_args={"transport": httpx.ASGITransport(app)}`` runs it
    against an in-process app."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        attempts: int = DEFAULT_ATTEMPTS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        httpx_args: Mapping[str, Any] | None = None,
    ) -> None:
        self._client = generated_client(base_url, timeout, httpx_args)
        self._retrying = AsyncRetrying(sleep=sleep, **retry_policy(attempts))

    async def _send(self, call: Call[R]) -> R:
        send = partial(generated.asend, call.operation, self._client, **call.kwargs)
        # A copy per call: concurrent tasks must not share one retry state.
        response = await (self._retrying.copy()(send) if call.idempotent else send())
        return call.read(response)

    def _walk(self, listing: Listing[T], **path: str) -> AsyncIterator[T]:
        async def fetch(page: int) -> Page[T, int]:
            return await self._send(listing.page_call(path, page))

        return aiterate_pages(fetch, FIRST_PAGE)

    def sessions(self) -> AsyncIterator[MonitorSession]:
        """Every session, in hash order (see ``MonitorServerClient.sessions``)."""
        return self._walk(SESSIONS)

    def sessions_by_prefix(self, prefix: str) -> AsyncIterator[MonitorSession]:
        """The sessions whose hash starts with ``prefix``."""
        return self._walk(SESSIONS_BY_PREFIX, session_prefix=prefix)

    def session_metrics(self, session_h: str) -> AsyncIterator[Metric]:
        """The metrics of a session."""
        return self._walk(SESSION_METRICS, session_h=session_h)

    def contexts(self) -> AsyncIterator[ExecutionContext]:
        """Every execution context, in hash order."""
        return self._walk(CONTEXTS)

    def contexts_by_prefix(self, prefix: str) -> AsyncIterator[ExecutionContext]:
        """The execution contexts whose hash starts with ``prefix``."""
        return self._walk(CONTEXTS_BY_PREFIX, context_prefix=prefix)

    def context_metrics(self, context_h: str) -> AsyncIterator[Metric]:
        """The metrics measured in an execution context."""
        return self._walk(CONTEXT_METRICS, context_h=context_h)

    def metrics(self) -> AsyncIterator[Metric]:
        """Every metric, in the order they were stored."""
        return self._walk(METRICS)

    async def count_sessions(self) -> int:
        """How many sessions the server holds."""
        return await self._send(count_call(count_sessions))

    async def count_session_metrics(self, session_h: str) -> int:
        """How many metrics a session has."""
        return await self._send(count_call(count_session_metrics, session_h=session_h))

    async def count_contexts(self) -> int:
        """How many execution contexts the server holds."""
        return await self._send(count_call(count_contexts))

    async def count_metrics(self) -> int:
        """How many metrics the server holds."""
        return await self._send(count_call(count_metrics))

    async def create_session(
        self,
        session_h: str,
        run_date: str | datetime,
        *,
        scm_ref: str | None = None,
        description: Mapping[str, Any] | None = None,
    ) -> MonitorSession:
        """Store a session as pytest-monitor does (see ``MonitorServerClient``)."""
        body = new_session(session_h, run_date, scm_ref, description)
        return await self._send(create_call(create_session, body, MonitorSession.from_model))

    async def create_context(self, context: ExecutionContextCreate) -> ExecutionContext:
        """Store an execution context; ``ConflictError`` if its hash exists."""
        return await self._send(create_call(create_context, context, as_stored))

    async def create_metric(self, metric: Metric) -> Metric:
        """Store the metric of one test item."""
        return await self._send(create_call(create_metric, metric, as_stored))

    async def aclose(self) -> None:
        """Close the underlying HTTP connections."""
        await self._client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> AsyncMonitorServerClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
