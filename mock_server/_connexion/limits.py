"""What a request may be before anything parses it: bounded, refused at once otherwise.

The mock serves every API from one event loop, so a request whose parsing takes long makes
every other request wait. connexion reads a query string in time growing with the square of
its parameter count (``ConnexionRequest.query_params`` looks every name up in starlette's
``MultiDict`` one by one: a 64 KB query string took 11 s); each such request is refused
here before anything reads it, as are a body beyond ``--max-body`` (413, before it is read
at all when its length is announced) and headers beyond what a server would take. A body
sent in chunks, without a ``Content-Length``, is read here and handed on with its length
(connexion would take it for no body at all).

| limit | at most | answer |
|---|---|---|
| request target (path and query) | ``MAX_TARGET`` bytes | 414 |
| query parameters | ``MAX_QUERY_PARAMETERS`` | 414 |
| header fields | ``MAX_HEADERS``, ``MAX_HEADER_BYTES`` bytes in all | 431 |
| body | ``max_body`` bytes (``--max-body``, 16 MB) | 413 |
| ``Content-Length`` | digits | 400 |
| ``Content-Type`` | printable ASCII | 415 |

Each answer is a problem document (``application/problem+json``) naming the limit.

A query string holding bytes beyond ASCII (which a URI cannot hold, RFC 3986: a client
should have percent-encoded them) is handed on with those bytes percent-encoded: it means
the same to a server that decodes escapes as UTF-8 (werkzeug, starlette's query
parameters), and starlette builds a redirect's URL by decoding the raw query as UTF-8,
failing on any other byte.
"""

from __future__ import annotations

import re

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send

from mock_server._connexion.validation import replaying

MAX_TARGET = 8 * 1024  # as the request line most servers take (nginx, Tomcat)
MAX_QUERY_PARAMETERS = 100
MAX_HEADERS = 100
MAX_HEADER_BYTES = 64 * 1024
DEFAULT_MAX_BODY = 16 * 1024 * 1024

_PRINTABLE = re.compile(rb"[\x20-\x7e]*")
_BEYOND_ASCII = re.compile(rb"[\x80-\xff]")
_TITLES = {
    400: "Bad Request",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    414: "URI Too Long",
    431: "Request Header Fields Too Large",
}


class RequestLimits:
    def __init__(self, app: ASGIApp, *, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal, unannounced = self._check(scope)
        if refusal is not None:
            await _refuse(send, *refusal)
            return
        query = scope.get("query_string")
        if query and not query.isascii():
            scope = {**scope, "query_string": _BEYOND_ASCII.sub(_escaped, query)}
        if unannounced:
            # A body of unannounced length (chunked) is read here first, up to the limit,
            # then handed on with its length: connexion takes a body without one for none.
            body, whole = await _read_at_most(receive, self.max_body)
            if not whole:
                await _refuse(send, 413, self._too_large())
                return
            receive = replaying(body, receive)
            scope = dict(scope)
            scope["headers"] = [
                *((k, v) for k, v in scope["headers"] if k.lower() != b"transfer-encoding"),
                (b"content-length", str(len(body)).encode()),
            ]
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        """Why the request is refused before anything parses it, or None."""
        return self._check(scope)[0]

    def _check(self, scope: Scope) -> tuple[tuple[int, str] | None, bool]:
        """(the refusal or None, whether a body comes without a Content-Length)."""
        query = scope.get("query_string") or b""
        target = len(scope.get("raw_path") or scope["path"].encode()) + len(query)
        if target > MAX_TARGET:
            return (414, f"the request target is {target} bytes long; at most {MAX_TARGET}"), False
        parameters = query.count(b"&") + 1 if query else 0
        if parameters > MAX_QUERY_PARAMETERS:
            return (
                414,
                f"the query has {parameters} parameters; at most {MAX_QUERY_PARAMETERS}",
            ), False
        headers = scope["headers"]
        size = 0
        length = chunked = False
        for name, value in headers:  # one pass: every request pays for it
            size += len(name) + len(value)
            name = name.lower()
            if name == b"content-length":
                length = True
                if not value.strip().isdigit():
                    return (400, "the Content-Length is not a number of bytes"), False
                if int(value) > self.max_body:
                    return (413, self._too_large()), False
            elif name == b"content-type" and not _PRINTABLE.fullmatch(value):
                # connexion reads a media type as UTF-8 text and fails on other bytes.
                return (
                    415,
                    "the Content-Type is not a media type (printable ASCII, RFC 9110)",
                ), False
            elif name == b"transfer-encoding":
                chunked = True
        if len(headers) > MAX_HEADERS or size > MAX_HEADER_BYTES:
            return (
                431,
                f"{len(headers)} header fields, {size} bytes; at most {MAX_HEADERS} fields "
                f"and {MAX_HEADER_BYTES} bytes",
            ), False
        return None, chunked and not length

    def _too_large(self) -> str:
        return f"the body is larger than {self.max_body} bytes (the mock's --max-body)"


def _escaped(byte: re.Match[bytes]) -> bytes:
    return b"%%%02X" % byte.group()[0]


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = orjson.dumps(
        {"type": "about:blank", "title": _TITLES[status], "detail": detail, "status": status}
    )
    headers = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if status == 413:
        headers.append((b"connection", b"close"))  # the rest of the body is not read
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _read_at_most(receive: Receive, limit: int) -> tuple[bytes, bool]:
    """The body, and whether it was read whole within ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), True
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return b"", False
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), True
