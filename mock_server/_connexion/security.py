"""Let connexion enforce each spec's security schemes with functions bound to one app's state.

Connexion resolves ``x-apikeyInfoFunc`` / ``x-basicInfoFunc`` from dotted import paths,
which would force the token stores into module globals. Instead, the spec names a method
of that API's handlers object (e.g. ``x-apikeyInfoFunc: check_token``) and these handler
classes look it up there, so two apps in one process never share tokens.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from connexion.security import ApiKeySecurityHandler, BasicSecurityHandler
from connexion.utils import inspect_function_arguments


def security_map_for(handlers: Any, *, stock: bool = False) -> dict[str, type]:
    """Security handler classes that resolve info functions on ``handlers``; with ``stock``,
    that is all they change (connexion calls ``_resolve_func`` once per operation, when
    the app is built: the stock app's requests run connexion's code alone)."""

    def resolve(self: Any, security_scheme: dict[str, Any]) -> Callable[..., Any] | None:
        name = security_scheme.get(self.security_definition_key)
        return getattr(handlers, name) if name else None

    # connexion asks this twice per request and reads the signature each time; a check
    # function's signature never changes.
    @functools.cache
    def accepts_kwarg(func: Callable[..., Any], keyword: str) -> bool:
        arguments, has_kwargs = inspect_function_arguments(func)
        return has_kwargs or keyword in arguments

    members: dict[str, Any] = {"_resolve_func": resolve}
    if not stock:
        members["_accepts_kwarg"] = staticmethod(accepts_kwarg)
    return {
        "apiKey": type("BoundApiKeyHandler", (ApiKeySecurityHandler,), members),
        "basic": type("BoundBasicHandler", (BasicSecurityHandler,), members),
    }
