from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fault_rule import FaultRule
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: FaultRule,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_mock/aepublish/faults",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FaultRule | Problem | None:
    if response.status_code == 201:
        response_201 = FaultRule.from_dict(response.json())

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
) -> Response[FaultRule | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FaultRule,
) -> Response[FaultRule | Problem]:
    """Inject a fault

     The next `times` observations of `definition` (every one, while `times` is absent)
    answer `retry` with `delay`, and nothing is recorded for them. `latency` (seconds)
    delays the whole response of a request that hit the rule.

    Args:
        body (FaultRule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FaultRule | Problem]
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
    body: FaultRule,
) -> FaultRule | Problem | None:
    """Inject a fault

     The next `times` observations of `definition` (every one, while `times` is absent)
    answer `retry` with `delay`, and nothing is recorded for them. `latency` (seconds)
    delays the whole response of a request that hit the rule.

    Args:
        body (FaultRule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FaultRule | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FaultRule,
) -> Response[FaultRule | Problem]:
    """Inject a fault

     The next `times` observations of `definition` (every one, while `times` is absent)
    answer `retry` with `delay`, and nothing is recorded for them. `latency` (seconds)
    delays the whole response of a request that hit the rule.

    Args:
        body (FaultRule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FaultRule | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FaultRule,
) -> FaultRule | Problem | None:
    """Inject a fault

     The next `times` observations of `definition` (every one, while `times` is absent)
    answer `retry` with `delay`, and nothing is recorded for them. `latency` (seconds)
    delays the whole response of a request that hit the rule.

    Args:
        body (FaultRule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FaultRule | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
