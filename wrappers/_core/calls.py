"""One call of a generated operation: its request, and how its answer reads.

The request is the generated operation's own (``_get_kwargs``), and a success is parsed
by its own parser (``_build_response``). What the generated ``sync_detailed`` does not do
is done here: an error status raises its typed error whatever the body (the generated
parser would meet an HTML 502 with ``JSONDecodeError``), and a success the spec does not
describe (an undeclared status, a body that is not the operation's JSON, a model the
parser cannot build) raises ``UnexpectedResponseError`` rather than ``JSONDecodeError``,
``KeyError``, ``TypeError`` or ``AttributeError``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from types import ModuleType
from typing import Any, Generic, TypeVar

import httpx

from wrappers.errors import UnexpectedResponseError, error_for

R = TypeVar("R")
M = TypeVar("M")

#: What a reader of a body that is not the operation's JSON may meet: the generated
#: parsers index dicts (KeyError), call methods of what they expect (AttributeError,
#: TypeError) and decode JSON and enums (ValueError, JSONDecodeError among them).
_MALFORMED = (ValueError, KeyError, TypeError, AttributeError, IndexError)


class Malformed(Exception):
    """Raised by a reader when a success's body is not what the spec describes; the call
    reports it as ``UnexpectedResponseError`` with the answer's status and body."""


@dataclass(frozen=True, slots=True)
class Reply:
    """A success as a reader gets it: the generated model (``parsed``), the raw body."""

    status: int
    content: bytes
    parsed: Any


def expect(value: object, model: type[M]) -> M:
    """``value`` if it is a ``model``, else ``Malformed``."""
    if not isinstance(value, model):
        raise Malformed(f"expected {model.__name__}, got {type(value).__name__}")
    return value


@dataclass(frozen=True, slots=True)
class Call(Generic[R]):
    """One request of a generated operation and the reader of its success."""

    #: A generated operation module (``_get_kwargs``, ``_build_response``).
    operation: ModuleType
    kwargs: Mapping[str, Any]
    read: Callable[[Reply], R]
    #: May be sent again after a failure: a GET, or a POST the API makes safe to repeat.
    #: A create is not: it may have been stored before the connection broke.
    safe: bool = True
    #: 204 with no body is an answer (an empty listing), read as ``parsed`` None.
    empty_ok: bool = False
    #: Leave a 200's body unparsed: the reader takes what it needs from ``content``.
    parse: bool = True
    #: Credentials for this request only (AIMS' key pair on its login).
    auth: httpx.Auth | None = None

    def request(self) -> dict[str, Any]:
        """The keyword arguments of ``httpx`` ``build_request`` for this call."""
        request: dict[str, Any] = self.operation._get_kwargs(**self.kwargs)
        return request

    def answer(self, response: httpx.Response, generated: object) -> R:
        """The result of ``response`` (its body read), or the typed error it stands for."""
        status = response.status_code
        if status >= 400:
            raise error_for(status, response.content, response.headers)
        try:
            return self.read(self._reply(response, generated))
        except (Malformed, *_MALFORMED) as error:
            reason = f"not an answer of {self._name} as its spec describes it: {error}"
            raise UnexpectedResponseError(status, response.content, reason) from error

    def _reply(self, response: httpx.Response, generated: object) -> Reply:
        status, content = response.status_code, response.content
        if status == HTTPStatus.NO_CONTENT and self.empty_ok:
            return Reply(status, content, None)
        if not 200 <= status < 300:
            raise Malformed(f"status {status}")
        if status == HTTPStatus.OK and not self.parse:
            return Reply(status, content, None)
        # The generated parser returns None for a status its spec does not declare.
        parsed = self.operation._build_response(client=generated, response=response).parsed
        if parsed is None:
            raise Malformed(f"status {status} is not declared")
        return Reply(status, content, parsed)

    @property
    def _name(self) -> str:
        return self.operation.__name__.rsplit(".", 1)[-1]
