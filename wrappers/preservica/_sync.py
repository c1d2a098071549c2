"""The blocking client: the shared logic, calling the generated operations synchronously."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from http import HTTPStatus
from types import TracebackType
from typing import Any, TypeVar

import httpx
from preservica_monitor_client.types import Response
from tenacity import Retrying

from wrappers import _generated as generated
from wrappers._paging import Page, iterate_pages
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


class MonitorAPI(PreservicaSession):
    """The Preservica Process Monitor API, with pyPreservica's ``MonitorAPI`` surface.

    Credentials not passed are read, as pyPreservica reads them, from ``PRESERVICA_USERNAME``,
    ``PRESERVICA_PASSWORD``, ``PRESERVICA_TENANT`` and ``PRESERVICA_SERVER`` (``host[:port]``),
    else from the ``[credentials]`` section of ``credentials_path`` (``credentials.properties``
    in the working directory); a missing one raises ``ValueError`` here. The login happens
    on first use and its token is reused; a request answered 401 (expired token) logs in
    again and is repeated once. Requests that fail in transport are tried ``attempts``
    times in all, ``sleep`` waiting between them. Error statuses raise ``wrappers.errors``
    exceptions. Use it as a context manager, or call ``close()``, to release the
    connections.
    """

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
        sleep: Callable[[float], None] = time.sleep,
        httpx_args: Mapping[str, Any] | None = None,
        credentials_path: str | os.PathLike[str] = CREDENTIALS_FILE,
    ) -> None:
        super().__init__(username, password, tenant, server, protocol, page_size, credentials_path)
        self._retrying = Retrying(sleep=sleep, **retry_policy(attempts))
        self._http = httpx.Client(**self._http_settings(timeout, httpx_args))
        self._api = generated_client(self._http)
        self._lock = threading.Lock()

    def monitors(
        self,
        status: EnumFilter = None,
        category: EnumFilter = None,
        subcategory: TextFilter = None,
        name: TextFilter = None,
    ) -> Iterator[Monitor]:
        """The monitors matching every filter given, as dicts keyed as on the wire but for
        ``mappedId``, which is ``MonitorId`` (see ``Monitor``). A monitor that has not
        started has ``started``, ``progressText`` and ``percentComplete`` None or absent.

        Each filter takes one value or several (any one of them matches): ``status`` and
        ``category`` a ``MonitorStatus`` / ``MonitorCategory`` or its text, ``subcategory``
        (exact, e.g. ``"OPEX"``) and ``name`` (contained, case-insensitive) text. An unknown
        enum text raises ``ValueError`` at once; the request is made as you iterate.
        """
        return self._items(monitors_call(status, category, subcategory, name))

    def messages(self, monitor_id: TextFilter, status: EnumFilter = None) -> Iterator[Message]:
        """Every message of a monitor (or of several), oldest first, fetched ``page_size``
        at a time as you iterate; ``mappedMonitorId`` is ``MonitorId`` and ``mappedId`` is
        ``MessageId``. ``status``: one ``MessageStatus`` or several. An unknown monitor has
        none."""
        query = MessageQuery.of(monitor_id, status, self._page_size)
        return iterate_pages(partial(self._message_page, query), FIRST_START)

    def timeseries(self, monitor_id: str) -> Iterator[TimeseriesPoint]:
        """The recorded progress of a monitor, oldest first (``timestamp``, ``status``,
        ``percentComplete``, ...); an unknown monitor raises ``NotFoundError``."""
        return self._items(timeseries_call(monitor_id))

    def close(self) -> None:
        """Close the underlying httpx client."""
        self._http.close()

    def __enter__(self) -> MonitorAPI:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _items(self, call: Call[list[T]]) -> Iterator[T]:
        # A generator, so nothing is sent (not even the login) until the caller iterates.
        yield from self._send(call)

    def _message_page(self, query: MessageQuery, start: int) -> Page[Message, int]:
        return self._send(query.page_call(start))

    def _send(self, call: Call[R]) -> R:
        login = self._current_login()
        response = self._attempt(call)
        if response.status_code == HTTPStatus.UNAUTHORIZED:
            self._renew(login)
            response = self._attempt(call)  # a second 401 reads as AuthenticationError
        return call.read(response)

    def _attempt(self, call: Call[Any]) -> Response[Any]:
        send = partial(
            generated.send,
            call.operation,
            self._api,
            unparsed_success=call.unparsed_success,
            **call.kwargs,
        )
        # A copy per call: a Retrying keeps the state of the call it is retrying.
        return self._retrying.copy()(send)

    def _current_login(self) -> Login:
        with self._lock:
            return self._login or self._adopt(self._log_in())

    def _renew(self, stale: Login) -> None:
        with self._lock:
            if self._login is stale:  # else another thread has renewed it meanwhile
                self._adopt(self._log_in())

    def _log_in(self) -> Login:
        call = self._login_call()
        return call.read(self._attempt(call))
