"""HTTP side of the monitor-server mock: one method per operationId of
``specs/monitor_server.yaml``. The rules live in ``MonitorServerBackend``."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from connexion.lifecycle import ConnexionResponse

from mock_server.core.state import MockState
from mock_server.monitor_server.backend import MonitorServerBackend

API = "/api/v1"

Answer = tuple[Any, int] | ConnexionResponse


def _segment(value: str) -> str:
    return quote(value, safe="")


def _page_answer(result: dict[str, Any], envelope: str, route: str) -> Answer:
    """The real server's page: 204 with no body when empty, else the items with relative
    ``prev_url`` / ``next_url`` to the route that was requested (absent at the ends)."""
    if not result[envelope]:
        # A bare (None, 204) makes connexion guess a content type among the operation's
        # several; a ready response carries none, as a body-less 204 should.
        return ConnexionResponse(status_code=204)
    body: dict[str, Any] = {envelope: result[envelope], "total_page": result["total_page"]}
    for link, page in (("prev_url", result["prev_page"]), ("next_url", result["next_page"])):
        if page is not None:
            body[link] = f"{route}?page={page}"
    return body, 200


class MonitorServerHandlers:
    def __init__(self, state: MockState) -> None:
        self._state = state

    @property
    def _backend(self) -> MonitorServerBackend:
        return self._state.monitor_server

    # ------------------------------------------------------------------ sessions

    async def create_session(self, body: Any) -> Answer:
        return self._backend.create_session(body), 201

    async def list_sessions(self, page: int = 1) -> Answer:
        result = self._backend.list_sessions(page=page)
        return _page_answer(result, "sessions", f"{API}/sessions/")

    async def list_sessions_by_prefix(self, session_prefix: str, page: int = 1) -> Answer:
        result = self._backend.list_sessions(prefix=session_prefix, page=page)
        return _page_answer(result, "sessions", f"{API}/sessions/{_segment(session_prefix)}")

    async def count_sessions(self) -> Answer:
        return self._backend.count_sessions(), 200

    async def count_sessions_slash(self) -> Answer:
        return await self.count_sessions()

    async def list_session_metrics(self, session_h: str, page: int = 1) -> Answer:
        return self._session_metrics(session_h, page, trailing="")

    async def list_session_metrics_slash(self, session_h: str, page: int = 1) -> Answer:
        return self._session_metrics(session_h, page, trailing="/")

    def _session_metrics(self, session_h: str, page: int, trailing: str) -> Answer:
        result = self._backend.list_session_metrics(session_h, page=page)
        route = f"{API}/sessions/{_segment(session_h)}/metrics{trailing}"
        return _page_answer(result, "metrics", route)

    async def count_session_metrics(self, session_h: str) -> Answer:
        return self._backend.count_session_metrics(session_h), 200

    async def count_session_metrics_slash(self, session_h: str) -> Answer:
        return await self.count_session_metrics(session_h)

    # ------------------------------------------------------------------ contexts

    async def create_context(self, body: Any) -> Answer:
        return self._backend.create_context(body), 201

    async def list_contexts(self, page: int = 1) -> Answer:
        result = self._backend.list_contexts(page=page)
        return _page_answer(result, "contexts", f"{API}/contexts/")

    async def list_contexts_by_prefix(self, context_prefix: str, page: int = 1) -> Answer:
        result = self._backend.list_contexts(prefix=context_prefix, page=page)
        return _page_answer(result, "contexts", f"{API}/contexts/{_segment(context_prefix)}")

    async def count_contexts(self) -> Answer:
        return self._backend.count_contexts(), 200

    async def count_contexts_slash(self) -> Answer:
        return await self.count_contexts()

    async def list_context_metrics(self, context_h: str, page: int = 1) -> Answer:
        return self._context_metrics(context_h, page, trailing="")

    async def list_context_metrics_slash(self, context_h: str, page: int = 1) -> Answer:
        return self._context_metrics(context_h, page, trailing="/")

    def _context_metrics(self, context_h: str, page: int, trailing: str) -> Answer:
        result = self._backend.list_context_metrics(context_h, page=page)
        route = f"{API}/contexts/{_segment(context_h)}/metrics{trailing}"
        return _page_answer(result, "metrics", route)

    async def count_context_metrics(self, context_h: str) -> Answer:
        return self._backend.count_context_metrics(context_h), 200

    async def count_context_metrics_slash(self, context_h: str) -> Answer:
        return await self.count_context_metrics(context_h)

    # ------------------------------------------------------------------ metrics

    async def create_metric(self, body: Any) -> Answer:
        return self._backend.create_metric(body), 201

    async def list_metrics(self, page: int = 1) -> Answer:
        return _page_answer(self._backend.list_metrics(page=page), "metrics", f"{API}/metrics/")

    async def count_metrics(self) -> Answer:
        return self._backend.count_metrics(), 200

    async def count_metrics_slash(self) -> Answer:
        return await self.count_metrics()
