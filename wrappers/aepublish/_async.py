"""The asyncio client: the shared logic, awaiting the generated operations."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, TypeVar

import httpx
from aepublish_client.api.aims_authentication_and_authorization_resources import (
    authenticate,
    get_token_info,
)
from aepublish_client.api.observations_resources import publish_observations
from aepublish_client.types import Response
from tenacity import AsyncRetrying

from wrappers import _generated as generated
from wrappers.aepublish._answers import (
    Login,
    ObservationResult,
    login_from_authentication,
    login_from_token_info,
    request_body,
    results_from,
)
from wrappers.aepublish._retries import Publication, retry_policy
from wrappers.aepublish._session import DEFAULT_TIMEOUT, AepublishSession, generated_client

T = TypeVar("T")


class AsyncAepublishClient(AepublishSession):
    """``AepublishClient`` with ``async`` methods; ``async with`` it, or call ``aclose()``.

    ``sleep`` is what ``publish()`` awaits between attempts (inject one in tests).
    """

    def __init__(
        self,
        base_url: str,
        *,
        access_key_id: str | None = None,
        secret_key: str | None = None,
        aims_token: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        httpx_args: dict[str, Any] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        super().__init__(access_key_id, secret_key, aims_token)
        settings = self._http_settings(base_url, timeout, httpx_args)
        self._http = httpx.AsyncClient(**settings)
        self._api = generated_client(self._http)
        # AIMS gets an httpx client of its own, so the key pair travels with the login only.
        self._aims_http = (
            httpx.AsyncClient(**settings, auth=self._key_pair) if self._key_pair else None
        )
        self._sleep = sleep
        self._lock = asyncio.Lock()

    async def authenticate(self) -> str:
        """Log in now unless already logged in; returns the account id of the credentials."""
        return (await self._current_login()).account_id

    async def publish_observations(
        self, account_id: str, data: Sequence[Mapping[str, Any]]
    ) -> list[ObservationResult]:
        """Publish once; as ``AepublishClient.publish_observations``."""
        body = request_body(data)
        response = await self._call(
            lambda: generated.asend(publish_observations, self._api, account_id, body=body)
        )
        return results_from(response)

    async def publish(
        self, account_id: str, observations: Sequence[Mapping[str, Any]], *, max_attempts: int = 5
    ) -> list[ObservationResult]:
        """Publish with re-sends of the ``retry`` ones; as ``AepublishClient.publish``."""
        retrying = AsyncRetrying(sleep=self._sleep, **retry_policy(max_attempts))
        publication = await retrying(self._publish_pending, account_id, Publication(observations))
        return publication.results()

    async def aclose(self) -> None:
        """Close the underlying httpx clients."""
        await self._http.aclose()
        if self._aims_http is not None:
            await self._aims_http.aclose()

    async def __aenter__(self) -> AsyncAepublishClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def _publish_pending(self, account_id: str, publication: Publication) -> Publication:
        pending = publication.pending_observations()
        return publication.record(await self.publish_observations(account_id, pending))

    async def _call(self, operation: Callable[[], Awaitable[Response[T]]]) -> Response[T]:
        login = await self._current_login()
        response = await operation()
        if self._may_renew(response):
            await self._renew(login)
            response = await operation()
        return response

    async def _current_login(self) -> Login:
        async with self._lock:
            return self._login or self._adopt(await self._log_in())

    async def _renew(self, stale: Login) -> None:
        async with self._lock:
            if self._login is stale:  # else another task has renewed it meanwhile
                self._adopt(await self._log_in())

    async def _log_in(self) -> Login:
        if self._given_token is not None:
            response = await generated.asend(get_token_info, self._api)
            return login_from_token_info(response, self._given_token)
        assert self._aims_http is not None  # made whenever no token is given
        aims = generated_client(self._aims_http)
        return login_from_authentication(await generated.asend(authenticate, aims))
