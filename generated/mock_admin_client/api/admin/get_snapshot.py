from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.seed_document import SeedDocument
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/_mock/snapshot",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SeedDocument | None:
    if response.status_code == 200:
        response_200 = SeedDocument.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SeedDocument]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[SeedDocument]:
    """The whole state as a seed document

     Everything the mock holds, as a `SeedDocument`: Preservica users, monitors, their
    messages and timeseries; monitor-server sessions, contexts and metrics; aepublish
    accounts, definitions, observation faults and `history` (what past successes left
    behind: progress markers, unique keys, throttle times); the clock. Loading it into
    an empty mock (`POST /_mock/reset`, then `POST /_mock/seed`, or `--seed`/`--state`)
    gives a mock that answers every read the same and judges the next observations the
    same. Not in it: access tokens (clients log in again), HTTP fault rules and the
    journal. JSON by default; YAML with `Accept: application/yaml`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SeedDocument]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> SeedDocument | None:
    """The whole state as a seed document

     Everything the mock holds, as a `SeedDocument`: Preservica users, monitors, their
    messages and timeseries; monitor-server sessions, contexts and metrics; aepublish
    accounts, definitions, observation faults and `history` (what past successes left
    behind: progress markers, unique keys, throttle times); the clock. Loading it into
    an empty mock (`POST /_mock/reset`, then `POST /_mock/seed`, or `--seed`/`--state`)
    gives a mock that answers every read the same and judges the next observations the
    same. Not in it: access tokens (clients log in again), HTTP fault rules and the
    journal. JSON by default; YAML with `Accept: application/yaml`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SeedDocument
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[SeedDocument]:
    """The whole state as a seed document

     Everything the mock holds, as a `SeedDocument`: Preservica users, monitors, their
    messages and timeseries; monitor-server sessions, contexts and metrics; aepublish
    accounts, definitions, observation faults and `history` (what past successes left
    behind: progress markers, unique keys, throttle times); the clock. Loading it into
    an empty mock (`POST /_mock/reset`, then `POST /_mock/seed`, or `--seed`/`--state`)
    gives a mock that answers every read the same and judges the next observations the
    same. Not in it: access tokens (clients log in again), HTTP fault rules and the
    journal. JSON by default; YAML with `Accept: application/yaml`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SeedDocument]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> SeedDocument | None:
    """The whole state as a seed document

     Everything the mock holds, as a `SeedDocument`: Preservica users, monitors, their
    messages and timeseries; monitor-server sessions, contexts and metrics; aepublish
    accounts, definitions, observation faults and `history` (what past successes left
    behind: progress markers, unique keys, throttle times); the clock. Loading it into
    an empty mock (`POST /_mock/reset`, then `POST /_mock/seed`, or `--seed`/`--state`)
    gives a mock that answers every read the same and judges the next observations the
    same. Not in it: access tokens (clients log in again), HTTP fault rules and the
    journal. JSON by default; YAML with `Accept: application/yaml`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SeedDocument
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
