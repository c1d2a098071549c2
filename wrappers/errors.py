"""One exception hierarchy for every wrapper: the status and the problem body, typed."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any, Protocol


class _Response(Protocol):
    """What every generated client's ``Response`` has."""

    status_code: HTTPStatus
    content: bytes


class ApiError(Exception):
    """The service answered with an error status.

    ``problem`` is the decoded JSON body (an RFC 7807 problem from the mock; whatever JSON
    the real service sends), or ``None`` when the body is not JSON or empty (AIMS answers a
    failed login with an empty 401). ``error`` is the body's ``error`` text where the
    service answers one instead of a problem (AIMS: ``{"error": "account_inactive"}``),
    else ``None``.
    """

    def __init__(self, status: int, problem: dict[str, Any] | None, content: bytes) -> None:
        self.status = status
        self.problem = problem
        self.content = content
        error = (problem or {}).get("error")
        self.error: str | None = error if isinstance(error, str) else None
        detail = (problem or {}).get("detail") or (problem or {}).get("message") or self.error
        super().__init__(f"HTTP {status}" + (f": {detail}" if detail else ""))


class BadRequestError(ApiError):
    """400: the request does not fit the API (the problem's ``detail`` says where)."""


class AuthenticationError(ApiError):
    """401: no credential, a wrong one, or an expired token."""


class LoginRefusedError(BadRequestError):
    """400 from an AIMS login with a right key pair that AIMS will not log in; ``error``
    says why: ``account_inactive`` or ``password_expired``."""


class PermissionDeniedError(ApiError):
    """403: the credential is good but not for this resource."""


class NotFoundError(ApiError):
    """404."""


class ConflictError(ApiError):
    """409: the thing exists already."""


class PayloadTooLargeError(ApiError):
    """413: too much in one request."""


class ServerError(ApiError):
    """5xx."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
}


def error_for(status: int, content: bytes) -> ApiError:
    try:
        body = json.loads(content) if content else None
    except ValueError:
        body = None
    problem = body if isinstance(body, dict) else None
    cls = _BY_STATUS.get(status, ServerError if status >= 500 else ApiError)
    return cls(status, problem, content)


def raise_for_status(response: _Response) -> None:
    """Raise the matching ``ApiError`` unless the response is a success (2xx)."""
    status = int(response.status_code)
    if not 200 <= status < 300:
        raise error_for(status, response.content)
