"""Everything a monitor-server call needs, built once for the sync and the async client:
which generated operation, with which arguments, and how its response reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from http import HTTPStatus
from types import ModuleType
from typing import Any, Generic, TypeVar

import httpx
from monitor_server_client import Client
from monitor_server_client.api.contexts import (
    list_context_metrics,
    list_contexts,
    list_contexts_by_prefix,
)
from monitor_server_client.api.metrics import list_metrics
from monitor_server_client.api.sessions import (
    list_session_metrics,
    list_sessions,
    list_sessions_by_prefix,
)
from monitor_server_client.models import (
    ContextPage,
    ExecutionContext,
    Metric,
    MetricPage,
    SessionCreate,
    SessionDescription,
    SessionPage,
)
from monitor_server_client.types import Response, Unset
from tenacity import retry_if_exception_type, stop_after_attempt, wait_exponential

from wrappers._paging import Page
from wrappers.errors import raise_for_status
from wrappers.monitor_server._models import MonitorSession

T = TypeVar("T")
R = TypeVar("R")

FIRST_PAGE = 1  # the server's pages are 1-based


@dataclass(frozen=True)
class Call(Generic[R]):
    """One call of a generated operation, and how its response reads as our result."""

    #: A generated operation module (it has ``sync_detailed`` and ``asyncio_detailed``).
    operation: ModuleType
    kwargs: Mapping[str, Any]
    read: Callable[[Response[Any]], R]
    #: Retried on transport errors. A create is not: its request may have been stored
    #: before the connection broke, and a second one would then answer 409.
    idempotent: bool = True


def _parsed(convert: Callable[[Any], R]) -> Callable[[Response[Any]], R]:
    """A reader of a success's parsed model; an error status raises its typed ApiError."""

    def read(response: Response[Any]) -> R:
        raise_for_status(response)
        return convert(response.parsed)

    return read


def count_call(operation: ModuleType, **path: str) -> Call[int]:
    """A count route: ``{"count": N}`` read as ``N``."""
    return Call(operation, path, _parsed(lambda count: count.count))


def create_call(operation: ModuleType, body: Any, convert: Callable[[Any], R]) -> Call[R]:
    """A create route: the stored record, read through ``convert``; never retried."""
    return Call(operation, {"body": body}, _parsed(convert), idempotent=False)


def as_stored(model: T) -> T:
    """The generated model of a created context or metric, as it is."""
    return model


def new_session(
    session_h: str,
    run_date: str | datetime,
    scm_ref: str | None,
    description: Mapping[str, Any] | None,
) -> SessionCreate:
    """pytest-monitor's form of a new session (``description`` an object, not JSON text)."""
    return SessionCreate(
        session_h=session_h,
        run_date=run_date.isoformat() if isinstance(run_date, datetime) else run_date,
        # The server requires a description; no tags is an empty one.
        description=SessionDescription.from_dict(description or {}),
        scm_ref=scm_ref,
    )


# --------------------------------------------------------------------------- paging


def next_page(next_url: str | Unset, after: int) -> int | None:
    """The page ``next_url`` points at (its ``page`` query value); ``None`` when absent."""
    if isinstance(next_url, Unset):
        return None
    page = httpx.URL(next_url).params.get("page", "")
    # A next page that does not move forward would walk the same pages for ever.
    if not page.isdigit() or int(page) <= after:
        raise ValueError(f"next_url {next_url!r} does not point past page {after}")
    return int(page)


def _read_page(
    items: Callable[[Any], Sequence[T]], page: int, response: Response[Any]
) -> Page[T, int]:
    # An empty collection answers 204 with no body: the end, not an error.
    if response.status_code == HTTPStatus.NO_CONTENT:
        return Page((), None)
    raise_for_status(response)
    return Page(items(response.parsed), next_page(response.parsed.next_url, after=page))


@dataclass(frozen=True)
class Listing(Generic[T]):
    """A paged list route: its generated operation and the items of one of its pages."""

    operation: ModuleType
    items: Callable[[Any], Sequence[T]]

    def page_call(self, path: Mapping[str, str], page: int) -> Call[Page[T, int]]:
        """The call fetching ``page`` (the pager's cursor) of this route at ``path``."""
        return Call(self.operation, {**path, "page": page}, partial(_read_page, self.items, page))


def _sessions_of(page: SessionPage) -> list[MonitorSession]:
    return [MonitorSession.from_model(session) for session in page.sessions]


def _contexts_of(page: ContextPage) -> list[ExecutionContext]:
    return page.contexts


def _metrics_of(page: MetricPage) -> list[Metric]:
    return page.metrics


SESSIONS = Listing(list_sessions, _sessions_of)
SESSIONS_BY_PREFIX = Listing(list_sessions_by_prefix, _sessions_of)
SESSION_METRICS = Listing(list_session_metrics, _metrics_of)
CONTEXTS = Listing(list_contexts, _contexts_of)
CONTEXTS_BY_PREFIX = Listing(list_contexts_by_prefix, _contexts_of)
CONTEXT_METRICS = Listing(list_context_metrics, _metrics_of)
METRICS = Listing(list_metrics, _metrics_of)


# --------------------------------------------------------------------------- set-up


def generated_client(
    base_url: str, timeout: float | httpx.Timeout, httpx_args: Mapping[str, Any] | None
) -> Client:
    """The generated client both forms call through (it builds the httpx clients)."""
    return Client(
        base_url=base_url, timeout=httpx.Timeout(timeout), httpx_args=dict(httpx_args or {})
    )


def retry_policy(attempts: int) -> dict[str, Any]:
    """Bounded retries of a GET that failed in transport (an error status is an answer)."""
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    return {
        "stop": stop_after_attempt(attempts),
        "wait": wait_exponential(multiplier=0.2, max=2.0),
        "retry": retry_if_exception_type(httpx.TransportError),
        "reraise": True,
    }
