"""The request journal: what the served APIs were asked, and what the mock made of it.

Recording is on every request's path, so an entry keeps what the server handed over as it
is (the header list, the raw query, the first bytes of the body) and does nothing else:
no copies, no parsing, no JSON. Everything a reader sees is worked out when the journal is
read: the API and operation a path routes to (``resolve``, given by the app), the query as
a mapping, the body as text, and credentials replaced by ``***``.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from mock_server.core.numbers import loads_finite

#: How many bytes of a request body an entry keeps (and of an error answer's body).
BODY_LIMIT = 4096
RESPONSE_LIMIT = 2048
DEFAULT_SIZE = 10_000
REDACTED = "***"

#: Headers that carry credentials: access tokens, basic credentials, cookies.
SECRET_HEADERS = frozenset(
    {
        b"authorization",
        b"proxy-authorization",
        b"cookie",
        b"preservica-access-token",
        b"x-aims-auth-token",
    }
)
#: Form fields, JSON keys and query parameters whose value is a credential.
_SECRET_NAME = re.compile(r"pass(word|wd)?|secret|token|api[-_]?key|credential", re.IGNORECASE)
# Where a body cannot be parsed (cut at BODY_LIMIT, or not JSON), "key": "value" pairs and
# key=value fields with a secret-looking key are blanked in the text itself.
_JSON_PAIR = re.compile(
    r'("(?:[^"\\]|\\.)*(?:pass(?:word|wd)?|secret|token|api[-_]?key|credential)'
    r'(?:[^"\\]|\\.)*"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^,}\]\s]+)',
    re.IGNORECASE,
)
_FORM_PAIR = re.compile(
    r"((?:^|&)[^=&]*(?:pass(?:word|wd)?|secret|token|api[-_]?key|credential)[^=&]*=)[^&]*",
    re.IGNORECASE,
)

Resolver = Callable[[str, str], tuple[str | None, str | None]]


class Journal:
    """The last ``size`` requests, oldest first (``size`` 0: nothing is kept).

    An entry is ``(seq, fields)``, ``fields`` being ``record``'s arguments as the tuple
    Python packs them in: the cheapest thing to make on every request.

    Recorded from the event loop's thread only (the traffic middleware), so ``record``
    takes no lock: drawing the next ``seq`` and appending to the deque are one step each,
    and no other recording can come between them. Readers copy the deque in one step.
    """

    def __init__(self, size: int = DEFAULT_SIZE, resolve: Resolver | None = None) -> None:
        if size < 0:
            raise ValueError("the journal size cannot be negative")
        self.size = size
        self.enabled = size > 0
        self.resolve: Resolver = resolve or (lambda method, path: (None, None))
        self._entries: deque[tuple[int, tuple[Any, ...]]] = deque(maxlen=size or 1)
        self._append = self._entries.append
        self._seq = itertools.count(1)
        self._last = 0
        self._lock = threading.Lock()

    def record(self, *fields: Any) -> None:
        """Keep one request. ``fields``, in order: the wall-clock and mock times it came
        in, method, path, raw query (bytes), the server's list of (name, value) header
        byte pairs (kept as it is), the first ``BODY_LIMIT`` bytes of the body, the whole
        body's size, the status (None: none sent), the duration (seconds), the
        ``FaultHit`` that acted (or None), the contract violations (or None), and the
        start of an error answer's body (or None)."""
        self._last = seq = next(self._seq)
        self._append((seq, fields))

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    @property
    def last_seq(self) -> int:
        return self._last

    def query(
        self,
        *,
        api: str | None = None,
        operation: str | None = None,
        method: str | None = None,
        status: int | None = None,
        since: int | None = None,
        limit: int | None = None,
    ) -> dict[str, Any]:
        """``{"last_seq": n, "requests": [...]}``: the entries passing every filter given,
        oldest first; ``limit`` keeps the newest of them."""
        with self._lock:
            entries = self._entries.copy()  # one step: no record comes in between
            last = max(self._last, entries[-1][0] if entries else 0)
        # The app's resolver keeps what it found (traffic.routes.OperationIndex).
        resolve = self.resolve
        method = method.upper() if method else None
        chosen = []
        for entry in entries:
            seq, fields = entry
            if since is not None and seq <= since:
                continue
            if method is not None and fields[_METHOD] != method:
                continue
            if status is not None and fields[_STATUS] != status:
                continue
            if api is not None or operation is not None:
                entry_api, entry_operation = resolve(fields[_METHOD], fields[_PATH])
                if api is not None and entry_api != api:
                    continue
                if operation is not None and entry_operation != operation:
                    continue
            chosen.append(entry)
        if limit is not None:
            chosen = chosen[-limit:] if limit > 0 else []
        return {"last_seq": last, "requests": [_render(e, resolve) for e in chosen]}


