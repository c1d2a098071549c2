"""The Process Monitor client, with pyPreservica's ``MonitorAPI`` surface, written once for
both forms."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from functools import partial
from typing import TypeVar, Unpack

from preservica_monitor_client import AuthenticatedClient

from wrappers._core.calls import Call
from wrappers._core.client import ClientCore, ClientSettings, SleepT
from wrappers._core.login import TokenLogin
from wrappers._core.methods import AsyncioClient, BlockingClient, listing
from wrappers._core.paging import Page, walk
from wrappers._core.sides import AsyncSleep, BlockingSleep
from wrappers.preservica._calls import (
    FIRST_START,
    Login,
    MessageQuery,
    TextFilter,
    login_call,
    monitors_call,
    page_size_checked,
    timeseries_call,
)
from wrappers.preservica._credentials import (
    CREDENTIALS_FILE,
    base_url,
    read_credentials_file,
    resolve_credentials,
)
from wrappers.preservica._enums import (
    MessageStatusFilter,
    MonitorCategoryFilter,
    MonitorStatusFilter,
)
from wrappers.preservica._records import Message, Monitor, TimeseriesPoint

T = TypeVar("T")

TOKEN_HEADER = "Preservica-Access-Token"
#: The largest page the API serves: fewer round trips than pyPreservica's 25.
DEFAULT_PAGE_SIZE = 1000


class MonitorApiMethods(ClientCore[SleepT]):
    """The methods of ``MonitorAPI`` and ``AsyncMonitorAPI``.

    Credentials not passed are read, as pyPreservica reads them, from ``PRESERVICA_USERNAME``,
    ``PRESERVICA_PASSWORD``, ``PRESERVICA_TENANT`` and ``PRESERVICA_SERVER`` (``host[:port]``),
    else from the ``[credentials]`` section of ``credentials_path`` (``credentials.properties``
    in the working directory); a missing one raises ``ValueError`` here. The login happens
    on first use and its token is reused; a request answered 401 (expired token) logs in
    again and is repeated once.

    ``settings`` are the keyword arguments of every client (``wrappers.ClientSettings``:
    ``timeout``, 30 s by default, the most one call may take in all, login included;
    ``attempts``; ``max_wait``; ``sleep``; ``httpx_args``). A request failing in
    transport or answered 429, 502, 503 or 504 is tried again, after the ``Retry-After``
    asked for or a short backoff: every request is a GET but the login, which stores
    nothing (a repeated one leaves an unused token). Error statuses raise
    ``wrappers.errors`` exceptions, and so does an answer the spec does not describe.
    """

    default_timeout = 30.0

    def __init__(
        self,
        username: str | None = None,
        password: str | None = None,
        tenant: str | None = None,
        server: str | None = None,
        protocol: str = "https",
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        credentials_path: str | os.PathLike[str] = CREDENTIALS_FILE,
        **settings: Unpack[ClientSettings[SleepT]],
    ) -> None:
        given = {"username": username, "password": password, "tenant": tenant, "server": server}
        stored = read_credentials_file(credentials_path)
        self._credentials = resolve_credentials(given, os.environ, stored)
        url = base_url(self._credentials.server, protocol)
        self._page_size = page_size_checked(page_size)
        # The token travels in the side's headers (``TokenLogin``): the generated client is
        # only handed to the operations' parsers.
        generated = AuthenticatedClient(base_url=url, token="", auth_header_name=TOKEN_HEADER)
        self._start(url, settings, generated=generated)
        self._login = self._preservica_login = TokenLogin(
            self._side, TOKEN_HEADER, self._log_in, renewable=True
        )

    @property
    def server(self) -> str:
        """The ``host[:port]`` of the Preservica server."""
        return self._credentials.server

    @property
    def tenant(self) -> str | None:
        """The tenant: as given, or as the login answered it; None before a login without one."""
        login = self._preservica_login.login
        return login.tenant if login else self._credentials.tenant

    @listing
    def monitors(
        self,
        status: MonitorStatusFilter = None,
        category: MonitorCategoryFilter = None,
        subcategory: TextFilter = None,
        name: TextFilter = None,
    ) -> AsyncIterator[Monitor]:
        """The monitors matching every filter given, as dicts keyed as on the wire but for
        ``mappedId``, which is ``MonitorId`` (see ``Monitor``). A monitor that has not
        started has ``started``, ``progressText`` and ``percentComplete`` None or absent.

        Each filter takes one value or several (any one of them matches): ``status`` and
        ``category`` a ``MonitorStatus`` / ``MonitorCategory`` or its text, ``subcategory``
        (exact, e.g. ``"OPEX"``) and ``name`` (contained, case-insensitive) text. An unknown
        enum text raises ``ValueError`` at once; the request is made as you iterate.
        """
        return self._items(monitors_call(status, category, subcategory, name))

    @listing
    def messages(
        self, monitor_id: TextFilter, status: MessageStatusFilter = None
    ) -> AsyncIterator[Message]:
        """Every message of a monitor (or of several), oldest first, fetched ``page_size``
        at a time as you iterate; ``mappedMonitorId`` is ``MonitorId`` and ``mappedId`` is
        ``MessageId``. ``status``: one ``MessageStatus`` or several. An unknown monitor has
        none."""
        query = MessageQuery.of(monitor_id, status, self._page_size)
        return walk(partial(self._message_page, query), FIRST_START)

    @listing
    def timeseries(self, monitor_id: str) -> AsyncIterator[TimeseriesPoint]:
        """The recorded progress of a monitor, oldest first (``timestamp``, ``status``,
        ``percentComplete``, ...); an unknown monitor raises ``NotFoundError``."""
        return self._items(timeseries_call(monitor_id))

    async def _items(self, call: Call[list[T]]) -> AsyncIterator[T]:
        # A generator, so nothing is sent (not even the login) until the caller iterates.
        for item in await self._send(call):
            yield item

    async def _message_page(self, query: MessageQuery, start: int) -> Page[Message, int]:
        return await self._send(query.page_call(start))

    async def _log_in(self) -> Login:
        credentials = self._credentials
        call = login_call(credentials.username, credentials.password, credentials.tenant)
        return await self._attempts(call)


class MonitorAPI(MonitorApiMethods[BlockingSleep], BlockingClient):
    """The Preservica Process Monitor API, with pyPreservica's ``MonitorAPI`` surface:
    ``monitors()``, ``messages()`` and ``timeseries()`` are generators. Use it as a context
    manager, or call ``close()``. (Arguments: see ``MonitorApiMethods``.)"""


class AsyncMonitorAPI(MonitorApiMethods[AsyncSleep], AsyncioClient):
    """``MonitorAPI`` for asyncio: the same arguments and methods, whose results are async
    iterators (``async for monitor in api.monitors(): ...``). ``async with`` it, or call
    ``aclose()``."""
