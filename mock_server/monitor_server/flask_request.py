"""A request read as the real server's Flask 1.1 reads it.

- ``request.args``: the query string's pairs; ``get`` takes the first value of a name.
- ``request.json``: the body parsed as JSON when the Content-Type says JSON
  (``application/json`` or ``application/*+json``), else None; a body that is not JSON
  answers 400 with werkzeug's ``BadRequest`` text.
- the page of a listing (``get_page_info``): ``int()`` of the first ``page`` value, else
  the ``page`` of a JSON body, else 1.
"""

from __future__ import annotations

import json
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from mock_server.core.errors import InvalidInput
from mock_server.core.numbers import loads_finite
from mock_server.monitor_server.backend import PageNumber


def _is_json(content_type: str | None) -> bool:
    if content_type is None:
        return False
    mimetype = content_type.split(";", 1)[0].strip().lower()
    return mimetype == "application/json" or (
        mimetype.startswith("application/") and mimetype.endswith("+json")
    )


BAD_REQUEST_BODY = {
    "message": "The browser (or proxy) sent a request that this server could not understand."
}


class MalformedJson(InvalidInput):
    def __init__(self) -> None:
        super().__init__("the body is not JSON", body=BAD_REQUEST_BODY)


class FlaskRequest:
    """One request, read once: its query's first values (``args``) and whether its body
    is JSON (``is_json``) are worked out when it is made."""

    __slots__ = ("args", "body", "content_type", "is_json", "path", "query")

    def __init__(
        self,
        path: str,
        query: list[tuple[str, str]],
        content_type: str | None,
        body: bytes = b"",
    ) -> None:
        self.path = path
        self.query = query
        self.content_type = content_type
        self.body = body
        # Each name once, with its first value, in the order the names first appear.
        self.args: dict[str, str] = {}
        for name, value in query:
            self.args.setdefault(name, value)
        self.is_json = _is_json(content_type)

    def with_body(self, body: bytes) -> FlaskRequest:
        return FlaskRequest(self.path, self.query, self.content_type, body)

    @classmethod
    def from_scope(cls, scope: MutableMapping[str, Any], body: bytes = b"") -> FlaskRequest:
        raw_type = None
        for name, value in scope.get("headers", ()):
            if name.lower() == b"content-type":  # the last one, as a dict of them keeps
                raw_type = value
        query_string = scope.get("query_string", b"")
        return cls(
            scope["path"],
            parse_qsl(query_string.decode("latin-1"), keep_blank_values=True, errors="replace")
            if query_string
            else [],
            None if raw_type is None else raw_type.decode("latin-1"),
            body,
        )

    def json(self) -> Any:
        if not self.is_json:
            return None
        try:
            return loads_finite(self.body)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise MalformedJson() from error
        except ValueError as error:  # NaN or an infinity, which Flask's parser would take
            raise InvalidInput(str(error)) from error

    def page(self) -> PageNumber:
        """``int()`` of the first ``page`` value; else the ``page`` of a JSON body as it is
        (the real server pages with a float or a boolean too: ``2.0`` is page 2, its links
        say ``1.0`` and ``3.0``); else 1."""
        page = self.args.get("page")
        if page is not None:
            try:
                return int(page)
            except ValueError:
                pass
        body = self.json()
        if body is None or not isinstance(body, dict) or "page" not in body:
            if isinstance(body, (str, list)) and "page" in body:
                # The real server then reads body["page"] off a string or a list: a 500.
                raise InvalidInput("a JSON body naming 'page' must be an object")
            return 1
        page = body["page"]
        if not isinstance(page, (int, float)):  # bool is an int
            raise InvalidInput("the page in a JSON body must be a number")
        return page
