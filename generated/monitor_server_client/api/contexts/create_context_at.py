from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_description import BadDescription
from ...models.execution_context import ExecutionContext
from ...models.execution_context_create import ExecutionContextCreate
from ...models.message import Message
from ...models.problem import Problem
from ...models.validation_errors import ValidationErrors
from ...types import Response


def _get_kwargs(
    environ_hash: str,
    *,
    body: ExecutionContextCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/contexts/{environ_hash}".format(
            environ_hash=quote(str(environ_hash), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadDescription
    | Message
    | ValidationErrors
    | ExecutionContext
    | Problem
    | str
    | None
):
    if response.status_code == 201:
        response_201 = ExecutionContext.from_dict(response.json())

        return response_201

    if response.status_code == 400:

        def _parse_response_400(
            data: object,
        ) -> BadDescription | Message | ValidationErrors:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = Message.from_dict(data)

                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = ValidationErrors.from_dict(data)

                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_2 = BadDescription.from_dict(data)

            return response_400_type_2

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    BadDescription | Message | ValidationErrors | ExecutionContext | Problem | str
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    environ_hash: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecutionContextCreate,
) -> Response[
    BadDescription | Message | ValidationErrors | ExecutionContext | Problem | str
]:
    """Store an execution context (the hash in the URL is not read)

     As `create_context`: the real server takes the hash from the body only.

    Args:
        environ_hash (str): An identification key (pytest-monitor writes 32-hex MD5 digests).
            Example: 0041724ff4e0adac62b70b4f810c79fc5ad8ba5b.
        body (ExecutionContextCreate): A new execution context, as pytest-monitor sends it.
            Example: {'h': 'e9188c68dd9ddeccd0a2f59422d16a2b', 'cpu_count': 8, 'cpu_frequency':
            2893.204, 'cpu_type': 'x86_64', 'cpu_vendor': 'Intel(R) Core(TM) i7-8665U CPU @ 1.90GHz',
            'ram_total': 15747, 'machine_node': 'ci-runner-07.example.org', 'machine_type': 'x86_64',
            'machine_arch': '64bit', 'system_info': 'Linux - 6.8.0-31-generic', 'python_info': '3.11.9
            (main, Apr  6 2024, 17:59:24) [GCC 11.4.0]'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | ExecutionContext | Problem | str]
    """

    kwargs = _get_kwargs(
        environ_hash=environ_hash,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    environ_hash: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecutionContextCreate,
) -> (
    BadDescription
    | Message
    | ValidationErrors
    | ExecutionContext
    | Problem
    | str
    | None
):
    """Store an execution context (the hash in the URL is not read)

     As `create_context`: the real server takes the hash from the body only.

    Args:
        environ_hash (str): An identification key (pytest-monitor writes 32-hex MD5 digests).
            Example: 0041724ff4e0adac62b70b4f810c79fc5ad8ba5b.
        body (ExecutionContextCreate): A new execution context, as pytest-monitor sends it.
            Example: {'h': 'e9188c68dd9ddeccd0a2f59422d16a2b', 'cpu_count': 8, 'cpu_frequency':
            2893.204, 'cpu_type': 'x86_64', 'cpu_vendor': 'Intel(R) Core(TM) i7-8665U CPU @ 1.90GHz',
            'ram_total': 15747, 'machine_node': 'ci-runner-07.example.org', 'machine_type': 'x86_64',
            'machine_arch': '64bit', 'system_info': 'Linux - 6.8.0-31-generic', 'python_info': '3.11.9
            (main, Apr  6 2024, 17:59:24) [GCC 11.4.0]'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | ExecutionContext | Problem | str
    """

    return sync_detailed(
        environ_hash=environ_hash,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    environ_hash: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecutionContextCreate,
) -> Response[
    BadDescription | Message | ValidationErrors | ExecutionContext | Problem | str
]:
    """Store an execution context (the hash in the URL is not read)

     As `create_context`: the real server takes the hash from the body only.

    Args:
        environ_hash (str): An identification key (pytest-monitor writes 32-hex MD5 digests).
            Example: 0041724ff4e0adac62b70b4f810c79fc5ad8ba5b.
        body (ExecutionContextCreate): A new execution context, as pytest-monitor sends it.
            Example: {'h': 'e9188c68dd9ddeccd0a2f59422d16a2b', 'cpu_count': 8, 'cpu_frequency':
            2893.204, 'cpu_type': 'x86_64', 'cpu_vendor': 'Intel(R) Core(TM) i7-8665U CPU @ 1.90GHz',
            'ram_total': 15747, 'machine_node': 'ci-runner-07.example.org', 'machine_type': 'x86_64',
            'machine_arch': '64bit', 'system_info': 'Linux - 6.8.0-31-generic', 'python_info': '3.11.9
            (main, Apr  6 2024, 17:59:24) [GCC 11.4.0]'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | ExecutionContext | Problem | str]
    """

    kwargs = _get_kwargs(
        environ_hash=environ_hash,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    environ_hash: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecutionContextCreate,
) -> (
    BadDescription
    | Message
    | ValidationErrors
    | ExecutionContext
    | Problem
    | str
    | None
):
    """Store an execution context (the hash in the URL is not read)

     As `create_context`: the real server takes the hash from the body only.

    Args:
        environ_hash (str): An identification key (pytest-monitor writes 32-hex MD5 digests).
            Example: 0041724ff4e0adac62b70b4f810c79fc5ad8ba5b.
        body (ExecutionContextCreate): A new execution context, as pytest-monitor sends it.
            Example: {'h': 'e9188c68dd9ddeccd0a2f59422d16a2b', 'cpu_count': 8, 'cpu_frequency':
            2893.204, 'cpu_type': 'x86_64', 'cpu_vendor': 'Intel(R) Core(TM) i7-8665U CPU @ 1.90GHz',
            'ram_total': 15747, 'machine_node': 'ci-runner-07.example.org', 'machine_type': 'x86_64',
            'machine_arch': '64bit', 'system_info': 'Linux - 6.8.0-31-generic', 'python_info': '3.11.9
            (main, Apr  6 2024, 17:59:24) [GCC 11.4.0]'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | ExecutionContext | Problem | str
    """

    return (
        await asyncio_detailed(
            environ_hash=environ_hash,
            client=client,
            body=body,
        )
    ).parsed
