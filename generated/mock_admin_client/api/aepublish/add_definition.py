from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.observation_definition import ObservationDefinition
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ObservationDefinition,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_mock/aepublish/definitions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ObservationDefinition | Problem | None:
    if response.status_code == 201:
        response_201 = ObservationDefinition.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ObservationDefinition | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ObservationDefinition,
) -> Response[ObservationDefinition | Problem]:
    """Add or replace an observation definition

     A definition with the same `path` and `account_id` is replaced. A new or replaced
    definition's quota (`throttle_count` per `throttle_period`) counts the successes
    from the moment it is stored; earlier unique keys still suppress.

    Args:
        body (ObservationDefinition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ObservationDefinition | Problem]
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
    body: ObservationDefinition,
) -> ObservationDefinition | Problem | None:
    """Add or replace an observation definition

     A definition with the same `path` and `account_id` is replaced. A new or replaced
    definition's quota (`throttle_count` per `throttle_period`) counts the successes
    from the moment it is stored; earlier unique keys still suppress.

    Args:
        body (ObservationDefinition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ObservationDefinition | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ObservationDefinition,
) -> Response[ObservationDefinition | Problem]:
    """Add or replace an observation definition

     A definition with the same `path` and `account_id` is replaced. A new or replaced
    definition's quota (`throttle_count` per `throttle_period`) counts the successes
    from the moment it is stored; earlier unique keys still suppress.

    Args:
        body (ObservationDefinition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ObservationDefinition | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ObservationDefinition,
) -> ObservationDefinition | Problem | None:
    """Add or replace an observation definition

     A definition with the same `path` and `account_id` is replaced. A new or replaced
    definition's quota (`throttle_count` per `throttle_period`) counts the successes
    from the moment it is stored; earlier unique keys still suppress.

    Args:
        body (ObservationDefinition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ObservationDefinition | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
