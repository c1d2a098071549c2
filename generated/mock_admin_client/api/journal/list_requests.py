from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.journal import Journal
from ...models.list_requests_api import ListRequestsApi
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    api: ListRequestsApi | Unset = UNSET,
    operation: str | Unset = UNSET,
    method: str | Unset = UNSET,
    status: int | Unset = UNSET,
    since: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_api: str | Unset = UNSET
    if not isinstance(api, Unset):
        json_api = api.value

    params["api"] = json_api

    params["operation"] = operation

    params["method"] = method

    params["status"] = status

    params["since"] = since

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/_mock/requests",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Journal | Problem | None:
    if response.status_code == 200:
        response_200 = Journal.from_dict(response.json())

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
) -> Response[Journal | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    api: ListRequestsApi | Unset = UNSET,
    operation: str | Unset = UNSET,
    method: str | Unset = UNSET,
    status: int | Unset = UNSET,
    since: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Journal | Problem]:
    """The request journal

     The requests the served APIs received (not the admin API's), oldest first, as each
    finished: what was asked (credentials replaced by `***`, bodies cut at 4 KB), what
    was answered, the fault applied and the contract violations found. The journal holds
    the last `--journal-size` requests (10,000 by default; 0 turns it off). Filters
    combine; `limit` keeps the newest of the requests that pass them. `last_seq` is the
    newest `seq` in the journal, whatever the filters: ask again with `since` set to it
    for what came after.

    Args:
        api (ListRequestsApi | Unset):
        operation (str | Unset):
        method (str | Unset):
        status (int | Unset):
        since (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Journal | Problem]
    """

    kwargs = _get_kwargs(
        api=api,
        operation=operation,
        method=method,
        status=status,
        since=since,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    api: ListRequestsApi | Unset = UNSET,
    operation: str | Unset = UNSET,
    method: str | Unset = UNSET,
    status: int | Unset = UNSET,
    since: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Journal | Problem | None:
    """The request journal

     The requests the served APIs received (not the admin API's), oldest first, as each
    finished: what was asked (credentials replaced by `***`, bodies cut at 4 KB), what
    was answered, the fault applied and the contract violations found. The journal holds
    the last `--journal-size` requests (10,000 by default; 0 turns it off). Filters
    combine; `limit` keeps the newest of the requests that pass them. `last_seq` is the
    newest `seq` in the journal, whatever the filters: ask again with `since` set to it
    for what came after.

    Args:
        api (ListRequestsApi | Unset):
        operation (str | Unset):
        method (str | Unset):
        status (int | Unset):
        since (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Journal | Problem
    """

    return sync_detailed(
        client=client,
        api=api,
        operation=operation,
        method=method,
        status=status,
        since=since,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    api: ListRequestsApi | Unset = UNSET,
    operation: str | Unset = UNSET,
    method: str | Unset = UNSET,
    status: int | Unset = UNSET,
    since: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Journal | Problem]:
    """The request journal

     The requests the served APIs received (not the admin API's), oldest first, as each
    finished: what was asked (credentials replaced by `***`, bodies cut at 4 KB), what
    was answered, the fault applied and the contract violations found. The journal holds
    the last `--journal-size` requests (10,000 by default; 0 turns it off). Filters
    combine; `limit` keeps the newest of the requests that pass them. `last_seq` is the
    newest `seq` in the journal, whatever the filters: ask again with `since` set to it
    for what came after.

    Args:
        api (ListRequestsApi | Unset):
        operation (str | Unset):
        method (str | Unset):
        status (int | Unset):
        since (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Journal | Problem]
    """

    kwargs = _get_kwargs(
        api=api,
        operation=operation,
        method=method,
        status=status,
        since=since,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    api: ListRequestsApi | Unset = UNSET,
    operation: str | Unset = UNSET,
    method: str | Unset = UNSET,
    status: int | Unset = UNSET,
    since: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Journal | Problem | None:
    """The request journal

     The requests the served APIs received (not the admin API's), oldest first, as each
    finished: what was asked (credentials replaced by `***`, bodies cut at 4 KB), what
    was answered, the fault applied and the contract violations found. The journal holds
    the last `--journal-size` requests (10,000 by default; 0 turns it off). Filters
    combine; `limit` keeps the newest of the requests that pass them. `last_seq` is the
    newest `seq` in the journal, whatever the filters: ask again with `since` set to it
    for what came after.

    Args:
        api (ListRequestsApi | Unset):
        operation (str | Unset):
        method (str | Unset):
        status (int | Unset):
        since (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Journal | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            api=api,
            operation=operation,
            method=method,
            status=status,
            since=since,
            limit=limit,
        )
    ).parsed
