"""Every spec's app behind one ASGI app: a request goes to the app of the spec its path
belongs to.

The specs' paths do not collide and are told apart by their first two segments
(``/_mock/...``; ``/api/processmonitor/...`` and ``/api/accesstoken/...`` against
``/api/v1/...``; ``/aims/...``, ``/aepublish/...``), as are each API's Swagger UI
(``/_docs/<api>``) and spec (``/_specs/<api>.json``). A path no spec claims goes to the
first app, whose connexion answers it as it answers any path it has no route for (a 404).
This is how the specs reached each other's fallbacks when they were mounted on one
connexion app, where connexion 3.3 linked them wrongly.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send


def _segments(path: str) -> tuple[str, str | None]:
    parts = path.split("/", 3)
    return (parts[1] if len(parts) > 1 else ""), (parts[2] if len(parts) > 2 else None)


class ApiDispatcher:
    def __init__(self, apps: dict[str, ASGIApp], paths: dict[str, list[str]]) -> None:
        """``apps``: each API's app, the first answering what no API claims; ``paths``:
        each API's path templates."""
        self.apps = apps
        self._default = next(iter(apps.values()))
        self._exact: dict[tuple[str, str | None], ASGIApp] = {}
        owners: dict[str, set[str]] = {}
        for api, templates in paths.items():
            for template in templates:
                first, second = _segments(template)
                owners.setdefault(first, set()).add(api)
                if second is not None and "{" not in second:
                    self._exact[(first, second)] = apps[api]
            self._exact[("_docs", api)] = apps[api]
            self._exact[("_specs", f"{api}.json")] = apps[api]
        # A first segment only one API uses names it whatever follows (``/_mock/x``).
        self._first = {first: apps[api] for first, (api, *more) in owners.items() if not more}

    def app_for(self, path: str) -> ASGIApp:
        first, second = _segments(path)
        return self._exact.get((first, second)) or self._first.get(first) or self._default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        await self.app_for(scope["path"])(scope, receive, send)


async def _lifespan(receive: Receive, send: Send) -> None:
    """The apps need nothing started or stopped (connexion builds each one's middleware
    chain on its first request)."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
