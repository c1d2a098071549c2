from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.aims_error import AimsError
from ...models.authenticate_response import AuthenticateResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/aims/v1/authenticate",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AimsError | Any | AuthenticateResponse | None:
    if response.status_code == 200:
        response_200 = AuthenticateResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = AimsError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AimsError | Any | AuthenticateResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AimsError | Any | AuthenticateResponse]:
    """Authenticate

     Exchanges an access key pair, sent as HTTP basic authentication
    (`access_key_id:secret_key`), for a token to send as `X-AIMS-Auth-Token`.
    almdrlib reads `authentication.token`, `authentication.account.id`,
    `authentication.account.name` and `authentication.user.id`.

    Failures as the vendor's AIMS document (`aims.v1.yaml`) defines them: a failed
    authentication is a 401 with an empty body and no headers (no credentials, a
    malformed `Authorization` header, an unknown key or a wrong secret alike); a key pair
    of an inactive account is a 400 `{"error": "account_inactive"}`, and one whose
    password has expired a 400 `{"error": "password_expired"}` (accounts are seeded so
    with `active: false` and `password_expired: true`; an inactive account is told so
    first). almdrlib raises its `AuthenticationException` on any of them.

    The key pair is declared optional (the empty requirement) only so that every
    failure reaches the operation and is answered as AIMS answers it: without a right
    pair there is no token.

    Mock: the token lasts 6 hours of mock time; no MFA (so never the 401
    `{"error": "mfa_code_required"}` AIMS sends to users enrolled in MFA).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AimsError | Any | AuthenticateResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> AimsError | Any | AuthenticateResponse | None:
    """Authenticate

     Exchanges an access key pair, sent as HTTP basic authentication
    (`access_key_id:secret_key`), for a token to send as `X-AIMS-Auth-Token`.
    almdrlib reads `authentication.token`, `authentication.account.id`,
    `authentication.account.name` and `authentication.user.id`.

    Failures as the vendor's AIMS document (`aims.v1.yaml`) defines them: a failed
    authentication is a 401 with an empty body and no headers (no credentials, a
    malformed `Authorization` header, an unknown key or a wrong secret alike); a key pair
    of an inactive account is a 400 `{"error": "account_inactive"}`, and one whose
    password has expired a 400 `{"error": "password_expired"}` (accounts are seeded so
    with `active: false` and `password_expired: true`; an inactive account is told so
    first). almdrlib raises its `AuthenticationException` on any of them.

    The key pair is declared optional (the empty requirement) only so that every
    failure reaches the operation and is answered as AIMS answers it: without a right
    pair there is no token.

    Mock: the token lasts 6 hours of mock time; no MFA (so never the 401
    `{"error": "mfa_code_required"}` AIMS sends to users enrolled in MFA).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AimsError | Any | AuthenticateResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AimsError | Any | AuthenticateResponse]:
    """Authenticate

     Exchanges an access key pair, sent as HTTP basic authentication
    (`access_key_id:secret_key`), for a token to send as `X-AIMS-Auth-Token`.
    almdrlib reads `authentication.token`, `authentication.account.id`,
    `authentication.account.name` and `authentication.user.id`.

    Failures as the vendor's AIMS document (`aims.v1.yaml`) defines them: a failed
    authentication is a 401 with an empty body and no headers (no credentials, a
    malformed `Authorization` header, an unknown key or a wrong secret alike); a key pair
    of an inactive account is a 400 `{"error": "account_inactive"}`, and one whose
    password has expired a 400 `{"error": "password_expired"}` (accounts are seeded so
    with `active: false` and `password_expired: true`; an inactive account is told so
    first). almdrlib raises its `AuthenticationException` on any of them.

    The key pair is declared optional (the empty requirement) only so that every
    failure reaches the operation and is answered as AIMS answers it: without a right
    pair there is no token.

    Mock: the token lasts 6 hours of mock time; no MFA (so never the 401
    `{"error": "mfa_code_required"}` AIMS sends to users enrolled in MFA).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AimsError | Any | AuthenticateResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> AimsError | Any | AuthenticateResponse | None:
    """Authenticate

     Exchanges an access key pair, sent as HTTP basic authentication
    (`access_key_id:secret_key`), for a token to send as `X-AIMS-Auth-Token`.
    almdrlib reads `authentication.token`, `authentication.account.id`,
    `authentication.account.name` and `authentication.user.id`.

    Failures as the vendor's AIMS document (`aims.v1.yaml`) defines them: a failed
    authentication is a 401 with an empty body and no headers (no credentials, a
    malformed `Authorization` header, an unknown key or a wrong secret alike); a key pair
    of an inactive account is a 400 `{"error": "account_inactive"}`, and one whose
    password has expired a 400 `{"error": "password_expired"}` (accounts are seeded so
    with `active: false` and `password_expired: true`; an inactive account is told so
    first). almdrlib raises its `AuthenticationException` on any of them.

    The key pair is declared optional (the empty requirement) only so that every
    failure reaches the operation and is answered as AIMS answers it: without a right
    pair there is no token.

    Mock: the token lasts 6 hours of mock time; no MFA (so never the 401
    `{"error": "mfa_code_required"}` AIMS sends to users enrolled in MFA).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AimsError | Any | AuthenticateResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
