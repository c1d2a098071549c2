from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_fault_rule import HttpFaultRule
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: HttpFaultRule,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_mock/faults",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HttpFaultRule | Problem | None:
    if response.status_code == 201:
        response_201 = HttpFaultRule.from_dict(response.json())

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
) -> Response[HttpFaultRule | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HttpFaultRule,
) -> Response[HttpFaultRule | Problem]:
    """Inject an HTTP fault

     Requests of the served APIs that fit `match` (every key given must hold; an empty
    match takes every request of every served API) get `action` instead of their normal
    answer, until the rule has acted `times` times (absent: until removed). With
    `probability`, a fitting request is acted on with that chance (`seed` makes the
    draws reproducible); one it is not acted on does not count. Rules apply in the order
    they were added, and the first that acts decides; a request no rule acts on is
    answered normally. A faulted request never reaches the backend, so the state is
    untouched, except under `latency`, which delays the normal answer. The admin API is
    never faulted. An `operation` that is not an operationId of the served APIs (of
    `api`, when given) is refused with a 400.

    Args:
        body (HttpFaultRule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpFaultRule | Problem]
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
    body: HttpFaultRule,
) -> HttpFaultRule | Problem | None:
    """Inject an HTTP fault

     Requests of the served APIs that fit `match` (every key given must hold; an empty
    match takes every request of every served API) get `action` instead of their normal
    answer, until the rule has acted `times` times (absent: until removed). With
    `probability`, a fitting request is acted on with that chance (`seed` makes the
    draws reproducible); one it is not acted on does not count. Rules apply in the order
    they were added, and the first that acts decides; a request no rule acts on is
    answered normally. A faulted request never reaches the backend, so the state is
    untouched, except under `latency`, which delays the normal answer. The admin API is
    never faulted. An `operation` that is not an operationId of the served APIs (of
    `api`, when given) is refused with a 400.

    Args:
        body (HttpFaultRule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpFaultRule | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HttpFaultRule,
) -> Response[HttpFaultRule | Problem]:
    """Inject an HTTP fault

     Requests of the served APIs that fit `match` (every key given must hold; an empty
    match takes every request of every served API) get `action` instead of their normal
    answer, until the rule has acted `times` times (absent: until removed). With
    `probability`, a fitting request is acted on with that chance (`seed` makes the
    draws reproducible); one it is not acted on does not count. Rules apply in the order
    they were added, and the first that acts decides; a request no rule acts on is
    answered normally. A faulted request never reaches the backend, so the state is
    untouched, except under `latency`, which delays the normal answer. The admin API is
    never faulted. An `operation` that is not an operationId of the served APIs (of
    `api`, when given) is refused with a 400.

    Args:
        body (HttpFaultRule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpFaultRule | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: HttpFaultRule,
) -> HttpFaultRule | Problem | None:
    """Inject an HTTP fault

     Requests of the served APIs that fit `match` (every key given must hold; an empty
    match takes every request of every served API) get `action` instead of their normal
    answer, until the rule has acted `times` times (absent: until removed). With
    `probability`, a fitting request is acted on with that chance (`seed` makes the
    draws reproducible); one it is not acted on does not count. Rules apply in the order
    they were added, and the first that acts decides; a request no rule acts on is
    answered normally. A faulted request never reaches the backend, so the state is
    untouched, except under `latency`, which delays the normal answer. The admin API is
    never faulted. An `operation` that is not an operationId of the served APIs (of
    `api`, when given) is refused with a 400.

    Args:
        body (HttpFaultRule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpFaultRule | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
