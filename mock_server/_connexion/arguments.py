"""A handler's keyword arguments, as connexion's ``prep_kwargs`` builds them, planned once.

connexion 3.3 works out on every request which parameters an operation has, deep-copies
their defaults and sanitizes every name (about a tenth of a W1 request). ``ArgumentPlan``
does that per operation and keeps, per request, only what depends on the request. It
covers what the fast lane serves: path, query and JSON body arguments plus the security
context; forms and files stay with connexion. ``tests/_connexion/test_arguments.py`` checks
it gives what ``prep_kwargs`` gives.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from copy import deepcopy
from typing import Any

from connexion.decorators.parameter import (
    CONTEXT_NAME,
    _get_query_defaults,
    _get_val_from_param,
)
from connexion.utils import deep_merge, is_null, is_nullable

_IMMUTABLE = (str, int, float, bool, type(None))


class ArgumentPlan:
    def __init__(
        self,
        operation: Any,
        *,
        arguments: list[str],
        has_kwargs: bool,
        sanitize: Callable[[str], str],
    ) -> None:
        self.wanted = set(arguments)
        self.has_kwargs = has_kwargs
        # connexion's sanitizers run three regular expressions per name; the names an
        # operation sees are its own parameters' and the security context's.
        self.sanitize = functools.lru_cache(maxsize=256)(sanitize)
        parameters = operation.parameters
        self.path_definitions = {p["name"]: p for p in parameters if p["in"] == "path"}
        self.query_definitions = {p["name"]: p for p in parameters if p["in"] == "query"}
        self.query_defaults = _get_query_defaults(self.query_definitions)
        # Immutable defaults can be shared between requests; others are copied each time.
        self.defaults_need_copy = not all(
            isinstance(v, _IMMUTABLE) for v in self.query_defaults.values()
        )
        self.operation = operation
        self.takes_body = bool(arguments or has_kwargs) and operation.is_request_body_defined
        # By content type, as the operation gives it.
        self._body_schemas: dict[str, dict[str, Any]] = {}

    def wants(self, name: str) -> bool:
        return self.has_kwargs or name in self.wanted

    def kwargs(
        self,
        *,
        path_params: Mapping[str, Any],
        query_params: Mapping[str, Any],
        body: Any,
        content_type: str,
        context: dict[str, Any],
    ) -> dict[str, Any]:
        sanitize = self.sanitize
        result: dict[str, Any] = {}
        for name, value in path_params.items():
            definition = self.path_definitions.get(name)
            result[sanitize(name)] = (
                value if definition is None else _get_val_from_param(value, definition)
            )
        defaults = self.query_defaults
        query = deep_merge(
            deepcopy(defaults) if self.defaults_need_copy else dict(defaults), query_params
        )
        for name, value in query.items():
            key = sanitize(name)
            definition = self.query_definitions.get(name)
            if definition is not None and self.wants(key):
                result[key] = _get_val_from_param(value, definition)
        if self.takes_body:
            body_name = sanitize(self.operation.body_name(content_type))
            if self.wants(body_name):
                result[body_name] = self._body(body, content_type)
        result = {sanitize(k): v for k, v in result.items()}
        for key, value in context.items():
            if self.wants(key):
                result[key] = value
        if CONTEXT_NAME in self.wanted:
            result[CONTEXT_NAME] = context
        return result

    def _body(self, body: Any, content_type: str) -> Any:
        schema = self._body_schemas.get(content_type)
        if schema is None:
            schema = self._body_schemas[content_type] = self.operation.body_schema(content_type)
        if is_nullable(schema) and is_null(body):
            return None
        if body is None:
            return deepcopy(schema.get("default", {}))
        return body
