"""The pipeline every call of every client goes through, written once for both forms.

``_send(call)`` is one call: within the client's deadline, logged in if the API needs it,
tried again while the retry policy allows if the call is repeatable, and read into its
result or its typed error. A 401 logs in again and repeats the call once. A listing
(``paging.walk``) makes one such call per page, each with a deadline of its own.
"""

from __future__ import annotations

import math
from collections.abc import Coroutine, Mapping
from functools import partial
from typing import Any, ClassVar, Generic, TypedDict, TypeVar

import httpx

from wrappers._core import deadline
from wrappers._core.calls import Call
from wrappers._core.login import TokenLogin
from wrappers._core.retries import RetryPolicy
from wrappers._core.sides import Side
from wrappers.errors import AuthenticationError, UnexpectedResponseError

R = TypeVar("R")
#: The sleep a client's form waits with (blocking or awaitable).
SleepT = TypeVar("SleepT")

DEFAULT_ATTEMPTS = 3
#: The longest wait between two attempts; a service asking for more is not waited for.
DEFAULT_MAX_WAIT = 30.0


class ClientSettings(TypedDict, Generic[SleepT], total=False):
    """How a client makes its calls: the keyword arguments every client takes.

    - ``timeout``: the most one call may take in all, in seconds: connecting, the login,
      every retry and its wait, reading the whole body (each page of a listing is a call).
    - ``attempts``: how many times in all a request that may be repeated is tried (3).
    - ``max_wait``: the longest wait between two attempts (30 s); a ``Retry-After``
      asking for more is not waited for.
    - ``sleep``: what the client waits with (``time.sleep`` / ``asyncio.sleep``; inject
      one in tests).
    - ``httpx_args``: more keyword arguments of the ``httpx`` client (a ``transport``...).
    """

    timeout: float
    attempts: int
    max_wait: float
    sleep: SleepT
    httpx_args: Mapping[str, Any]


def http_settings(
    base_url: str, httpx_args: Mapping[str, Any] | None, headers: Mapping[str, str] | None
) -> dict[str, Any]:
    """Keyword arguments of a client's httpx client; ``httpx_args`` win."""
    settings: dict[str, Any] = {"base_url": base_url, "headers": dict(headers or {})}
    if base_url.startswith("http://"):
        # No TLS to verify: skipping the SSL context saves ~30 ms per client.
        settings["verify"] = False
    return {**settings, **(httpx_args or {})}


class ClientCore(Generic[SleepT]):
    """What every client has: its side (blocking or asyncio), deadline, retry policy and
    login. An API's class derives from it; its two forms derive from the API's class and
    ``BlockingClient`` or ``AsyncioClient`` (``methods``)."""

    _side: Side
    _login: TokenLogin[Any] | None = None
    #: ``timeout`` when none is given (an API's class sets its own).
    default_timeout: ClassVar[float] = 10.0

    def _open_side(self, settings: dict[str, Any], sleep: SleepT | None) -> Side:
        raise NotImplementedError  # BlockingClient and AsyncioClient say which side

    def _start(
        self,
        base_url: str,
        settings: ClientSettings[SleepT],
        *,
        generated: object,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Set up the side, the deadline and the retry policy (once per client)."""
        timeout = settings.get("timeout", self.default_timeout)
        if not (isinstance(timeout, int | float) and 0 < timeout < math.inf):
            raise ValueError(f"timeout is the seconds a call may take in all, not {timeout!r}")
        self._timeout = float(timeout)
        http = http_settings(base_url, settings.get("httpx_args"), headers)
        self._side = self._open_side(http, settings.get("sleep"))
        self._retrying = RetryPolicy(
            settings.get("attempts", DEFAULT_ATTEMPTS),
            settings.get("max_wait", DEFAULT_MAX_WAIT),
            self._side.sleep,
        )
        #: The generated client the operations' parsers are given (they read its settings).
        self._generated = generated

    # ----------------------------------------------------------------------- one call

    async def _send(self, call: Call[R]) -> R:
        """One call, within the client's deadline."""
        return await self._within(self._call(call))

    async def _within(self, work: Coroutine[Any, Any, R]) -> R:
        """``work`` held to one deadline of the client's ``timeout``."""
        limit = deadline.Deadline.after(self._timeout)
        token = deadline.enter(limit)
        try:
            return await self._side.bounded(limit, work)
        except (TimeoutError, httpx.TimeoutException) as error:
            if limit.passed():
                raise limit.exceeded() from error
            raise
        finally:
            deadline.leave(token)

    async def _call(self, call: Call[R]) -> R:
        """``call`` with the current login; a 401 logs in again and repeats it once."""
        login = self._login
        if login is None:
            return await self._attempts(call)
        used = await login.current()
        try:
            return await self._attempts(call)
        except AuthenticationError:
            if not login.renewable:
                raise
            await login.renew(used)
        return await self._attempts(call)  # a second 401 is raised

    async def _attempts(self, call: Call[R]) -> R:
        if call.safe:
            return await self._retrying.run(partial(self._attempt, call))
        return await self._attempt(call)

    async def _attempt(self, call: Call[R]) -> R:
        side = self._side
        request = side.http.build_request(**call.request(), timeout=deadline.remaining())
        response = await side.open(request, call.auth)
        try:
            await side.read(response)
        except httpx.TransportError as error:
            if isinstance(error, httpx.TimeoutException):
                raise
            reason = f"the connection ended before the whole body came ({error})"
            raise UnexpectedResponseError(
                response.status_code, b"", reason, incomplete=True
            ) from error
        finally:
            await side.release(response)
        return call.answer(response, self._generated)
