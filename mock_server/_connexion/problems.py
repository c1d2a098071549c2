"""Turn backend errors into HTTP problem responses (RFC 7807), in one place."""

from __future__ import annotations

import orjson
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from connexion.problem import problem

from mock_server.core import errors

STATUS_OF: dict[type[errors.MockError], int] = {
    errors.InvalidInput: 400,
    errors.Unauthorized: 401,
    errors.Forbidden: 403,
    errors.NotFound: 404,
    errors.Conflict: 409,
    errors.PayloadTooLarge: 413,
}


def status_of(error: errors.MockError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS_OF:
            return STATUS_OF[cls]
    return 400


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
        status=status_of(error), title=error.title, detail=error.detail, ext=error.extra or None
    )


def undecodable_body_response(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    """A JSON body that is not UTF-8: connexion's body parsing lets this one through."""
    return problem(status=400, title="Bad Request", detail=f"the body is not UTF-8 text: {error}")
