"""Credentials, the current login and the httpx clients, shared by both clients."""

from __future__ import annotations

import configparser
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
from preservica_monitor_client import AuthenticatedClient

from wrappers.preservica._calls import Call, Login, login_call, page_size_checked

TOKEN_HEADER = "Preservica-Access-Token"
DEFAULT_TIMEOUT = 30.0
#: The largest page the API serves: fewer round trips than pyPreservica's 25.
DEFAULT_PAGE_SIZE = 1000
DEFAULT_ATTEMPTS = 3

#: Where pyPreservica looks for each credential when it is not passed.
ENVIRONMENT = {
    "username": "PRESERVICA_USERNAME",
    "password": "PRESERVICA_PASSWORD",
    "tenant": "PRESERVICA_TENANT",
    "server": "PRESERVICA_SERVER",
}
_REQUIRED = ("username", "password", "server")  # a user name is unique without a tenant


@dataclass(frozen=True)
class Credentials:
    """Who logs in, where (``server`` is ``host[:port]``, as pyPreservica takes it)."""

    username: str
    password: str = field(repr=False)
    tenant: str | None
    server: str


#: pyPreservica's default credentials file, read from the working directory.
CREDENTIALS_FILE = "credentials.properties"


def read_credentials_file(path: str | os.PathLike[str]) -> dict[str, str]:
    """The ``[credentials]`` section of a pyPreservica credentials file (``username``,
    ``password``, ``tenant``, ``server``); empty when the file or the section is missing."""
    config = configparser.ConfigParser(interpolation=None)  # as pyPreservica: no "%" magic
    config.read(path, encoding="utf-8")
    return dict(config["credentials"]) if config.has_section("credentials") else {}


def resolve_credentials(
    given: Mapping[str, str | None],
    environ: Mapping[str, str],
    stored: Mapping[str, str] | None = None,
) -> Credentials:
    """The credentials ``given`` as arguments; each missing one from the environment, else
    from ``stored`` (a credentials file's), in pyPreservica's order."""
    stored = stored or {}
    values = {
        name: given[name]
        if given[name] is not None
        else environ[variable]
        if variable in environ
        else stored.get(name)
        for name, variable in ENVIRONMENT.items()
    }
    missing = [ENVIRONMENT[name] for name in _REQUIRED if not values[name]]
    if missing:
        names = ", ".join(name for name in _REQUIRED if not values[name])
        raise ValueError(
            f"no Preservica {names}: pass them, set {', '.join(missing)} or write them in "
            f"the [credentials] section of {CREDENTIALS_FILE}"
        )
    return Credentials(
        username=values["username"],
        password=values["password"],
        tenant=values["tenant"] or None,  # an empty PRESERVICA_TENANT means none
        server=values["server"],
    )


def base_url(server: str, protocol: str) -> str:
    """The root every route hangs from."""
    if protocol not in ("http", "https"):
        raise ValueError(f"protocol must be 'http' or 'https', not {protocol!r}")
    if "/" in server:
        # pyPreservica builds f"https://{server}/api/..."; a URL here would make a bad one.
        raise ValueError(f"server is host[:port], e.g. 'eu.preservica.com', not {server!r}")
    return f"{protocol}://{server}"


class PreservicaSession:
    """Checks the credentials and holds the login; ``MonitorAPI`` and ``AsyncMonitorAPI``
    derive from it. ``_http`` is the subclass's httpx client that carries the token."""

    _http: httpx.Client | httpx.AsyncClient

    def __init__(
        self,
        username: str | None,
        password: str | None,
        tenant: str | None,
        server: str | None,
        protocol: str,
        page_size: int,
        credentials_path: str | os.PathLike[str] = CREDENTIALS_FILE,
    ) -> None:
        given = {"username": username, "password": password, "tenant": tenant, "server": server}
        stored = read_credentials_file(credentials_path)
        self._credentials = resolve_credentials(given, os.environ, stored)
        self._base_url = base_url(self._credentials.server, protocol)
        self._page_size = page_size_checked(page_size)
        self._login: Login | None = None

    @property
    def server(self) -> str:
        """The ``host[:port]`` of the Preservica server."""
        return self._credentials.server

    @property
    def tenant(self) -> str | None:
        """The tenant: as given, or as the login answered it; None before a login without one."""
        return self._login.tenant if self._login else self._credentials.tenant

    def _http_settings(
        self, timeout: float | httpx.Timeout, httpx_args: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        """Keyword arguments of the httpx client that carries the token (sync or async)."""
        settings: dict[str, Any] = {"base_url": self._base_url, "timeout": timeout}
        if self._base_url.startswith("http://"):
            # No TLS to verify: skipping the SSL context saves ~50 ms per client.
            settings["verify"] = False
        return {**settings, **(httpx_args or {})}

    def _login_call(self) -> Call[Login]:
        credentials = self._credentials
        return login_call(credentials.username, credentials.password, credentials.tenant)

    def _adopt(self, login: Login) -> Login:
        self._login = login
        self._http.headers[TOKEN_HEADER] = login.token
        return login


def generated_client(http: httpx.Client | httpx.AsyncClient) -> AuthenticatedClient:
    """A generated client that sends its requests through ``http``."""
    # The wrapper owns the httpx client, because the token header changes on a new login;
    # the generated client's own token (fixed when it builds its httpx client) is unused.
    client = AuthenticatedClient(
        base_url=str(http.base_url), token="", prefix="", auth_header_name=TOKEN_HEADER
    )
    if isinstance(http, httpx.AsyncClient):
        return client.set_async_httpx_client(http)
    return client.set_httpx_client(http)
