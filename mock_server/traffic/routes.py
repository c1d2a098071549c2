"""Which served API and operation a request is for, from the specs alone.

The journal names each request's API and operation, and fault rules match on them, whether
or not the request is valid, routed by connexion, answered by the fast lane or faulted
before anything else saw it. ``OperationIndex`` routes as connexion's starlette routes
do for the paths of these specs (a ``{parameter}`` is one non-empty segment; of the
templates a path fits, the first in spec order wins) by walking the path's segments, so a
lookup costs a few dictionary reads whatever the number of operations.

It also holds each operation's example answer from its spec: the body a ``truncate`` or
``mid_body`` fault cuts (the request never reaches the backend, so there is no real one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import orjson

from mock_server.core.specs import operations, spec_document

#: A fault answer for a request no operation (or no example) gives a body for.
_GENERIC = orjson.dumps(
    {"detail": "an answer cut by a fault rule of the mock (the operation has no example)"}
)


#: How many paths each cache of ``OperationIndex`` holds before it starts again.
_CACHED = 4096
_UNKNOWN = object()


@dataclass(frozen=True, slots=True)
class ExampleAnswer:
    status: int
    content_type: str
    body: bytes


GENERIC_ANSWER = ExampleAnswer(200, "application/json", _GENERIC)


@dataclass(slots=True)
class _Node:
    literal: dict[str, _Node] = field(default_factory=dict)
    parameter: _Node | None = None
    #: METHOD -> (spec order, api, operationId) of the templates ending here
    operations: dict[str, tuple[int, str, str]] = field(default_factory=dict)


class OperationIndex:
    def __init__(self, apis: tuple[str, ...]) -> None:
        self._root = _Node()
        #: (first segment, second segment or "") -> api, for paths no operation fits
        self._prefixes: dict[tuple[str, str], str | None] = {}
        self.examples: dict[tuple[str, str], ExampleAnswer] = {}
        # The answers for the paths seen lately: a client sends the same few paths again
        # and again, and a fault rule asks for them on every request.
        self._apis: dict[str, str | None] = {}
        self._resolved: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        order = 0
        for api in apis:
            for method, template, operation_id, operation in operations(api):
                node = self._root
                segments = template.strip("/").split("/") if template != "/" else []
                for segment in segments:
                    if segment.startswith("{") and segment.endswith("}"):
                        node.parameter = node.parameter or _Node()
                        node = node.parameter
                    else:
                        node = node.literal.setdefault(segment, _Node())
                if template.endswith("/") and template != "/":
                    node = node.literal.setdefault("", _Node())  # the trailing slash
                node.operations.setdefault(method, (order, api, operation_id))
                order += 1
                self._note_prefix(segments, api)
                self.examples[(api, operation_id)] = _example(spec_document(api), operation)

    def _note_prefix(self, segments: list[str], api: str) -> None:
        first = segments[0] if segments else ""
        second = segments[1] if len(segments) > 1 and not segments[1].startswith("{") else ""
        for key in ((first, second), (first, "")):
            known = self._prefixes.get(key, api)
            # A prefix two APIs share (/api) names neither.
            self._prefixes[key] = api if known == api else None

    def api_of(self, path: str) -> str | None:
        """The served API a path belongs to (its first segments), None when none."""
        known = self._apis.get(path, _UNKNOWN)
        if known is not _UNKNOWN:
            return cast("str | None", known)
        if len(self._apis) >= _CACHED:  # a client walking many paths: start again
            self._apis.clear()
        self._apis[path] = api = self._api_of(path)
        return api

    def _api_of(self, path: str) -> str | None:
        segments = path[1:].split("/", 2)
        first = segments[0]
        second = segments[1] if len(segments) > 1 else ""
        api = self._prefixes.get((first, second))
        if api is None:
            api = self._prefixes.get((first, ""))
        return api

    def resolve(self, method: str, path: str) -> tuple[str | None, str | None]:
        """(api, operationId) of a request; the operation is None when none fits (a
        HEAD request is taken for the GET it is answered as)."""
        key = (method, path)
        known = self._resolved.get(key)
        if known is not None:
            return known
        if len(self._resolved) >= _CACHED:
            self._resolved.clear()
        self._resolved[key] = found = self._resolve(method, path)
        return found

    def _resolve(self, method: str, path: str) -> tuple[str | None, str | None]:
        if not path.startswith("/"):
            return None, None
        found = self._find(path, method)
        if found is None and method == "HEAD":
            found = self._find(path, "GET")
        if found is not None:
            return found[1], found[2]
        return self.api_of(path), None

    def _find(self, path: str, method: str) -> tuple[int, str, str] | None:
        segments = path[1:].split("/") if path != "/" else []
        best: tuple[int, str, str] | None = None
        # Depth-first over literal and parameter branches; few paths ever fork.
        stack = [(self._root, 0)]
        while stack:
            node, depth = stack.pop()
            if depth == len(segments):
                candidate = node.operations.get(method)
                if candidate is not None and (best is None or candidate[0] < best[0]):
                    best = candidate
                continue
            segment = segments[depth]
            child = node.literal.get(segment)
            if child is not None:
                stack.append((child, depth + 1))
            if node.parameter is not None and segment:
                stack.append((node.parameter, depth + 1))
        return best

    def example(self, api: str | None, operation: str | None) -> ExampleAnswer:
        if api is None or operation is None:
            return GENERIC_ANSWER

        return self.examples.get((api, operation), GENERIC_ANSWER)


def _example(spec: dict[str, Any], operation: dict[str, Any]) -> ExampleAnswer:
    """The first example of the operation's first success answer that has one."""
    for status, response in (operation.get("responses") or {}).items():
        if not str(status).startswith("2"):
            continue
        response = _resolved(spec, response)
        for content_type, content in (response.get("content") or {}).items():
            value = content.get("example")
            if value is None and content.get("examples"):
                value = _resolved(spec, next(iter(content["examples"].values()))).get("value")
            if value is None:
                value = _resolved(spec, content.get("schema") or {}).get("example")
            if value is None:
                continue
            body = value.encode() if isinstance(value, str) else orjson.dumps(value)
            if len(body) > 1:
                return ExampleAnswer(int(status), content_type, body)
    return GENERIC_ANSWER


def _resolved(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A node with its local ``$ref`` followed (the specs are self-contained)."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        node = target
    return node if isinstance(node, dict) else {}
