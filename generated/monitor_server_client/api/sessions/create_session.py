from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_description import BadDescription
from ...models.message import Message
from ...models.problem import Problem
from ...models.session import Session
from ...models.session_create import SessionCreate
from ...models.validation_errors import ValidationErrors
from ...types import Response


def _get_kwargs(
    *,
    body: SessionCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sessions/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadDescription | Message | ValidationErrors | Problem | Session | None:
    if response.status_code == 201:
        response_201 = Session.from_dict(response.json())

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
) -> Response[BadDescription | Message | ValidationErrors | Problem | Session]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionCreate,
) -> Response[BadDescription | Message | ValidationErrors | Problem | Session]:
    """Store a session

     pytest-monitor's form: `session_h`, `run_date`, `scm_ref` (may be null) and
    `description` (a JSON object; its entries become the session's tags). A
    description that is not an object answers the real server's 400, the session's
    fields all null. `run_date` is stored as sent and answered as the real server
    re-renders it (`2024-05-13` → `2024-05-13T00:00:00`, `Z` → `+00:00`).
    A missing `session_h` with no hash in the URL, or a missing `run_date` or
    `scm_ref`, answers 400 (the real server fails with a 500); a hash that exists
    already answers 409 (a 500 there).

    Args:
        body (SessionCreate): A new session, as pytest-monitor sends it. Example: {'session_h':
            '2bdcf62f5cfaa71e9ede529ed4a43963', 'run_date': '2024-05-13T09:12:44.301552', 'scm_ref':
            '4914d195225cf6b1c5a160c555b6948ea1ba2bcd', 'description': {'numpy': '1.26.4'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | Problem | Session]
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
    body: SessionCreate,
) -> BadDescription | Message | ValidationErrors | Problem | Session | None:
    """Store a session

     pytest-monitor's form: `session_h`, `run_date`, `scm_ref` (may be null) and
    `description` (a JSON object; its entries become the session's tags). A
    description that is not an object answers the real server's 400, the session's
    fields all null. `run_date` is stored as sent and answered as the real server
    re-renders it (`2024-05-13` → `2024-05-13T00:00:00`, `Z` → `+00:00`).
    A missing `session_h` with no hash in the URL, or a missing `run_date` or
    `scm_ref`, answers 400 (the real server fails with a 500); a hash that exists
    already answers 409 (a 500 there).

    Args:
        body (SessionCreate): A new session, as pytest-monitor sends it. Example: {'session_h':
            '2bdcf62f5cfaa71e9ede529ed4a43963', 'run_date': '2024-05-13T09:12:44.301552', 'scm_ref':
            '4914d195225cf6b1c5a160c555b6948ea1ba2bcd', 'description': {'numpy': '1.26.4'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | Problem | Session
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionCreate,
) -> Response[BadDescription | Message | ValidationErrors | Problem | Session]:
    """Store a session

     pytest-monitor's form: `session_h`, `run_date`, `scm_ref` (may be null) and
    `description` (a JSON object; its entries become the session's tags). A
    description that is not an object answers the real server's 400, the session's
    fields all null. `run_date` is stored as sent and answered as the real server
    re-renders it (`2024-05-13` → `2024-05-13T00:00:00`, `Z` → `+00:00`).
    A missing `session_h` with no hash in the URL, or a missing `run_date` or
    `scm_ref`, answers 400 (the real server fails with a 500); a hash that exists
    already answers 409 (a 500 there).

    Args:
        body (SessionCreate): A new session, as pytest-monitor sends it. Example: {'session_h':
            '2bdcf62f5cfaa71e9ede529ed4a43963', 'run_date': '2024-05-13T09:12:44.301552', 'scm_ref':
            '4914d195225cf6b1c5a160c555b6948ea1ba2bcd', 'description': {'numpy': '1.26.4'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | Problem | Session]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SessionCreate,
) -> BadDescription | Message | ValidationErrors | Problem | Session | None:
    """Store a session

     pytest-monitor's form: `session_h`, `run_date`, `scm_ref` (may be null) and
    `description` (a JSON object; its entries become the session's tags). A
    description that is not an object answers the real server's 400, the session's
    fields all null. `run_date` is stored as sent and answered as the real server
    re-renders it (`2024-05-13` → `2024-05-13T00:00:00`, `Z` → `+00:00`).
    A missing `session_h` with no hash in the URL, or a missing `run_date` or
    `scm_ref`, answers 400 (the real server fails with a 500); a hash that exists
    already answers 409 (a 500 there).

    Args:
        body (SessionCreate): A new session, as pytest-monitor sends it. Example: {'session_h':
            '2bdcf62f5cfaa71e9ede529ed4a43963', 'run_date': '2024-05-13T09:12:44.301552', 'scm_ref':
            '4914d195225cf6b1c5a160c555b6948ea1ba2bcd', 'description': {'numpy': '1.26.4'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | Problem | Session
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
