"""What the real server answers under ``/api/v1`` before any of its operations runs.

werkzeug routes the real server's requests (``rules.py``), and Flask answers on its own:
- a path no rule matches: werkzeug's HTML 404 page;
- a "folder" rule's path without its trailing slash (``/api/v1/sessions``): a 308 to the
  absolute URL with the slash, query kept, with werkzeug's HTML redirect page;
- a method the path does not take: 405, flask-restx's ``{"message": ...}``, ``Allow``
  listing what it takes (a path that would also redirect makes the real server fail
  instead: that one answers a 405 problem here);
- ``OPTIONS``: 200, no body, ``Allow``; ``HEAD``: the ``GET`` without its body.
The middleware answers those, as the real server writes them, and passes every other
request to connexion, which routes it to the same operation.
"""

from __future__ import annotations

import re

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mock_server._connexion.validation import reporting_violations
from mock_server.monitor_server.rules import V1, match

NOT_FOUND_HTML = (
    b'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n'
    b"<title>404 Not Found</title>\n"
    b"<h1>Not Found</h1>\n"
    b"<p>The requested URL was not found on the server. If you entered the URL manually "
    b"please check your spelling and try again.</p>\n"
)
METHOD_NOT_ALLOWED = b'{"message": "The method is not allowed for the requested URL."}\n'
METHOD_NOT_ALLOWED_HTML = (
    b'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n'
    b"<title>405 Method Not Allowed</title>\n"
    b"<h1>Method Not Allowed</h1>\n"
    b"<p>The method is not allowed for the requested URL.</p>\n"
)
REDIRECT_HTML = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n'
    "<title>Redirecting...</title>\n"
    "<h1>Redirecting...</h1>\n"
    "<p>You should be redirected automatically to target URL: "
    '<a href="{url}">{url}</a>.  If not click the link.'
)
HTML = b"text/html; charset=utf-8"
JSON = b"application/json"
#: Rules of the real server that are its documentation, not its API (not served here).
UNSERVED = frozenset({f"{V1}/swagger.json", f"{V1}/docs", f"{V1}/"})


def _escape(text: str) -> str:
    # werkzeug's escape: & < > and the double quote.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


async def _answer(
    send: Send, status: int, body: bytes, content_type: bytes | None, *headers: tuple[bytes, bytes]
) -> None:
    fields = [(b"content-length", str(len(body)).encode()), *headers]
    if content_type is not None:
        fields.append((b"content-type", content_type))
    await send({"type": "http.response.start", "status": status, "headers": fields})
    await send({"type": "http.response.body", "body": body})


def _allow(methods: frozenset[str]) -> tuple[bytes, bytes]:
    return b"allow", ", ".join(sorted(methods)).encode()


class RealServerRouting:
    """ASGI middleware for the monitor-server paths (everything else passes through)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not _is_monitor_server_path(path):
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        found = match(path, method)
        if found.redirect is not None:
            await self._redirect(scope, send, found.redirect)
        elif found.rule is None and found.allowed:
            served = match(path, "GET")
            if served.redirect is not None:
                await _refuse_method(send, method)
            elif served.rule is not None and served.rule.rule in UNSERVED:
                # Not flask-restx's own route: werkzeug's page answers.
                await _answer(send, 405, METHOD_NOT_ALLOWED_HTML, HTML, _allow(found.allowed))
            else:
                await _answer(send, 405, METHOD_NOT_ALLOWED, JSON, _allow(found.allowed))
        elif found.rule is None:
            await _answer(send, 404, NOT_FOUND_HTML, HTML)
        elif method == "OPTIONS":
            await _answer(send, 200, b"", HTML, _allow(match(path, "--").allowed))
        elif found.rule.rule in UNSERVED:
            await _answer(send, 404, NOT_FOUND_HTML, HTML)
        elif method == "HEAD":
            head = {**scope, "method": "GET"}
            await self.app(head, receive, _without_body(reporting_violations(head, send)))
        else:
            # The only API answering off-contract requests: it reports them in a header.
            await self.app(scope, receive, reporting_violations(scope, send))

    async def _redirect(self, scope: Scope, send: Send, target: str) -> None:
        headers = dict(scope.get("headers", ()))
        host = headers.get(b"host", b"localhost").decode("latin-1")
        query = scope.get("query_string", b"").decode("latin-1")
        url = f"http://{host}{target}" + (f"?{query}" if query else "")
        body = REDIRECT_HTML.format(url=_escape(url)).encode()
        await _answer(send, 308, body, HTML, (b"location", url.encode("latin-1")))


async def _refuse_method(send: Send, method: str) -> None:
    """A method the slashless form of a folder path does not take: the real server fails
    with a 500 (it tries to redirect while answering the 405)."""
    problem = {
        "type": "about:blank",
        "title": "Method Not Allowed",
        "status": 405,
        "detail": f"{method[:20]} is not allowed here (the real server fails with a 500)",
    }
    await _answer(send, 405, orjson.dumps(problem), b"application/problem+json")


def _is_monitor_server_path(path: str) -> bool:
    # werkzeug merges runs of slashes ("//api/v1/sessions/" redirects to the real path).
    if "//" in path:
        path = re.sub("/{2,}", "/", path)
    return path == V1 or path.startswith(f"{V1}/")


def _without_body(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return sending
