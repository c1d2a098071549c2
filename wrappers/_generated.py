"""Calling a generated operation: its own request builder and response parser, except that
an error answer is never parsed.

A generated ``sync_detailed`` parses every status its spec declares, errors included, with
the spec's ``Problem`` model. An error body that is not that JSON (an HTML 502 from a
proxy, a plain-text 404 from a load balancer) made it raise ``JSONDecodeError`` or
``KeyError`` before the wrapper could raise its typed ``ApiError``. ``send`` does what
``sync_detailed`` does (``_get_kwargs``, the client's httpx client, ``_build_response``)
but leaves an error answer unparsed, for ``wrappers.errors.raise_for_status`` to read what
it can of the body. ``unparsed_success``: a 200 is left unparsed too, for a reader that
takes what it needs from the body itself.
"""

from __future__ import annotations

from http import HTTPStatus
from types import ModuleType
from typing import Any

import httpx


def send(
    operation: ModuleType, client: Any, /, *args: Any, unparsed_success: bool = False, **kwargs: Any
) -> Any:
    answer = client.get_httpx_client().request(**operation._get_kwargs(*args, **kwargs))
    return _response(operation, client, answer, unparsed_success)


async def asend(
    operation: ModuleType, client: Any, /, *args: Any, unparsed_success: bool = False, **kwargs: Any
) -> Any:
    request = operation._get_kwargs(*args, **kwargs)
    answer = await client.get_async_httpx_client().request(**request)
    return _response(operation, client, answer, unparsed_success)


def _response(operation: ModuleType, client: Any, answer: httpx.Response, unparsed: bool) -> Any:
    status = answer.status_code
    if status >= 400 or (unparsed and status == HTTPStatus.OK):
        # The operation module's own Response type (each generated package has one).
        return operation.Response(
            status_code=HTTPStatus(status),
            content=answer.content,
            headers=answer.headers,
            parsed=None,
        )
    return operation._build_response(client=client, response=answer)
