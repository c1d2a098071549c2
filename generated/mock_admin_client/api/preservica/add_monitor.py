from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitor import Monitor
from ...models.problem import Problem
from ...models.seed_monitor import SeedMonitor
from ...types import Response


def _get_kwargs(
    *,
    body: SeedMonitor,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_mock/preservica/monitors",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Monitor | Problem | None:
    if response.status_code == 201:
        response_201 = Monitor.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Monitor | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeedMonitor,
) -> Response[Monitor | Problem]:
    """Add a process monitor

    Args:
        body (SeedMonitor): A process monitor with its messages and timeseries; missing fields get
            defaults
            (a random 32-hex `mappedId`, `started` from the mock clock unless the status is
            `Pending`, zero counts). `started`, `progressText` and `percentComplete` given as
            null are answered null, as the real service may answer them for a monitor that has
            not started.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Monitor | Problem]
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
    body: SeedMonitor,
) -> Monitor | Problem | None:
    """Add a process monitor

    Args:
        body (SeedMonitor): A process monitor with its messages and timeseries; missing fields get
            defaults
            (a random 32-hex `mappedId`, `started` from the mock clock unless the status is
            `Pending`, zero counts). `started`, `progressText` and `percentComplete` given as
            null are answered null, as the real service may answer them for a monitor that has
            not started.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Monitor | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeedMonitor,
) -> Response[Monitor | Problem]:
    """Add a process monitor

    Args:
        body (SeedMonitor): A process monitor with its messages and timeseries; missing fields get
            defaults
            (a random 32-hex `mappedId`, `started` from the mock clock unless the status is
            `Pending`, zero counts). `started`, `progressText` and `percentComplete` given as
            null are answered null, as the real service may answer them for a monitor that has
            not started.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Monitor | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SeedMonitor,
) -> Monitor | Problem | None:
    """Add a process monitor

    Args:
        body (SeedMonitor): A process monitor with its messages and timeseries; missing fields get
            defaults
            (a random 32-hex `mappedId`, `started` from the mock clock unless the status is
            `Pending`, zero counts). `started`, `progressText` and `percentComplete` given as
            null are answered null, as the real service may answer them for a monitor that has
            not started.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Monitor | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
