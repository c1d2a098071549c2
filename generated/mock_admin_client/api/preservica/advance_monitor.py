from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitor import Monitor
from ...models.monitor_advance import MonitorAdvance
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    monitor_id: str,
    *,
    body: MonitorAdvance,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_mock/preservica/monitors/{monitor_id}/advance".format(
            monitor_id=quote(str(monitor_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Monitor | Problem | None:
    if response.status_code == 200:
        response_200 = Monitor.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
    monitor_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: MonitorAdvance,
) -> Response[Monitor | Problem]:
    """Move a monitor forward

     Processes `files` more files (filesProcessed up, filesPending down, percentComplete
    recomputed), optionally changes the status and appends messages, and records a
    timeseries point stamped with the mock clock.

    Args:
        monitor_id (str):
        body (MonitorAdvance):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Monitor | Problem]
    """

    kwargs = _get_kwargs(
        monitor_id=monitor_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    monitor_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: MonitorAdvance,
) -> Monitor | Problem | None:
    """Move a monitor forward

     Processes `files` more files (filesProcessed up, filesPending down, percentComplete
    recomputed), optionally changes the status and appends messages, and records a
    timeseries point stamped with the mock clock.

    Args:
        monitor_id (str):
        body (MonitorAdvance):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Monitor | Problem
    """

    return sync_detailed(
        monitor_id=monitor_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    monitor_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: MonitorAdvance,
) -> Response[Monitor | Problem]:
    """Move a monitor forward

     Processes `files` more files (filesProcessed up, filesPending down, percentComplete
    recomputed), optionally changes the status and appends messages, and records a
    timeseries point stamped with the mock clock.

    Args:
        monitor_id (str):
        body (MonitorAdvance):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Monitor | Problem]
    """

    kwargs = _get_kwargs(
        monitor_id=monitor_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    monitor_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: MonitorAdvance,
) -> Monitor | Problem | None:
    """Move a monitor forward

     Processes `files` more files (filesProcessed up, filesPending down, percentComplete
    recomputed), optionally changes the status and appends messages, and records a
    timeseries point stamped with the mock clock.

    Args:
        monitor_id (str):
        body (MonitorAdvance):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Monitor | Problem
    """

    return (
        await asyncio_detailed(
            monitor_id=monitor_id,
            client=client,
            body=body,
        )
    ).parsed
