"""One exception hierarchy for every wrapper: the status and the problem body, typed.

- ``ApiError`` and its subclasses: the service answered with an error status, or with
  something its spec does not describe (``UnexpectedResponseError``).
- ``DeadlineExceededError``: the call's ``timeout`` passed (retries and slow bodies
  included). It is an ``httpx.TimeoutException``, as httpx's own timeouts are.
- Any other failure to reach the service is httpx's ``httpx.TransportError`` (a refused or
  reset connection), raised once the retries allowed are spent.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from typing import Any

import httpx


class ApiError(Exception):
    """The service answered with an error status.

    ``problem`` is the decoded JSON body (an RFC 7807 problem from the mock; whatever JSON
    the real service sends), or ``None`` when the body is not JSON or empty (AIMS answers a
    failed login with an empty 401). ``error`` is the body's ``error`` text where the
    service answers one instead of a problem (AIMS: ``{"error": "account_inactive"}``),
    else ``None``. ``retry_after`` is the answer's ``Retry-After``, in seconds from when it
    came (either form, seconds or an HTTP date), or ``None``.
    """

    def __init__(
        self,
        status: int,
        problem: dict[str, Any] | None,
        content: bytes,
        *,
        retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.problem = problem
        self.content = content
        self.retry_after = retry_after
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


class TooManyRequestsError(ApiError):
    """429: the service asks to slow down; ``retry_after`` says for how long, if it does."""


class ServerError(ApiError):
    """5xx."""


class UnexpectedResponseError(ApiError, ValueError):
    """The service answered something its spec does not describe: a success whose body is
    not the operation's JSON (an HTML page from a proxy, JSON cut short), a status the
    operation does not declare, or a body that ended before its length. (A ``ValueError``
    too, as the ``JSONDecodeError`` it replaces was.)

    ``reason`` says what was wrong; ``content`` is what came (possibly partial);
    ``incomplete`` is true when the connection ended before the body did (a transport
    failure, so a request that may be repeated is tried again).
    """

    def __init__(
        self, status: int, content: bytes, reason: str, *, incomplete: bool = False
    ) -> None:
        super().__init__(status, None, content)
        self.reason = reason
        self.incomplete = incomplete
        Exception.__init__(self, f"HTTP {status}: {reason}")


class DeadlineExceededError(httpx.TimeoutException):
    """The call took longer than its ``timeout``, every attempt and wait included."""

    def __init__(self, timeout: float) -> None:
        super().__init__(f"the call did not finish within its timeout of {timeout:g} s")
        self.timeout = timeout


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    429: TooManyRequestsError,
}


def retry_after(headers: Mapping[str, str]) -> float | None:
    """``Retry-After`` in seconds from now: delta-seconds or an HTTP date (RFC 9110); None
    when absent or unreadable. A date in the past is 0."""
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; a bare one is read so too
        return None
    return max(0.0, when.timestamp() - time.time())


def error_for(status: int, content: bytes, headers: Mapping[str, str] | None = None) -> ApiError:
    """The typed error of an error answer (4xx, 5xx), whatever its body."""
    try:
        body = json.loads(content) if content else None
    except ValueError:
        body = None
    problem = body if isinstance(body, dict) else None
    cls = _BY_STATUS.get(status, ServerError if status >= 500 else ApiError)
    return cls(status, problem, content, retry_after=retry_after(headers or {}))
