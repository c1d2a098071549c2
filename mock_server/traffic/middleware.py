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

import time
from collections.abc import Awaitable
from http import HTTPStatus
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mock_server._connexion.server import cut_connection
from mock_server._connexion.validation import VIOLATIONS, read_body
from mock_server.core.faults import FaultHit
from mock_server.core.journal import BODY_LIMIT, RESPONSE_LIMIT
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
        faults = self.faults
        if not journal.enabled:
            hit = self._pick(scope) if faults.active else None
            if hit is None:
                await self.app(scope, receive, send)
            else:
                await self._apply(hit, scope, receive, send, send)
            return

        started = _perf()
        wall = _wall()
        mock_time = self.clock.now()
        extensions = scope.get("extensions")
        if extensions is None:
            scope["extensions"] = extensions = {}
        body = b""
        body_size = 0
        status: int | None = None
        answer: bytes | None = None  # the start of an error answer's body

        # Closures over plain locals: the cheapest way to note what passes.
        async def receiving() -> Message:
            nonlocal body, body_size
            message = await receive()
            chunk = message.get("body")
            if chunk:
                if len(body) < BODY_LIMIT:
                    body += chunk[: BODY_LIMIT - len(body)]
                body_size += len(chunk)
            return message

        # Not a coroutine function: it hands back the server's own awaitable, so each
        # message costs one plain call, not a coroutine of its own.
        def sending(message: Message) -> Awaitable[None]:
            nonlocal status, answer
            if message["type"] == "http.response.start":
                status = message["status"]
            elif status is not None and status >= 400:
                kept = answer or b""
                if len(kept) < RESPONSE_LIMIT:
                    answer = kept + message.get("body", b"")[: RESPONSE_LIMIT - len(kept)]
            return send(message)

        hit = None
        try:
            if faults.active:
                hit = self._pick(scope)
            if hit is None:
                await self.app(scope, receiving, sending)
            else:
                given = await self._apply(hit, scope, receiving, send, sending)
                if given is not None:
                    status, answer = given
        finally:
            journal.record(
                wall,
                mock_time,
                scope["method"],
                scope["path"],
                scope["query_string"],
                # A tuple of tuples of bytes, which the garbage collector stops tracking:
                # ten thousand kept lists of headers made its passes far longer.
                tuple(scope["headers"]),
                body,
                body_size,
                status,
                _perf() - started,
                hit,
                extensions.get(VIOLATIONS),
                answer,
            )

    def _pick(self, scope: Scope) -> FaultHit | None:
        method, path = scope["method"], scope["path"]
        starts = self.faults.path_starts
        if starts is not None and not path.startswith(starts):
            return None  # every rule names a path, and this one starts as none of them
        if self.faults.needs_operation:
            api, operation = self.index.resolve(method, path)
        else:  # no rule names an operation: the path's API is all a rule needs
            api, operation = self.index.api_of(path), None
        hit = self.faults.pick(api, operation, method, path)
        if hit is not None:
            scope.setdefault("extensions", {})[_FAULTED] = (api, operation)
        return hit

    async def _apply(
        self, hit: FaultHit, scope: Scope, receive: Receive, send: Send, recorded_send: Send
    ) -> tuple[int | None, bytes | None] | None:
        """Act on a request. ``send`` is the server's own (a cut needs it);
        ``recorded_send`` the journal's wrapper of it, for an answer the app writes.
        Returns the status and error body sent by the fault itself, if any."""
        action = hit.action
        if action.kind == "latency":
            await self.faults.delays.wait(hit.delay)
            await self.app(scope, receive, recorded_send)
            return None
        # The request is read whole first, as a server would before answering (and so the
        # journal holds its body); it goes no further.
        await read_body(receive)
        if action.kind == "disconnect" and action.disconnect == "before_response":
            await cut_connection(send)
            return None, None
        if action.kind == "status":
            status, headers, body = _status_answer(hit)
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return status, body[:RESPONSE_LIMIT] if status >= 400 else None
        api, operation = scope["extensions"][_FAULTED]
        if operation is None:
            api, operation = self.index.resolve(scope["method"], scope["path"])
        example = self.index.example(api, operation)
        if action.kind == "truncate":
            body = example.body[: min(action.truncate or 0, len(example.body) - 1)]
            await send(_start(example.status, example.content_type, len(body)))
            await send({"type": "http.response.body", "body": body})
            return example.status, None
        # mid_body: the whole answer's length announced, half of it sent, then cut.
        await send(_start(example.status, example.content_type, len(example.body)))
        half = example.body[: max(1, len(example.body) // 2)]
        await send({"type": "http.response.body", "body": half, "more_body": True})
        await cut_connection(send)
        return example.status, None


#: Where the API and operation a fault rule was matched against wait for its action.
_FAULTED = "mock_server.faulted"


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
