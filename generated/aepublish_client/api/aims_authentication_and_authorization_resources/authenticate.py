from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.authenticate_response import AuthenticateResponse
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/aims/v1/authenticate",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuthenticateResponse | Problem | None:
    if response.status_code == 200:
        response_200 = AuthenticateResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AuthenticateResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AuthenticateResponse | Problem]:
    """Authenticate

     Exchanges an access key pair, sent as HTTP basic authentication
    (`access_key_id:secret_key`), for a token to send as `X-AIMS-Auth-Token`.
    almdrlib reads `authentication.token`, `authentication.account.id`,
    `authentication.account.name` and `authentication.user.id`.
    Mock: the token lasts 6 hours of mock time; no MFA; a bad pair answers 401 with a
    problem document (the real AIMS sends an empty body).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticateResponse | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> AuthenticateResponse | Problem | None:
    """Authenticate

     Exchanges an access key pair, sent as HTTP basic authentication
    (`access_key_id:secret_key`), for a token to send as `X-AIMS-Auth-Token`.
    almdrlib reads `authentication.token`, `authentication.account.id`,
    `authentication.account.name` and `authentication.user.id`.
    Mock: the token lasts 6 hours of mock time; no MFA; a bad pair answers 401 with a
    problem document (the real AIMS sends an empty body).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticateResponse | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AuthenticateResponse | Problem]:
    """Authenticate

     Exchanges an access key pair, sent as HTTP basic authentication
    (`access_key_id:secret_key`), for a token to send as `X-AIMS-Auth-Token`.
    almdrlib reads `authentication.token`, `authentication.account.id`,
    `authentication.account.name` and `authentication.user.id`.
    Mock: the token lasts 6 hours of mock time; no MFA; a bad pair answers 401 with a
    problem document (the real AIMS sends an empty body).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticateResponse | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> AuthenticateResponse | Problem | None:
    """Authenticate

     Exchanges an access key pair, sent as HTTP basic authentication
    (`access_key_id:secret_key`), for a token to send as `X-AIMS-Auth-Token`.
    almdrlib reads `authentication.token`, `authentication.account.id`,
    `authentication.account.name` and `authentication.user.id`.
    Mock: the token lasts 6 hours of mock time; no MFA; a bad pair answers 401 with a
    problem document (the real AIMS sends an empty body).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticateResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
