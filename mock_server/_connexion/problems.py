"""The mock's error handlers (connexion's ``add_error_handler``): every refusal as an HTTP
problem (RFC 9457), in one place.

- Backend errors (``mock_server.core.errors``) get their status here.
- connexion's own problems are answered as connexion answers them, except that a 4xx quotes
  at most ``DETAIL_LIMIT`` characters of what it found wrong (connexion quotes the whole
  value, a 1 MB body's included) and a refusal of request validation is noted for the
  journal as the request's contract violation.
- A 405 names every method of the path (``Allow``), not only the first operation's.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from connexion import http_facts
from connexion.exceptions import (
    BadRequestProblem,
    ExtraParameterProblem,
    ProblemException,
    UnsupportedMediaTypeProblem,
)
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from connexion.problem import problem
from starlette.exceptions import HTTPException

from mock_server._connexion.routing import ALLOW
from mock_server._connexion.validation import VIOLATIONS, short
from mock_server.core import errors

# connexion's logger for the problems it answers, so its lines read as before.
logger = logging.getLogger("connexion.middleware.exceptions")

STATUS_OF: dict[type[errors.MockError], int] = {
    errors.InvalidInput: 400,
    errors.Unauthorized: 401,
    errors.Forbidden: 403,
    errors.NotFound: 404,
    errors.Conflict: 409,
    errors.PayloadTooLarge: 413,
}

#: The most characters of a refusal's ``detail`` (and of each of its violations) answered.
DETAIL_LIMIT = 400
#: The most violations a refusal lists.
VIOLATIONS_LIMIT = 50

#: What connexion's request validation raises, so a refusal that is a contract violation.
REQUEST_VALIDATION = (BadRequestProblem, ExtraParameterProblem, UnsupportedMediaTypeProblem)


def status_of(error: errors.MockError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS_OF:
            return STATUS_OF[cls]
    return 400


def bounded(text: Any, limit: int = DETAIL_LIMIT) -> Any:
    """``text`` cut to ``limit`` characters, saying how much was left out."""
    if not isinstance(text, str) or len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit} characters more)"


def mock_error_response(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    assert isinstance(error, errors.MockError)
    if error.body is not None:  # the real service's own answer to this refusal
        return ConnexionResponse(
            status_code=status_of(error),
            mimetype="application/json",
            content_type="application/json",
            body=orjson.dumps(error.body),
        )
    return problem(
        status=status_of(error),
        title=error.title,
        detail=bounded(error.detail),
        ext=error.extra or None,
    )


def problem_response(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    """connexion's answer to its problems (``ExceptionMiddleware.problem_handler``, which
    logs it and answers ``to_problem()``), a 4xx's detail and violations bounded."""
    assert isinstance(error, ProblemException)
    if isinstance(error, REQUEST_VALIDATION):
        # connexion forwards to its starlette request through an unannotated __getattr__,
        # which pyright reads as possibly None.
        extensions = request.scope.setdefault(  # pyright: ignore[reportOptionalMemberAccess]
            "extensions", {}
        )
        extensions.setdefault(VIOLATIONS, [short(str(error.detail))])
    if not 400 <= error.status <= 499:
        logger.error("%r", error)
        return error.to_problem()
    detail, ext = bounded(error.detail), error.ext
    if isinstance(ext, dict) and isinstance(ext.get("violations"), list):
        listed = ext["violations"]
        ext = {**ext, "violations": [bounded(v) for v in listed[:VIOLATIONS_LIMIT]]}
    logger.warning("%s %s: %s", error.status, error.title, detail)
    return problem(
        status=error.status,
        title=error.title,
        detail=detail,
        type=error.type,
        instance=error.instance,
        headers=error.headers,
        ext=ext,
    )


def method_not_allowed(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    """connexion's answer to starlette's 405 (``ExceptionMiddleware.http_exception``), its
    ``Allow`` naming every method of the path when the fast lane noted them."""
    assert isinstance(error, HTTPException)
    headers = dict(error.headers or {})
    extensions = request.scope.get("extensions")  # pyright: ignore[reportOptionalMemberAccess]
    allowed = (extensions or {}).get(ALLOW)
    if allowed:
        headers["Allow"] = allowed
    logger.warning("%r", error)
    return problem(
        title=http_facts.HTTP_STATUS_CODES.get(error.status_code),
        detail=error.detail,
        status=error.status_code,
        headers=headers,
    )


#: Every error handler of the mock's apps: (exception class or status, handler).
ERROR_HANDLERS: list[tuple[Any, Any]] = [
    (errors.MockError, mock_error_response),
    (ProblemException, problem_response),
    (405, method_not_allowed),
]
