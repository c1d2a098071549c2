from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.seed_counts import SeedCounts
from ...models.seed_document import SeedDocument
from ...types import File, Response


def _get_kwargs(
    *,
    body: SeedDocument | File,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_mock/seed",
    }

    if isinstance(body, SeedDocument):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/yaml"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/yaml"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SeedCounts | None:
    if response.status_code == 201:
        response_201 = SeedCounts.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SeedCounts]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeedDocument | File,
) -> Response[Problem | SeedCounts]:
    """Add seed data

     Adds the document's records to what the mock holds (it does not reset first).
    A document that fails validation changes nothing.

    The body is JSON, or YAML (`application/yaml`, `text/yaml`), the format of a
    `--seed` file, read as plain data: tags beyond JSON's types (Python objects
    included) are refused, an unquoted timestamp is read as the text written, a key
    written twice in one mapping is refused, and so are aliases that would expand the
    document more than tenfold. A refusal of a YAML body names the line, column and
    path in the document.

    Args:
        body (SeedDocument): Seed data for every API; each section and key is optional. `GET
            /_mock/snapshot`
            answers the whole state in this format.
        body (File): A `SeedDocument` written in YAML (UTF-8), as a `--seed` file is; the mock
            reads it
            as plain data and checks it against `SeedDocument`.
        body (File): A `SeedDocument` written in YAML (UTF-8), as a `--seed` file is; the mock
            reads it
            as plain data and checks it against `SeedDocument`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SeedCounts]
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
    body: SeedDocument | File,
) -> Problem | SeedCounts | None:
    """Add seed data

     Adds the document's records to what the mock holds (it does not reset first).
    A document that fails validation changes nothing.

    The body is JSON, or YAML (`application/yaml`, `text/yaml`), the format of a
    `--seed` file, read as plain data: tags beyond JSON's types (Python objects
    included) are refused, an unquoted timestamp is read as the text written, a key
    written twice in one mapping is refused, and so are aliases that would expand the
    document more than tenfold. A refusal of a YAML body names the line, column and
    path in the document.

    Args:
        body (SeedDocument): Seed data for every API; each section and key is optional. `GET
            /_mock/snapshot`
            answers the whole state in this format.
        body (File): A `SeedDocument` written in YAML (UTF-8), as a `--seed` file is; the mock
            reads it
            as plain data and checks it against `SeedDocument`.
        body (File): A `SeedDocument` written in YAML (UTF-8), as a `--seed` file is; the mock
            reads it
            as plain data and checks it against `SeedDocument`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SeedCounts
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeedDocument | File,
) -> Response[Problem | SeedCounts]:
    """Add seed data

     Adds the document's records to what the mock holds (it does not reset first).
    A document that fails validation changes nothing.

    The body is JSON, or YAML (`application/yaml`, `text/yaml`), the format of a
    `--seed` file, read as plain data: tags beyond JSON's types (Python objects
    included) are refused, an unquoted timestamp is read as the text written, a key
    written twice in one mapping is refused, and so are aliases that would expand the
    document more than tenfold. A refusal of a YAML body names the line, column and
    path in the document.

    Args:
        body (SeedDocument): Seed data for every API; each section and key is optional. `GET
            /_mock/snapshot`
            answers the whole state in this format.
        body (File): A `SeedDocument` written in YAML (UTF-8), as a `--seed` file is; the mock
            reads it
            as plain data and checks it against `SeedDocument`.
        body (File): A `SeedDocument` written in YAML (UTF-8), as a `--seed` file is; the mock
            reads it
            as plain data and checks it against `SeedDocument`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SeedCounts]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SeedDocument | File,
) -> Problem | SeedCounts | None:
    """Add seed data

     Adds the document's records to what the mock holds (it does not reset first).
    A document that fails validation changes nothing.

    The body is JSON, or YAML (`application/yaml`, `text/yaml`), the format of a
    `--seed` file, read as plain data: tags beyond JSON's types (Python objects
    included) are refused, an unquoted timestamp is read as the text written, a key
    written twice in one mapping is refused, and so are aliases that would expand the
    document more than tenfold. A refusal of a YAML body names the line, column and
    path in the document.

    Args:
        body (SeedDocument): Seed data for every API; each section and key is optional. `GET
            /_mock/snapshot`
            answers the whole state in this format.
        body (File): A `SeedDocument` written in YAML (UTF-8), as a `--seed` file is; the mock
            reads it
            as plain data and checks it against `SeedDocument`.
        body (File): A `SeedDocument` written in YAML (UTF-8), as a `--seed` file is; the mock
            reads it
            as plain data and checks it against `SeedDocument`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SeedCounts
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
