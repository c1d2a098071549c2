from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.session_page import SessionPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_prefix: str,
    *,
    page: int | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sessions/{session_prefix}".format(
            session_prefix=quote(str(session_prefix), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | SessionPage | None:
    if response.status_code == 200:
        response_200 = SessionPage.from_dict(response.json())

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | SessionPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_prefix: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> Response[Any | Problem | SessionPage]:
    """List the sessions whose hash starts with a prefix

     A full hash gives that one session. No match answers 204 with no body (the reader
    uses this to tell an unknown session). The prefix `count` cannot be asked for:
    `/api/v1/sessions/count` is the count of sessions, here as on the real server.

    Args:
        session_prefix (str):
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SessionPage]
    """

    kwargs = _get_kwargs(
        session_prefix=session_prefix,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_prefix: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> Any | Problem | SessionPage | None:
    """List the sessions whose hash starts with a prefix

     A full hash gives that one session. No match answers 204 with no body (the reader
    uses this to tell an unknown session). The prefix `count` cannot be asked for:
    `/api/v1/sessions/count` is the count of sessions, here as on the real server.

    Args:
        session_prefix (str):
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SessionPage
    """

    return sync_detailed(
        session_prefix=session_prefix,
        client=client,
        page=page,
    ).parsed


async def asyncio_detailed(
    session_prefix: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> Response[Any | Problem | SessionPage]:
    """List the sessions whose hash starts with a prefix

     A full hash gives that one session. No match answers 204 with no body (the reader
    uses this to tell an unknown session). The prefix `count` cannot be asked for:
    `/api/v1/sessions/count` is the count of sessions, here as on the real server.

    Args:
        session_prefix (str):
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SessionPage]
    """

    kwargs = _get_kwargs(
        session_prefix=session_prefix,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_prefix: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> Any | Problem | SessionPage | None:
    """List the sessions whose hash starts with a prefix

     A full hash gives that one session. No match answers 204 with no body (the reader
    uses this to tell an unknown session). The prefix `count` cannot be asked for:
    `/api/v1/sessions/count` is the count of sessions, here as on the real server.

    Args:
        session_prefix (str):
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SessionPage
    """

    return (
        await asyncio_detailed(
            session_prefix=session_prefix,
            client=client,
            page=page,
        )
    ).parsed
