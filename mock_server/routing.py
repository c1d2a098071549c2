"""Serve several specs from the same base path.

Every spec here is mounted at the root (their paths are written in full), and connexion 3.3
links same-path APIs wrongly: each new API becomes the fallback of *every* earlier one, so
only the first and the last are reachable (its Swagger UI middleware does not chain them at
all). These middlewares re-link the mounts of one path in the order they were added: a
request no route of one API matches falls through to the next.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from connexion.middleware.main import ConnexionMiddleware
from connexion.middleware.routing import RoutingMiddleware
from connexion.middleware.swagger_ui import SwaggerUIMiddleware
from starlette.routing import Mount, Router


def _chain_mounts(router: Router) -> None:
    path = router.routes[-1].path
    mounts = [r for r in router.routes if isinstance(r, Mount) and r.path == path]
    for mount, following in pairwise(mounts):
        mount.app.default = following.app  # the newest keeps its own fallback


class ChainedRoutingMiddleware(RoutingMiddleware):
    def add_api(self, *args: Any, **kwargs: Any) -> None:
        super().add_api(*args, **kwargs)
        _chain_mounts(self.router)


class ChainedSwaggerUIMiddleware(SwaggerUIMiddleware):
    def add_api(self, *args: Any, **kwargs: Any) -> None:
        super().add_api(*args, **kwargs)
        _chain_mounts(self.router)


_REPLACED = {
    RoutingMiddleware: ChainedRoutingMiddleware,
    SwaggerUIMiddleware: ChainedSwaggerUIMiddleware,
}

MIDDLEWARES = [_REPLACED.get(m, m) for m in ConnexionMiddleware.default_middlewares]
