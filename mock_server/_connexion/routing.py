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
starlette's ``Router`` does but only tries the routes the path can match at all
(``RouteIndex``, ``match_routes``; the fast lane routes with the same two).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any, NamedTuple

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

from mock_server._connexion.validation import PreparedRequestValidationMiddleware


def literal_prefix(route: BaseRoute) -> str:
    """The text every path a route matches starts with ("" when it cannot tell).

    A ``Route`` or ``Mount`` matches by a regular expression that begins with the literal
    part of its path up to the first parameter (a mount's path ends with ``/{path}``).
    """
    if isinstance(route, (Route, Mount)):
        return route.path_format.split("{", 1)[0]
    return ""


def _first_segment(prefix: str) -> str | None:
    """ "api" of "/api/v1/...", None when the prefix does not hold a whole first segment."""
    head, slash, _ = prefix[1:].partition("/")
    return head if prefix.startswith("/") and slash else None


class RouteIndex:
    """The routes a path can match, in their order, without trying the others.

    A route is left out only when neither the path nor the path with a slash appended
    starts with its literal prefix: then it can match neither the request nor the
    trailing-slash redirect starlette tries next (the redirect without the slash is a
    prefix of the path). Routes are looked up by the path's first segment: a prefix that
    holds a whole first segment fits only paths with that segment; the others (a prefix
    such as "/" or "/ap") are kept for every path.
    """

    def __init__(self, routes: list[BaseRoute]) -> None:
        self.size = len(routes)
        indexed = [(route, literal_prefix(route)) for route in routes]
        segments = {_first_segment(prefix) for _, prefix in indexed} - {None}
        self._by_segment = {
            segment: [(r, p) for r, p in indexed if _first_segment(p) in (segment, None)]
            for segment in segments
        }
        self._unsegmented = [(r, p) for r, p in indexed if _first_segment(p) is None]

    def candidates(self, route_path: str) -> list[BaseRoute]:
        probe = route_path + "/"
        routes = self._by_segment.get(_first_segment(probe), self._unsegmented)
        return [route for route, prefix in routes if probe.startswith(prefix)]


class RouteMatch(NamedTuple):
    """What starlette's ``Router`` makes of a path, given the routes that can match it."""

    full: tuple[BaseRoute, Scope] | None  # the first route matching path and method
    partials: list[tuple[BaseRoute, Scope]]  # routes matching the path only (a 405)
    redirect: Scope | None  # the scope of the trailing-slash redirect, if one matches


def match_routes(
    candidates: list[BaseRoute], scope: Scope, route_path: str, redirect_slashes: bool = True
) -> RouteMatch:
    """Match as starlette's ``Router.app`` does, in the same order."""
    partials: list[tuple[BaseRoute, Scope]] = []
    for route in candidates:
        match, child_scope = route.matches(scope)
        if match is Match.FULL:
            return RouteMatch((route, child_scope), partials, None)
        if match is Match.PARTIAL:
            partials.append((route, child_scope))
    if not partials and candidates and redirect_slashes and route_path != "/":
        redirect_scope = dict(scope)
        if route_path.endswith("/"):
            redirect_scope["path"] = redirect_scope["path"].rstrip("/")
        else:
            redirect_scope["path"] = redirect_scope["path"] + "/"
        if any(route.matches(redirect_scope)[0] is not Match.NONE for route in candidates):
            return RouteMatch(None, partials, redirect_scope)
    return RouteMatch(None, partials, None)


class PrefixIndexedRouter(Router):
    """starlette's ``Router``, trying only the routes a ``RouteIndex`` gives for the path:
    the outcome (match, 405 on a partial match, redirect, default) is the same as
    starlette's loop over every route, in the same order."""

    _index: RouteIndex | None = None

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().app(scope, receive, send)
            return
        if "router" not in scope:
            scope["router"] = self
        if self._index is None or self._index.size != len(self.routes):  # routes added
            self._index = RouteIndex(self.routes)
        route_path = get_route_path(scope)
        found = match_routes(
            self._index.candidates(route_path), scope, route_path, self.redirect_slashes
        )
        if found.full is not None:
            route, child_scope = found.full
            scope["route"] = route
            scope.update(child_scope)
            await route.handle(scope, receive, send)
        elif found.partials:
            await _method_not_allowed(scope, receive, send, found.partials)
        elif found.redirect is not None:
            response = RedirectResponse(url=str(URL(scope=found.redirect)))
            await response(scope, receive, send)
        else:
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
