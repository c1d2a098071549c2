"""The ASGI middleware every request to the mock passes first: it journals the requests of
the served APIs and applies the HTTP fault rules to them.

It sits outside the whole connexion app, so a fault acts before anything else sees the
request (no routing, no validation, no backend: the state is untouched), and the journal
sees every answer, connexion's refusals and the monitor-server's own included. The admin
API, Swagger UI and the specs (every path starting with ``/_``) pass untouched.

What a request pays here when no rule is held: one journal entry (a small object holding
references to what the server handed over), a wrapper around ``receive`` and ``send``.
Routing the path to its API and operation happens only when a rule is held, or when the
journal is read.
"""

from __future__ import annotations

import asyncio
import time
from http import HTTPStatus
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mock_server._connexion.server import cut_connection
from mock_server._connexion.validation import VIOLATIONS, read_body
from mock_server.core.faults import FaultHit
from mock_server.core.journal import RESPONSE_LIMIT, Entry
from mock_server.core.state import MockState
from mock_server.traffic.routes import OperationIndex

_perf = time.perf_counter
_wall = time.time


class TrafficMiddleware:
    def __init__(self, app: ASGIApp, *, state: MockState, index: OperationIndex) -> None:
        self.app = app
        self.state = state
        self.index = index
        self.journal = state.journal
        self.faults = state.faults
        self.clock = state.clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_"):
            await self.app(scope, receive, send)
            return
        journal = self.journal
        if not journal.enabled:
            if not self.faults.active:
                await self.app(scope, receive, send)
                return
            api, operation = self.index.resolve(scope["method"], scope["path"])
            hit = self.faults.pick(api, operation, scope["method"], scope["path"])
            if hit is None:
                await self.app(scope, receive, send)
            else:
                await self._apply(hit, api, operation, scope, receive, send, send, None)
            return

        entry = Entry(
            _wall(),
            self.clock.now(),
            scope["method"],
            scope["path"],
            scope["query_string"],
            scope["headers"],
        )
        extensions = scope.get("extensions")
        if extensions is None:
            scope["extensions"] = extensions = {}
        started = _perf()

        async def receiving() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                body = message.get("body")
                if body:
                    entry.keep_body(body)
            return message

        async def sending(message: Message) -> None:
            kind = message["type"]
            if kind == "http.response.start":
                entry.status = message["status"]
            elif kind == "http.response.body" and (entry.status or 0) >= 400:
                kept = entry.response_body or b""
                room = RESPONSE_LIMIT - len(kept)
                if room > 0:
                    entry.response_body = kept + message.get("body", b"")[:room]
            await send(message)

        try:
            hit = None
            if self.faults.active:
                api, operation = self.index.resolve(entry.method, entry.path)
                entry.api, entry.operation, entry.resolved = api, operation, True
                hit = self.faults.pick(api, operation, entry.method, entry.path)
                entry.fault = hit
            if hit is None:
                await self.app(scope, receiving, sending)
            else:
                await self._apply(
                    hit, entry.api, entry.operation, scope, receiving, send, sending, entry
                )
        finally:
            entry.duration = _perf() - started
            entry.violations = extensions.get(VIOLATIONS)
            journal.add(entry)

    async def _apply(
        self,
        hit: FaultHit,
        api: str | None,
        operation: str | None,
        scope: Scope,
        receive: Receive,
        send: Send,
        recorded_send: Send,
        entry: Entry | None,
    ) -> None:
        """Act on a request. ``send`` is the server's own (a cut needs it);
        ``recorded_send`` the journal's wrapper of it, for an answer the app writes."""
        action = hit.action
        if action.kind == "latency":
            await asyncio.sleep(hit.delay)
            await self.app(scope, receive, recorded_send)
            return
        # The request is read whole first, as a server would before answering (and so the
        # journal holds its body); it goes no further.
        await read_body(receive)
        if action.kind == "disconnect" and action.disconnect == "before_response":
            await cut_connection(send)
            return
        if action.kind == "status":
            status, headers, body = _status_answer(hit)
            if entry is not None:
                entry.status = status
                entry.response_body = body[:RESPONSE_LIMIT] if status >= 400 else None
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        example = self.index.example(api, operation)
        if entry is not None:
            entry.status = example.status
        if action.kind == "truncate":
            body = example.body[: min(action.truncate or 0, len(example.body) - 1)]
            await send(_start(example.status, example.content_type, len(body)))
            await send({"type": "http.response.body", "body": body})
            return
        # mid_body: the whole answer's length announced, half of it sent, then cut.
        await send(_start(example.status, example.content_type, len(example.body)))
        half = example.body[: max(1, len(example.body) // 2)]
        await send({"type": "http.response.body", "body": half, "more_body": True})
        await cut_connection(send)


def _start(status: int, content_type: str, length: int) -> Message:
    return {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", content_type.encode("latin-1")),
            (b"content-length", str(length).encode()),
        ],
    }


def _status_answer(hit: FaultHit) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """The status, headers and body of a ``status`` fault: the body given (any text, as a
    proxy would send it), or a problem document naming the rule."""
    action = hit.action
    status = action.status or 500
    content_type = action.content_type
    if action.body is None:
        body = orjson.dumps(
            {
                "type": "about:blank",
                "title": _phrase(status),
                "status": status,
                "detail": f"injected by the mock's fault rule {hit.rule_id}",
            }
        )
        content_type = content_type or "application/problem+json"
    else:
        body = action.body.encode("utf-8")
        if body and content_type is None:
            content_type = "text/plain; charset=utf-8"
    given = {name.lower() for name, _ in action.headers}
    headers: list[tuple[bytes, bytes]] = [
        (name.encode("latin-1"), value.encode("latin-1"))
        for name, value in action.headers
        if name.lower() != "content-length"  # the body's own length is the one sent
    ]
    if content_type is not None and "content-type" not in given:
        headers.append((b"content-type", content_type.encode("latin-1")))
    headers.append((b"content-length", str(len(body)).encode()))
    return status, headers, body


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def traffic_middleware(state: MockState, index: OperationIndex) -> Any:
    """The middleware as connexion builds its chain: a callable taking the next app."""

    def build(app: ASGIApp) -> TrafficMiddleware:
        return TrafficMiddleware(app, state=state, index=index)

    return build
