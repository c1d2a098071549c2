from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    seed: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["seed"] = seed

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_mock/reset",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    seed: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Forget everything

     Empties every backend (no demo data either: load a seed document afterwards for
    that). Tokens, sessions, markers, definitions and faults are all gone. The clock
    keeps its time.

    With `seed`, then loads the seed document kept under that name
    (`PUT /_mock/seeds/{name}`): one request puts the mock back where a test starts,
    with no document to send, parse or check again (the pytest plugin's live server
    does this before every test).

    Args:
        seed (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        seed=seed,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    seed: str | Unset = UNSET,
) -> Any | Problem | None:
    """Forget everything

     Empties every backend (no demo data either: load a seed document afterwards for
    that). Tokens, sessions, markers, definitions and faults are all gone. The clock
    keeps its time.

    With `seed`, then loads the seed document kept under that name
    (`PUT /_mock/seeds/{name}`): one request puts the mock back where a test starts,
    with no document to send, parse or check again (the pytest plugin's live server
    does this before every test).

    Args:
        seed (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        seed=seed,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    seed: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Forget everything

     Empties every backend (no demo data either: load a seed document afterwards for
    that). Tokens, sessions, markers, definitions and faults are all gone. The clock
    keeps its time.

    With `seed`, then loads the seed document kept under that name
    (`PUT /_mock/seeds/{name}`): one request puts the mock back where a test starts,
    with no document to send, parse or check again (the pytest plugin's live server
    does this before every test).

    Args:
        seed (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        seed=seed,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    seed: str | Unset = UNSET,
) -> Any | Problem | None:
    """Forget everything

     Empties every backend (no demo data either: load a seed document afterwards for
    that). Tokens, sessions, markers, definitions and faults are all gone. The clock
    keeps its time.

    With `seed`, then loads the seed document kept under that name
    (`PUT /_mock/seeds/{name}`): one request puts the mock back where a test starts,
    with no document to send, parse or check again (the pytest plugin's live server
    does this before every test).

    Args:
        seed (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            seed=seed,
        )
    ).parsed