_METHOD, _PATH, _STATUS = 2, 3, 8


def _render(entry: tuple[int, tuple[Any, ...]], resolve: Resolver) -> dict[str, Any]:
    seq, fields = entry
    (
        time,
        mock_time,
        method,
        path,
        query,
        headers,
        body,
        body_size,
        status,
        duration,
        fault,
        recorded_violations,
        response_body,
    ) = fields
    api, operation = resolve(method, path)
    violations: list[str] = list(recorded_violations or ())
    if api is not None and operation is None and fault is None:
        violations.append(f"no operation of the {api} API answers {method} {path}")
    return {
        "seq": seq,
        "time": time,
        "mock_time": mock_time,
        "api": api,
        "operation": operation,
        "method": method,
        "path": path,
        "query": _query(query),
        "headers": _headers(headers),
        "body": _body(body, _content_type(headers)) if body else None,
        "body_size": body_size,
        "body_truncated": body_size > len(body),
        "status": status,
        "duration_ms": round(duration * 1000, 3),
        "fault": None if fault is None else fault.to_wire(),
        "violations": violations,
        "response_body": None
        if response_body is None
        else response_body.decode("utf-8", "replace"),
    }


# --- rendering, credentials replaced ------------------------------------------------------


def _headers(raw: Iterable[tuple[bytes, bytes]]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in raw:
        key = name.decode("latin-1").lower()
        text = REDACTED if key.encode() in SECRET_HEADERS else value.decode("latin-1")
        headers[key] = f"{headers[key]}, {text}" if key in headers else text
    return headers


def _content_type(raw: Iterable[tuple[bytes, bytes]]) -> str:
    for name, value in raw:
        if name.lower() == b"content-type":
            return value.decode("latin-1").split(";", 1)[0].strip().lower()
    return ""


def _query(raw: bytes) -> dict[str, list[str]]:
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
        query.setdefault(name, []).append(REDACTED if _SECRET_NAME.search(name) else value)
    return query


def _body(body: bytes, content_type: str) -> str:
    text = body.decode("utf-8", "replace")
    if content_type == "application/x-www-form-urlencoded":
        return _FORM_PAIR.sub(lambda m: m.group(1) + REDACTED, text)
    if content_type.endswith("json") or text.lstrip().startswith(("{", "[")):
        try:
            # Bounded nesting (a hostile body thousands of levels deep would exhaust the
            # recursion of the json module, and of the redaction below).
            value = loads_finite(text)
        except ValueError:
            return _JSON_PAIR.sub(lambda m: m.group(1) + f'"{REDACTED}"', text)
        if _has_secret(value):
            return json.dumps(_redacted(value), ensure_ascii=False)
        return text
    if "=" in text and content_type in ("", "text/plain"):
        return _FORM_PAIR.sub(lambda m: m.group(1) + REDACTED, text)
    return text


def _has_secret(value: Any) -> bool:
    if isinstance(value, dict):
        return any(
            (_SECRET_NAME.search(k) and v is not None) or _has_secret(v) for k, v in value.items()
        )
    if isinstance(value, list):
        return any(_has_secret(item) for item in value)
    return False


def _redacted(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: REDACTED if _SECRET_NAME.search(k) and v is not None else _redacted(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_redacted(item) for item in value]
    return value
