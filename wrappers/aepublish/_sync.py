"""The blocking client: the shared logic, calling the generated operations synchronously."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, TypeVar

import httpx
from aepublish_client.api.aims_authentication_and_authorization_resources import (
    authenticate,
    get_token_info,
)
from aepublish_client.api.observations_resources import publish_observations
from aepublish_client.types import Response
from tenacity import Retrying

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


class AepublishClient(AepublishSession):
    """The aepublish service, logged in to AIMS with a key pair or with a token.

    The login happens on first use and its token is reused; with a key pair, a request
    answered 401 (expired token) logs in again and is repeated once. ``sleep`` is what
    ``publish()`` waits with (inject one in tests). Use it as a context manager, or call
    ``close()``, to release the connections.
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
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(access_key_id, secret_key, aims_token)
        settings = self._http_settings(base_url, timeout, httpx_args)
        self._http = httpx.Client(**settings)
        self._api = generated_client(self._http)
        # AIMS gets an httpx client of its own, so the key pair travels with the login only.
        self._aims_http = httpx.Client(**settings, auth=self._key_pair) if self._key_pair else None
        self._sleep = sleep
        self._lock = threading.Lock()

    def authenticate(self) -> str:
        """Log in now unless already logged in; returns the account id of the credentials."""
        return self._current_login().account_id

    def publish_observations(
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
        body = request_body(data)
        response = self._call(
            lambda: generated.send(publish_observations, self._api, account_id, body=body)
        )
        return results_from(response)

    def publish(
        self, account_id: str, observations: Sequence[Mapping[str, Any]], *, max_attempts: int = 5
    ) -> list[ObservationResult]:
        """Publish, re-sending only the ``retry`` ones after the largest of their ``delay``.

        At most ``max_attempts`` requests; returns the final result of every observation in
        input order (one still ``retry`` after the last attempt keeps that result). Raises
        as ``publish_observations`` does.
        """
        retrying = Retrying(sleep=self._sleep, **retry_policy(max_attempts))
        publication = retrying(self._publish_pending, account_id, Publication(observations))
        return publication.results()

    def close(self) -> None:
        """Close the underlying httpx clients."""
        self._http.close()
        if self._aims_http is not None:
            self._aims_http.close()

    def __enter__(self) -> AepublishClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _publish_pending(self, account_id: str, publication: Publication) -> Publication:
        pending = publication.pending_observations()
        return publication.record(self.publish_observations(account_id, pending))

    def _call(self, operation: Callable[[], Response[T]]) -> Response[T]:
        login = self._current_login()
        response = operation()
        if self._may_renew(response):
            self._renew(login)
            response = operation()
        return response

    def _current_login(self) -> Login:
        with self._lock:
            return self._login or self._adopt(self._log_in())

    def _renew(self, stale: Login) -> None:
        with self._lock:
            if self._login is stale:  # else another thread has renewed it meanwhile
                self._adopt(self._log_in())

    def _log_in(self) -> Login:
        if self._given_token is not None:
            response = generated.send(get_token_info, self._api)
            return login_from_token_info(response, self._given_token)
        assert self._aims_http is not None  # made whenever no token is given
        aims = generated_client(self._aims_http)
        return login_from_authentication(generated.send(authenticate, aims))
