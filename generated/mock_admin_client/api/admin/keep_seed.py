from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.seed_document import SeedDocument
from ...types import Response


def _get_kwargs(
    name: str,
    *,
    body: SeedDocument,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/_mock/seeds/{name}".format(
            name=quote(str(name), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeedDocument,
) -> Response[Any | Problem]:
    """Keep a seed document under a name

     Checks the document as `POST /_mock/seed` would load it (against the schema, then
    loaded into a scratch state: nothing the mock holds changes), and keeps it under
    `name` for `POST /_mock/reset?seed={name}`; a name kept again is replaced. Kept
    documents are not state: a reset and a snapshot leave them alone.

    Args:
        name (str):
        body (SeedDocument): Seed data for every API; each section and key is optional. `GET
            /_mock/snapshot`
            answers the whole state in this format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeedDocument,
) -> Any | Problem | None:
    """Keep a seed document under a name

     Checks the document as `POST /_mock/seed` would load it (against the schema, then
    loaded into a scratch state: nothing the mock holds changes), and keeps it under
    `name` for `POST /_mock/reset?seed={name}`; a name kept again is replaced. Kept
    documents are not state: a reset and a snapshot leave them alone.

    Args:
        name (str):
        body (SeedDocument): Seed data for every API; each section and key is optional. `GET
            /_mock/snapshot`
            answers the whole state in this format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        name=name,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeedDocument,
) -> Response[Any | Problem]:
    """Keep a seed document under a name

     Checks the document as `POST /_mock/seed` would load it (against the schema, then
    loaded into a scratch state: nothing the mock holds changes), and keeps it under
    `name` for `POST /_mock/reset?seed={name}`; a name kept again is replaced. Kept
    documents are not state: a reset and a snapshot leave them alone.

    Args:
        name (str):
        body (SeedDocument): Seed data for every API; each section and key is optional. `GET
            /_mock/snapshot`
            answers the whole state in this format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeedDocument,
) -> Any | Problem | None:
    """Keep a seed document under a name

     Checks the document as `POST /_mock/seed` would load it (against the schema, then
    loaded into a scratch state: nothing the mock holds changes), and keeps it under
    `name` for `POST /_mock/reset?seed={name}`; a name kept again is replaced. Kept
    documents are not state: a reset and a snapshot leave them alone.

    Args:
        name (str):
        body (SeedDocument): Seed data for every API; each section and key is optional. `GET
            /_mock/snapshot`
            answers the whole state in this format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            body=body,
        )
    ).parsed
