"""The aepublish client, with its AIMS login, written once for both forms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Unpack

import httpx
from aepublish_client import AuthenticatedClient

from wrappers._core.client import ClientCore, ClientSettings, SleepT
from wrappers._core.login import TokenLogin
from wrappers._core.methods import AsyncioClient, BlockingClient, operation
from wrappers._core.sides import AsyncSleep, BlockingSleep
from wrappers.aepublish._answers import (
    Login,
    ObservationResult,
    authenticate_call,
    publish_call,
    token_info_call,
)
from wrappers.aepublish._publication import Publication, publication_policy
from wrappers.errors import BadRequestError, LoginRefusedError

AIMS_TOKEN_HEADER = "X-AIMS-Auth-Token"


class AepublishMethods(ClientCore[SleepT]):
    """The methods of ``AepublishClient`` and ``AsyncAepublishClient``: the aepublish
    service, logged in to AIMS with a key pair or with a token.

    The login happens on first use and its token is reused; with a key pair, a request
    answered 401 (expired token) logs in again and is repeated once (a 401 stored
    nothing). ``settings`` are the keyword arguments of every client
    (``wrappers.ClientSettings``: ``timeout``, 30 s by default, the most one call
    may take in all, the login and every attempt and wait of ``publish()`` included;
    ``attempts``; ``max_wait``; ``sleep``; ``httpx_args``). The AIMS requests are tried
    again when they fail in transport or are answered 429, 502, 503 or 504 (a login
    stores nothing); a publication is sent once, and ``publish()`` re-sends only the
    observations answered ``retry``.
    """

    default_timeout = 30.0

    def __init__(
        self,
        base_url: str,
        *,
        access_key_id: str | None = None,
        secret_key: str | None = None,
        aims_token: str | None = None,
        **settings: Unpack[ClientSettings[SleepT]],
    ) -> None:
        if (access_key_id is None) != (secret_key is None):
            raise ValueError("give both access_key_id and secret_key, or neither")
        if (access_key_id is None) == (aims_token is None):
            raise ValueError("give exactly one of an access key pair and an aims_token")
        # The key pair travels with the AIMS login only, never with a publication.
        self._key_pair = (
            httpx.BasicAuth(access_key_id, secret_key)
            if access_key_id is not None and secret_key is not None
            else None
        )
        self._given_token = aims_token
        headers = {AIMS_TOKEN_HEADER: aims_token} if aims_token is not None else {}
        generated = AuthenticatedClient(base_url=base_url, token="")
        self._start(base_url, settings, generated=generated, headers=headers)
        # Only a key pair can get a new token; a given token that expired stays a 401.
        self._login = self._aims = TokenLogin(
            self._side, AIMS_TOKEN_HEADER, self._log_in, renewable=self._key_pair is not None
        )
        self._publishing = publication_policy(self._side.sleep)

    @property
    def account_id(self) -> str | None:
        """The AIMS account of the credentials; None until the first call has logged in."""
        login = self._aims.login
        return login.account_id if login else None

    @operation
    async def authenticate(self) -> str:
        """Log in now unless already logged in; returns the account id of the credentials."""
        login = await self._within(self._aims.current())
        return login.account_id

    @operation
    async def publish_observations(
        self, account_id: str, data: Sequence[Mapping[str, Any]]
    ) -> list[ObservationResult]:
        """Publish once; one result per observation, in input order.

        Raises, from ``wrappers.errors``: ``BadRequestError`` (400), ``AuthenticationError``
        (401, AIMS' empty one for a wrong key pair included), ``LoginRefusedError`` (a key
        pair AIMS will not log in: ``error`` is ``account_inactive`` or
        ``password_expired``), ``PermissionDeniedError`` (403: a token of another account)
        or ``PayloadTooLargeError`` (413: above the batch limit). almdrlib returns such
        answers instead; raising is this wrapper's choice.
        """
        return await self._send(publish_call(account_id, data))

    @operation
    async def publish(
        self, account_id: str, observations: Sequence[Mapping[str, Any]], *, max_attempts: int = 5
    ) -> list[ObservationResult]:
        """Publish, re-sending only the ``retry`` ones after the largest of their ``delay``.

        At most ``max_attempts`` requests, all within ``timeout``; returns the final result
        of every observation in input order (one still ``retry`` after the last attempt, or
        whose wait would pass the deadline, keeps that result). Raises as
        ``publish_observations`` does.
        """
        publication = Publication(observations, max_attempts)
        done: Publication = await self._within(
            self._publishing(self._publish_pending, account_id, publication)
        )
        return done.results()

    async def _publish_pending(self, account_id: str, publication: Publication) -> Publication:
        pending = publication.pending_observations()
        return publication.record(await self._call(publish_call(account_id, pending)))

    async def _log_in(self) -> Login:
        if self._given_token is not None:
            return await self._attempts(token_info_call(self._given_token))
        assert self._key_pair is not None  # one of the two is given (checked above)
        try:
            return await self._attempts(authenticate_call(self._key_pair))
        except BadRequestError as refused:
            # AIMS' 400 `{"error": ...}`: a right key pair it will not log in.
            raise LoginRefusedError(refused.status, refused.problem, refused.content) from None


class AepublishClient(AepublishMethods[BlockingSleep], BlockingClient):
    """The aepublish service (see ``AepublishMethods``). Use it as a context manager, or
    call ``close()``, to release the connections."""


class AsyncAepublishClient(AepublishMethods[AsyncSleep], AsyncioClient):
    """``AepublishClient`` with ``async`` methods; ``async with`` it, or call ``aclose()``."""
