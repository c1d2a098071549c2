from http import HTTPStatus
from typing import Any

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
    *,
    body: ExecutionContextCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/contexts/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadDescription | Message | ValidationErrors | ExecutionContext | Problem | None:
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
) -> Response[BadDescription | Message | ValidationErrors | ExecutionContext | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ExecutionContextCreate,
) -> Response[BadDescription | Message | ValidationErrors | ExecutionContext | Problem]:
    """Store an execution context

     Every field but `cpu_vendor` (an empty string by default) must be given (400; the
    real server fails with a 500). `cpu_frequency` is answered as an integer (its
    whole part). A hash that exists already answers 409 (a 500 there).

    Args:
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
        Response[BadDescription | Message | ValidationErrors | ExecutionContext | Problem]
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
    body: ExecutionContextCreate,
) -> BadDescription | Message | ValidationErrors | ExecutionContext | Problem | None:
    """Store an execution context

     Every field but `cpu_vendor` (an empty string by default) must be given (400; the
    real server fails with a 500). `cpu_frequency` is answered as an integer (its
    whole part). A hash that exists already answers 409 (a 500 there).

    Args:
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
        BadDescription | Message | ValidationErrors | ExecutionContext | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ExecutionContextCreate,
) -> Response[BadDescription | Message | ValidationErrors | ExecutionContext | Problem]:
    """Store an execution context

     Every field but `cpu_vendor` (an empty string by default) must be given (400; the
    real server fails with a 500). `cpu_frequency` is answered as an integer (its
    whole part). A hash that exists already answers 409 (a 500 there).

    Args:
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
        Response[BadDescription | Message | ValidationErrors | ExecutionContext | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ExecutionContextCreate,
) -> BadDescription | Message | ValidationErrors | ExecutionContext | Problem | None:
    """Store an execution context

     Every field but `cpu_vendor` (an empty string by default) must be given (400; the
    real server fails with a 500). `cpu_frequency` is answered as an integer (its
    whole part). A hash that exists already answers 409 (a 500 there).

    Args:
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
        BadDescription | Message | ValidationErrors | ExecutionContext | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
