"""Serve several specs from the same base path, and route a request without trying every
route of every spec.

Every spec here is mounted at the root (their paths are written in full), and connexion 3.3
links same-path APIs wrongly: each new API becomes the fallback of *every* earlier one, so
only the first and the last are reachable (its Swagger UI middleware does not chain them at
all). These middlewares re-link the mounts of one path in the order they were added: a
request no route of one API matches falls through to the next.

Connexion routes each request twice (Swagger UI, then operations) and each time walks the
chain of APIs, matching the path against every route of every API before it: about sixty
regular-expression matches per request. ``PrefixIndexedRouter`` answers exactly as
starlette's ``Router`` does but only tries the routes the path can match at all.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from connexion.middleware.main import ConnexionMiddleware
from connexion.middleware.request_validation import RequestValidationMiddleware
from connexion.middleware.routing import RoutingMiddleware
from connexion.middleware.swagger_ui import SwaggerUIMiddleware
from starlette._utils import get_route_path
from starlette.datastructures import URL
from starlette.exceptions import HTTPException
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.routing import BaseRoute, Match, Mount, Route, Router
from starlette.types import Receive, Scope, Send

from mock_server.validation import PreparedRequestValidationMiddleware


def literal_prefix(route: BaseRoute) -> str:
    """The text every path a route matches starts with ("" when it cannot tell).

    A ``Route`` or ``Mount`` matches by a regular expression that begins with the literal
    part of its path up to the first parameter (a mount's path ends with ``/{path}``).
    """
    if isinstance(route, (Route, Mount)):
        return route.path_format.split("{", 1)[0]
    return ""


class PrefixIndexedRouter(Router):
    """starlette's ``Router``, trying only routes whose literal prefix fits the path.

    A route is left out only when neither the path nor the path with a slash appended
    starts with its prefix: then it can match neither the request nor the trailing-slash
    redirect starlette tries next (the redirect without the slash is a prefix of the path),
    so the outcome (match, 405 on a partial match, redirect, default) is the same as
    starlette's loop over every route, in the same order.
    """

    def _candidates(self, route_path: str) -> list[BaseRoute]:
        if self._indexed_count != len(self.routes):  # routes added since: index again
            self._index = [(route, literal_prefix(route)) for route in self.routes]
            self._indexed_count = len(self.routes)
        probe = route_path + "/"
        return [route for route, prefix in self._index if probe.startswith(prefix)]

    _indexed_count = -1
    _index: list[tuple[BaseRoute, str]]

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().app(scope, receive, send)
            return
        if "router" not in scope:
            scope["router"] = self
        route_path = get_route_path(scope)
        candidates = self._candidates(route_path)
        partials: list[tuple[BaseRoute, Scope]] = []
        for route in candidates:
            match, child_scope = route.matches(scope)
            if match is Match.FULL:
                scope["route"] = route
                scope.update(child_scope)
                await route.handle(scope, receive, send)
                return
            if match is Match.PARTIAL:
                partials.append((route, child_scope))
        if partials:
            await _method_not_allowed(scope, receive, send, partials)
            return
        if candidates and self.redirect_slashes and route_path != "/":
            redirect_scope = dict(scope)
            if route_path.endswith("/"):
                redirect_scope["path"] = redirect_scope["path"].rstrip("/")
            else:
                redirect_scope["path"] = redirect_scope["path"] + "/"
            for route in candidates:
                match, _ = route.matches(redirect_scope)
                if match is not Match.NONE:
                    response = RedirectResponse(url=str(URL(scope=redirect_scope)))
                    await response(scope, receive, send)
                    return
        await self.default(scope, receive, send)


async def _method_not_allowed(
    scope: Scope, receive: Receive, send: Send, partials: list[tuple[BaseRoute, Scope]]
) -> None:
    """405 naming every method the path serves (RFC 9110 §15.5.6).

    Connexion adds one route per operation, so starlette's own 405 (raised by the first
    route the path matches) would name that operation's method only.
    """
    route, child_scope = partials[0]
    scope["route"] = route
    scope.update(child_scope)
    allowed = sorted({m for r, _ in partials for m in getattr(r, "methods", None) or ()})
    headers = {"Allow": ", ".join(allowed)}
    if "app" in scope:  # inside connexion: its exception middleware writes the problem
        raise HTTPException(status_code=405, headers=headers)
    await PlainTextResponse("Method Not Allowed", status_code=405, headers=headers)(
        scope, receive, send
    )


def _index_newest_mount(router: Router) -> None:
    """Give the API mounted last an indexed copy of its router (same routes, same default)."""
    mount = router.routes[-1]
    assert isinstance(mount, Mount) and type(mount.app) is Router
    indexed = PrefixIndexedRouter(
        routes=mount.app.routes,
        default=mount.app.default,
        redirect_slashes=mount.app.redirect_slashes,
    )
    router.routes[-1] = Mount(mount.path, app=indexed, name=mount.name)


def _chain_mounts(router: Router) -> None:
    path = router.routes[-1].path
    mounts = [r for r in router.routes if isinstance(r, Mount) and r.path == path]
    for mount, following in pairwise(mounts):
        mount.app.default = following.app  # the newest keeps its own fallback


class ChainedRoutingMiddleware(RoutingMiddleware):
    def add_api(self, *args: Any, **kwargs: Any) -> None:
        super().add_api(*args, **kwargs)
        _index_newest_mount(self.router)
        _chain_mounts(self.router)


class ChainedSwaggerUIMiddleware(SwaggerUIMiddleware):
    def add_api(self, *args: Any, **kwargs: Any) -> None:
        super().add_api(*args, **kwargs)
        _index_newest_mount(self.router)
        _chain_mounts(self.router)


_REPLACED = {
    RoutingMiddleware: ChainedRoutingMiddleware,
    SwaggerUIMiddleware: ChainedSwaggerUIMiddleware,
    RequestValidationMiddleware: PreparedRequestValidationMiddleware,
}

MIDDLEWARES = [_REPLACED.get(m, m) for m in ConnexionMiddleware.default_middlewares]
