from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_description import BadDescription
from ...models.message import Message
from ...models.metric import Metric
from ...models.problem import Problem
from ...models.validation_errors import ValidationErrors
from ...types import Response


def _get_kwargs(
    *,
    body: Metric,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/metrics/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadDescription | Message | ValidationErrors | Metric | Problem | None:
    if response.status_code == 201:
        response_201 = Metric.from_dict(response.json())

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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BadDescription | Message | ValidationErrors | Metric | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Metric,
) -> Response[BadDescription | Message | ValidationErrors | Metric | Problem]:
    """Store the metric of one test item

     The body is checked against the real server's metric model first (every field
    required, strings and numbers): a body that fails answers its 400,
    `{"errors": {field: message}, "message": "Input payload validation failed"}`.
    The session and context named need not exist.

    Args:
        body (Metric): The measure of one test item in one session and context. Example:
            {'session_h': '0041724ff4e0adac62b70b4f810c79fc5ad8ba5b', 'context_h':
            'e9188c68dd9ddeccd0a2f59422d16a2bf7337683', 'item_start_time':
            '2020-12-04T23:18:15.661016', 'item_path': 'tests.test_file', 'item': 'test_server_up',
            'item_variant': 'test_server_up[]', 'item_fs_loc': 'tests/test_file.py', 'kind':
            'function', 'component': 'server', 'total_time': 0.53, 'user_time': 0.41, 'kernel_time':
            0.02, 'cpu_usage': 0.81, 'mem_usage': 12.6}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | Metric | Problem]
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
    body: Metric,
) -> BadDescription | Message | ValidationErrors | Metric | Problem | None:
    """Store the metric of one test item

     The body is checked against the real server's metric model first (every field
    required, strings and numbers): a body that fails answers its 400,
    `{"errors": {field: message}, "message": "Input payload validation failed"}`.
    The session and context named need not exist.

    Args:
        body (Metric): The measure of one test item in one session and context. Example:
            {'session_h': '0041724ff4e0adac62b70b4f810c79fc5ad8ba5b', 'context_h':
            'e9188c68dd9ddeccd0a2f59422d16a2bf7337683', 'item_start_time':
            '2020-12-04T23:18:15.661016', 'item_path': 'tests.test_file', 'item': 'test_server_up',
            'item_variant': 'test_server_up[]', 'item_fs_loc': 'tests/test_file.py', 'kind':
            'function', 'component': 'server', 'total_time': 0.53, 'user_time': 0.41, 'kernel_time':
            0.02, 'cpu_usage': 0.81, 'mem_usage': 12.6}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | Metric | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Metric,
) -> Response[BadDescription | Message | ValidationErrors | Metric | Problem]:
    """Store the metric of one test item

     The body is checked against the real server's metric model first (every field
    required, strings and numbers): a body that fails answers its 400,
    `{"errors": {field: message}, "message": "Input payload validation failed"}`.
    The session and context named need not exist.

    Args:
        body (Metric): The measure of one test item in one session and context. Example:
            {'session_h': '0041724ff4e0adac62b70b4f810c79fc5ad8ba5b', 'context_h':
            'e9188c68dd9ddeccd0a2f59422d16a2bf7337683', 'item_start_time':
            '2020-12-04T23:18:15.661016', 'item_path': 'tests.test_file', 'item': 'test_server_up',
            'item_variant': 'test_server_up[]', 'item_fs_loc': 'tests/test_file.py', 'kind':
            'function', 'component': 'server', 'total_time': 0.53, 'user_time': 0.41, 'kernel_time':
            0.02, 'cpu_usage': 0.81, 'mem_usage': 12.6}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | Metric | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Metric,
) -> BadDescription | Message | ValidationErrors | Metric | Problem | None:
    """Store the metric of one test item

     The body is checked against the real server's metric model first (every field
    required, strings and numbers): a body that fails answers its 400,
    `{"errors": {field: message}, "message": "Input payload validation failed"}`.
    The session and context named need not exist.

    Args:
        body (Metric): The measure of one test item in one session and context. Example:
            {'session_h': '0041724ff4e0adac62b70b4f810c79fc5ad8ba5b', 'context_h':
            'e9188c68dd9ddeccd0a2f59422d16a2bf7337683', 'item_start_time':
            '2020-12-04T23:18:15.661016', 'item_path': 'tests.test_file', 'item': 'test_server_up',
            'item_variant': 'test_server_up[]', 'item_fs_loc': 'tests/test_file.py', 'kind':
            'function', 'component': 'server', 'total_time': 0.53, 'user_time': 0.41, 'kernel_time':
            0.02, 'cpu_usage': 0.81, 'mem_usage': 12.6}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | Metric | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
