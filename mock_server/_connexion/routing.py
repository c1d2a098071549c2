"""Route a request as starlette's ``Router`` does, trying only the routes its path can match.

The fast lane routes each request to its operation with connexion's own routes (one
starlette ``Route`` per operation, in spec order). ``match_routes`` gives what starlette's
``Router.app`` makes of a path (the first full match, the routes matching the path but not
the method, the trailing-slash redirect) from the routes ``RouteIndex`` says the path can
match at all: a few of an API's routes instead of all of them (monitor-server has 59).

``allowed_methods`` is what a 405 names: every method of every route the path matches.
connexion adds one route per operation, so starlette's own 405 names the first one's only.
"""

from __future__ import annotations

from typing import NamedTuple, cast

from starlette.routing import BaseRoute, Match, Mount, Route
from starlette.types import Scope

from mock_server.core.first_match import FirstMatch


def literal_prefix(route: BaseRoute) -> str:
    """The text every path a route matches starts with ("" when it cannot tell).

    A ``Route`` or ``Mount`` matches by a regular expression that begins with the literal
    part of its path up to the first parameter (a mount's path ends with ``/{path}``).
    """
    if isinstance(route, (Route, Mount)):
        return route.path_format.split("{", 1)[0]
    return ""


class _Node:
    __slots__ = ("children", "first", "reachable", "routes")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.routes: list[tuple[int, BaseRoute, str]] = []  # (order, route, literal prefix)
        # The routes filed here and above, in order, and one expression over their paths.
        self.reachable: list[BaseRoute] = []
        self.first: FirstMatch | None = None


def _first_of(routes: list[BaseRoute]) -> FirstMatch | None:
    """Which of the routes is the first whose path expression matches a path; None unless
    every route is a ``Route`` (a mount matches otherwise)."""
    if not routes or not all(isinstance(route, Route) for route in routes):
        return None
    return FirstMatch([cast(Route, route).path_regex.pattern for route in routes])


class RouteIndex:
    """The routes a path can match, in their order, without trying the others.

    A route is left out only when neither the path nor the path with a slash appended
    starts with its literal prefix: then it can match neither the request nor the
    trailing-slash redirect starlette tries next (the redirect without the slash is a
    prefix of the path). Routes are filed by the whole segments of their prefix
    ("/api/v1/sessions/count" under api, v1, sessions): a path visits the nodes of its
    own leading segments, and only the routes filed there can have a prefix it starts
    with.
    """

    def __init__(self, routes: list[BaseRoute]) -> None:
        self.size = len(routes)
        self._root = _Node()
        for order, route in enumerate(routes):
            prefix = literal_prefix(route)
            node = self._root
            for segment in prefix[1:].split("/")[:-1] if prefix.startswith("/") else ():
                node = node.children.setdefault(segment, _Node())
            node.routes.append((order, route, prefix))
        self._prepare(self._root, [])

    def _prepare(self, node: _Node, above: list[tuple[int, BaseRoute, str]]) -> None:
        filed = sorted([*above, *node.routes], key=_order)
        node.reachable = [route for _, route, _ in filed]
        node.first = _first_of(node.reachable)
        for child in node.children.values():
            self._prepare(child, filed)

    def _deepest(self, probe: str) -> tuple[_Node, list[tuple[int, BaseRoute, str]]]:
        """The node of the probe's longest run of leading segments, and the routes filed
        on the way."""
        found = list(self._root.routes)
        node = self._root
        if probe.startswith("/"):
            for segment in probe[1:].split("/"):
                child = node.children.get(segment)
                if child is None:
                    break
                node = child
                found += node.routes
        return node, found

    def candidates(self, route_path: str) -> list[BaseRoute]:
        probe = route_path + "/"
        _, found = self._deepest(probe)
        if len(found) > 1:
            found.sort(key=_order)
        return [route for _, route, prefix in found if probe.startswith(prefix)]

    def match(self, scope: Scope, route_path: str) -> RouteMatch:
        """``match_routes`` over the candidates. The usual request, whose first route
        matching the path takes the method, is found by one expression over the node's
        routes (a route matching the path before a full match could only be a partial
        one, which starlette passes over for the full match)."""
        node, _ = self._deepest(route_path + "/")
        if node.first is not None:
            first = node.first(route_path)
            if first is not None:
                route = node.reachable[first]
                found, child_scope = route.matches(scope)
                if found is Match.FULL:
                    return RouteMatch((route, child_scope), [], None)
        return match_routes(self.candidates(route_path), scope, route_path)


def _order(filed: tuple[int, BaseRoute, str]) -> int:
    return filed[0]


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


#: Where the fast lane notes the ``Allow`` of a 405 it leaves to connexion (in the scope's
#: extensions), for the 405 error handler (``mock_server._connexion.problems``).
ALLOW = "mock_server.allow"


def allowed_methods(partials: list[tuple[BaseRoute, Scope]]) -> str:
    """The ``Allow`` of a 405 (RFC 9110 §15.5.6): every method of the routes matched."""
    return ", ".join(sorted({m for r, _ in partials for m in getattr(r, "methods", None) or ()}))
