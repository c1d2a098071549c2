from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.count import Count
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    session_h: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sessions/{session_h}/metrics/count".format(
            session_h=quote(str(session_h), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Count | Problem | None:
    if response.status_code == 200:
        response_200 = Count.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Count | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_h: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Count | Problem]:
    """Count the metrics of a session

     An unknown session counts 0.

    Args:
        session_h (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Count | Problem]
    """

    kwargs = _get_kwargs(
        session_h=session_h,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_h: str,
    *,
    client: AuthenticatedClient | Client,
) -> Count | Problem | None:
    """Count the metrics of a session

     An unknown session counts 0.

    Args:
        session_h (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Count | Problem
    """

    return sync_detailed(
        session_h=session_h,
        client=client,
    ).parsed


async def asyncio_detailed(
    session_h: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Count | Problem]:
    """Count the metrics of a session

     An unknown session counts 0.

    Args:
        session_h (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Count | Problem]
    """

    kwargs = _get_kwargs(
        session_h=session_h,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_h: str,
    *,
    client: AuthenticatedClient | Client,
) -> Count | Problem | None:
    """Count the metrics of a session

     An unknown session counts 0.

    Args:
        session_h (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Count | Problem
    """

    return (
        await asyncio_detailed(
            session_h=session_h,
            client=client,
        )
    ).parsed
