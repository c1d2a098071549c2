from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.seed_session_create import SeedSessionCreate
from ...models.session import Session
from ...models.session_create import SessionCreate
from ...types import Response


def _get_kwargs(
    *,
    body: SeedSessionCreate | SessionCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sessions/",
    }

    if isinstance(body, SessionCreate):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Session | None:
    if response.status_code == 201:
        response_201 = Session.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | Session]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeedSessionCreate | SessionCreate,
) -> Response[Problem | Session]:
    """Create a session

     Two payload forms are accepted: pytest-monitor's (`session_h`, `description` a JSON
    object) and the seed documentation's (`h`, `description` a string holding a JSON
    object). Exactly one of `h` / `session_h` must be given (400 otherwise); a
    description that is not a JSON object (or a string holding one) answers 400 with
    the real server's `{"message": "Bad description format"}` in the problem.
    A session hash that already exists answers 409 (the real server crashes with 500).

    Args:
        body (SeedSessionCreate | SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Session]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SeedSessionCreate | SessionCreate,
) -> Problem | Session | None:
    """Create a session

     Two payload forms are accepted: pytest-monitor's (`session_h`, `description` a JSON
    object) and the seed documentation's (`h`, `description` a string holding a JSON
    object). Exactly one of `h` / `session_h` must be given (400 otherwise); a
    description that is not a JSON object (or a string holding one) answers 400 with
    the real server's `{"message": "Bad description format"}` in the problem.
    A session hash that already exists answers 409 (the real server crashes with 500).

    Args:
        body (SeedSessionCreate | SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Session
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeedSessionCreate | SessionCreate,
) -> Response[Problem | Session]:
    """Create a session

     Two payload forms are accepted: pytest-monitor's (`session_h`, `description` a JSON
    object) and the seed documentation's (`h`, `description` a string holding a JSON
    object). Exactly one of `h` / `session_h` must be given (400 otherwise); a
    description that is not a JSON object (or a string holding one) answers 400 with
    the real server's `{"message": "Bad description format"}` in the problem.
    A session hash that already exists answers 409 (the real server crashes with 500).

    Args:
        body (SeedSessionCreate | SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Session]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SeedSessionCreate | SessionCreate,
) -> Problem | Session | None:
    """Create a session

     Two payload forms are accepted: pytest-monitor's (`session_h`, `description` a JSON
    object) and the seed documentation's (`h`, `description` a string holding a JSON
    object). Exactly one of `h` / `session_h` must be given (400 otherwise); a
    description that is not a JSON object (or a string holding one) answers 400 with
    the real server's `{"message": "Bad description format"}` in the problem.
    A session hash that already exists answers 409 (the real server crashes with 500).

    Args:
        body (SeedSessionCreate | SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Session
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
