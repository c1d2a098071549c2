from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitor_category import MonitorCategory
from ...models.monitor_list_response import MonitorListResponse
from ...models.monitor_status import MonitorStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: list[MonitorStatus] | Unset = UNSET,
    category: list[MonitorCategory] | Unset = UNSET,
    subcategory: list[str] | Unset = UNSET,
    name: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    json_category: list[str] | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = []
        for category_item_data in category:
            category_item = category_item_data.value
            json_category.append(category_item)

    params["category"] = json_category

    json_subcategory: list[str] | Unset = UNSET
    if not isinstance(subcategory, Unset):
        json_subcategory = subcategory

    params["subcategory"] = json_subcategory

    json_name: list[str] | Unset = UNSET
    if not isinstance(name, Unset):
        json_name = name

    params["name"] = json_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/processmonitor/monitors",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitorListResponse | Problem | None:
    if response.status_code == 200:
        response_200 = MonitorListResponse.from_dict(response.json())

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
) -> Response[MonitorListResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: list[MonitorStatus] | Unset = UNSET,
    category: list[MonitorCategory] | Unset = UNSET,
    subcategory: list[str] | Unset = UNSET,
    name: list[str] | Unset = UNSET,
) -> Response[MonitorListResponse | Problem]:
    """List process monitors, filtered

     Filters are additive (a monitor must match every filter given); each filter is a
    comma-separated list of alternatives (a monitor must match one of them). Not paged:
    `paging.totalResults` is the number of monitors in the answer (The National
    Archives' Preservica client requires `paging` here).

    Args:
        status (list[MonitorStatus] | Unset):
        category (list[MonitorCategory] | Unset):
        subcategory (list[str] | Unset):
        name (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitorListResponse | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        subcategory=subcategory,
        name=name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: list[MonitorStatus] | Unset = UNSET,
    category: list[MonitorCategory] | Unset = UNSET,
    subcategory: list[str] | Unset = UNSET,
    name: list[str] | Unset = UNSET,
) -> MonitorListResponse | Problem | None:
    """List process monitors, filtered

     Filters are additive (a monitor must match every filter given); each filter is a
    comma-separated list of alternatives (a monitor must match one of them). Not paged:
    `paging.totalResults` is the number of monitors in the answer (The National
    Archives' Preservica client requires `paging` here).

    Args:
        status (list[MonitorStatus] | Unset):
        category (list[MonitorCategory] | Unset):
        subcategory (list[str] | Unset):
        name (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitorListResponse | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        category=category,
        subcategory=subcategory,
        name=name,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: list[MonitorStatus] | Unset = UNSET,
    category: list[MonitorCategory] | Unset = UNSET,
    subcategory: list[str] | Unset = UNSET,
    name: list[str] | Unset = UNSET,
) -> Response[MonitorListResponse | Problem]:
    """List process monitors, filtered

     Filters are additive (a monitor must match every filter given); each filter is a
    comma-separated list of alternatives (a monitor must match one of them). Not paged:
    `paging.totalResults` is the number of monitors in the answer (The National
    Archives' Preservica client requires `paging` here).

    Args:
        status (list[MonitorStatus] | Unset):
        category (list[MonitorCategory] | Unset):
        subcategory (list[str] | Unset):
        name (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitorListResponse | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        subcategory=subcategory,
        name=name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: list[MonitorStatus] | Unset = UNSET,
    category: list[MonitorCategory] | Unset = UNSET,
    subcategory: list[str] | Unset = UNSET,
    name: list[str] | Unset = UNSET,
) -> MonitorListResponse | Problem | None:
    """List process monitors, filtered

     Filters are additive (a monitor must match every filter given); each filter is a
    comma-separated list of alternatives (a monitor must match one of them). Not paged:
    `paging.totalResults` is the number of monitors in the answer (The National
    Archives' Preservica client requires `paging` here).

    Args:
        status (list[MonitorStatus] | Unset):
        category (list[MonitorCategory] | Unset):
        subcategory (list[str] | Unset):
        name (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitorListResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            category=category,
            subcategory=subcategory,
            name=name,
        )
    ).parsed
