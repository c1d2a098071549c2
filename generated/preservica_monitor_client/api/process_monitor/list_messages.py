from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.message_page_response import MessagePageResponse
from ...models.message_status import MessageStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    monitor: list[str],
    status: list[MessageStatus] | Unset = UNSET,
    start: int | Unset = 0,
    max_: int | Unset = 25,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_monitor = monitor

    params["monitor"] = json_monitor

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    params["start"] = start

    params["max"] = max_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/processmonitor/messages",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MessagePageResponse | Problem | None:
    if response.status_code == 200:
        response_200 = MessagePageResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MessagePageResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    monitor: list[str],
    status: list[MessageStatus] | Unset = UNSET,
    start: int | Unset = 0,
    max_: int | Unset = 25,
) -> Response[MessagePageResponse | Problem]:
    """Messages of one or more monitors, a page at a time

     `paging.totalResults` counts every matching message; `paging.next` and
    `paging.previous` are absolute URLs of the neighbouring pages (same filters), present
    only when there is such a page. A monitor id that does not exist matches nothing.

    Args:
        monitor (list[str]):
        status (list[MessageStatus] | Unset):
        start (int | Unset):  Default: 0.
        max_ (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessagePageResponse | Problem]
    """

    kwargs = _get_kwargs(
        monitor=monitor,
        status=status,
        start=start,
        max_=max_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    monitor: list[str],
    status: list[MessageStatus] | Unset = UNSET,
    start: int | Unset = 0,
    max_: int | Unset = 25,
) -> MessagePageResponse | Problem | None:
    """Messages of one or more monitors, a page at a time

     `paging.totalResults` counts every matching message; `paging.next` and
    `paging.previous` are absolute URLs of the neighbouring pages (same filters), present
    only when there is such a page. A monitor id that does not exist matches nothing.

    Args:
        monitor (list[str]):
        status (list[MessageStatus] | Unset):
        start (int | Unset):  Default: 0.
        max_ (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessagePageResponse | Problem
    """

    return sync_detailed(
        client=client,
        monitor=monitor,
        status=status,
        start=start,
        max_=max_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    monitor: list[str],
    status: list[MessageStatus] | Unset = UNSET,
    start: int | Unset = 0,
    max_: int | Unset = 25,
) -> Response[MessagePageResponse | Problem]:
    """Messages of one or more monitors, a page at a time

     `paging.totalResults` counts every matching message; `paging.next` and
    `paging.previous` are absolute URLs of the neighbouring pages (same filters), present
    only when there is such a page. A monitor id that does not exist matches nothing.

    Args:
        monitor (list[str]):
        status (list[MessageStatus] | Unset):
        start (int | Unset):  Default: 0.
        max_ (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessagePageResponse | Problem]
    """

    kwargs = _get_kwargs(
        monitor=monitor,
        status=status,
        start=start,
        max_=max_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    monitor: list[str],
    status: list[MessageStatus] | Unset = UNSET,
    start: int | Unset = 0,
    max_: int | Unset = 25,
) -> MessagePageResponse | Problem | None:
    """Messages of one or more monitors, a page at a time

     `paging.totalResults` counts every matching message; `paging.next` and
    `paging.previous` are absolute URLs of the neighbouring pages (same filters), present
    only when there is such a page. A monitor id that does not exist matches nothing.

    Args:
        monitor (list[str]):
        status (list[MessageStatus] | Unset):
        start (int | Unset):  Default: 0.
        max_ (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessagePageResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            monitor=monitor,
            status=status,
            start=start,
            max_=max_,
        )
    ).parsed
