"""Where a Preservica client logs in: credentials as pyPreservica finds them, the base URL."""

from __future__ import annotations

import configparser
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

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
    username, password, server = (values[name] for name in _REQUIRED)
    if not (username and password and server):
        names = ", ".join(name for name in _REQUIRED if not values[name])
        missing = ", ".join(ENVIRONMENT[name] for name in _REQUIRED if not values[name])
        raise ValueError(
            f"no Preservica {names}: pass them, set {missing} or write them in "
            f"the [credentials] section of {CREDENTIALS_FILE}"
        )
    return Credentials(
        username=username,
        password=password,
        tenant=values["tenant"] or None,  # an empty PRESERVICA_TENANT means none
        server=server,
    )


def base_url(server: str, protocol: str) -> str:
    """The root every route hangs from."""
    if protocol not in ("http", "https"):
        raise ValueError(f"protocol must be 'http' or 'https', not {protocol!r}")
    if "/" in server:
        # pyPreservica builds f"https://{server}/api/..."; a URL here would make a bad one.
        raise ValueError(f"server is host[:port], e.g. 'eu.preservica.com', not {server!r}")
    return f"{protocol}://{server}"
