"""The token a client logs in for: got on first use, sent on every request, renewed once
when a request is answered 401 (Preservica's and AIMS' tokens expire)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, Protocol, TypeVar

from wrappers._core.sides import Side


class HasToken(Protocol):
    @property
    def token(self) -> str: ...


L = TypeVar("L", bound=HasToken)


class TokenLogin(Generic[L]):
    """The current login of one client; ``log_in`` makes a new one (a call of its own)."""

    def __init__(
        self, side: Side, header: str, log_in: Callable[[], Awaitable[L]], *, renewable: bool
    ) -> None:
        self._side = side
        self._header = header
        self._log_in = log_in
        #: Whether a 401 may be cured by logging in again (not with a token given as is).
        self.renewable = renewable
        self._lock = side.lock()
        self.login: L | None = None

    async def current(self) -> L:
        """The login to send with, logging in first if there is none yet."""
        async with self._lock:
            if self.login is None:
                self._adopt(await self._log_in())
            assert self.login is not None
            return self.login

    async def renew(self, stale: L) -> None:
        """Log in again, unless another thread or task has already replaced ``stale``."""
        async with self._lock:
            if self.login is stale:
                self._adopt(await self._log_in())

    def _adopt(self, login: L) -> None:
        self.login = login
        self._side.http.headers[self._header] = login.token
