from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clock import Clock
from ...models.clock_change import ClockChange
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ClockChange,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_mock/clock",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Clock | Problem | None:
    if response.status_code == 200:
        response_200 = Clock.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Clock | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClockChange,
) -> Response[Clock | Problem]:
    """Move the mock clock

     Exactly one of `advance` (seconds forward, ≥ 0) or `now` (an absolute epoch), and/or
    `frozen`. A running clock ticks with real time from wherever it was put; a frozen one
    moves only when told to. Token expiry, unique windows and throttle periods all follow
    this clock.

    Args:
        body (ClockChange): At most one of `advance` and `now`, and/or `frozen`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Clock | Problem]
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
    body: ClockChange,
) -> Clock | Problem | None:
    """Move the mock clock

     Exactly one of `advance` (seconds forward, ≥ 0) or `now` (an absolute epoch), and/or
    `frozen`. A running clock ticks with real time from wherever it was put; a frozen one
    moves only when told to. Token expiry, unique windows and throttle periods all follow
    this clock.

    Args:
        body (ClockChange): At most one of `advance` and `now`, and/or `frozen`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Clock | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClockChange,
) -> Response[Clock | Problem]:
    """Move the mock clock

     Exactly one of `advance` (seconds forward, ≥ 0) or `now` (an absolute epoch), and/or
    `frozen`. A running clock ticks with real time from wherever it was put; a frozen one
    moves only when told to. Token expiry, unique windows and throttle periods all follow
    this clock.

    Args:
        body (ClockChange): At most one of `advance` and `now`, and/or `frozen`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Clock | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ClockChange,
) -> Clock | Problem | None:
    """Move the mock clock

     Exactly one of `advance` (seconds forward, ≥ 0) or `now` (an absolute epoch), and/or
    `frozen`. A running clock ticks with real time from wherever it was put; a frozen one
    moves only when told to. Token expiry, unique windows and throttle periods all follow
    this clock.

    Args:
        body (ClockChange): At most one of `advance` and `now`, and/or `frozen`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Clock | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
