"""Credentials, the current AIMS login and the httpx clients, shared by both clients."""

from __future__ import annotations

from typing import Any

import httpx
from aepublish_client import AuthenticatedClient
from aepublish_client.types import Response

from wrappers.aepublish._answers import Login

AIMS_TOKEN_HEADER = "X-AIMS-Auth-Token"
DEFAULT_TIMEOUT = 30.0


class AepublishSession:
    """Checks the credentials and holds the login; the clients derive from it.

    ``_http`` is the subclass's httpx client that carries the token.
    """

    _http: httpx.Client | httpx.AsyncClient

    def __init__(
        self, access_key_id: str | None, secret_key: str | None, aims_token: str | None
    ) -> None:
        if (access_key_id is None) != (secret_key is None):
            raise ValueError("give both access_key_id and secret_key, or neither")
        if (access_key_id is None) == (aims_token is None):
            raise ValueError("give exactly one of an access key pair and an aims_token")
        self._key_pair = (
            httpx.BasicAuth(access_key_id, secret_key)
            if access_key_id is not None and secret_key is not None
            else None
        )
        self._given_token = aims_token
        self._login: Login | None = None

    @property
    def account_id(self) -> str | None:
        """The AIMS account of the credentials; None until the first call has logged in."""
        return self._login.account_id if self._login else None

    def _http_settings(
        self, base_url: str, timeout: float | httpx.Timeout, httpx_args: dict[str, Any] | None
    ) -> dict[str, Any]:
        """Keyword arguments of the httpx client that carries the token (sync or async)."""
        settings: dict[str, Any] = {"base_url": base_url, "timeout": timeout, **(httpx_args or {})}
        if self._given_token is not None:
            headers = {**settings.get("headers", {}), AIMS_TOKEN_HEADER: self._given_token}
            settings["headers"] = headers
        return settings

    def _adopt(self, login: Login) -> Login:
        self._login = login
        self._http.headers[AIMS_TOKEN_HEADER] = login.token
        return login

    def _may_renew(self, response: Response[Any]) -> bool:
        # Only a key pair can get a new token; a given token that expired stays a 401.
        return response.status_code == 401 and self._key_pair is not None


def generated_client(http: httpx.Client | httpx.AsyncClient) -> AuthenticatedClient:
    """A generated client that sends its requests through ``http``."""
    # The wrapper owns the httpx clients, because the token header changes on a new login;
    # the generated client's own token (fixed when it builds its httpx client) is unused.
    client = AuthenticatedClient(base_url=str(http.base_url), token="")
    if isinstance(http, httpx.AsyncClient):
        return client.set_async_httpx_client(http)
    return client.set_httpx_client(http)
