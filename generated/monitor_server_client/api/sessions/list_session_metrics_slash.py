from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.metric_page import MetricPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_h: str,
    *,
    page: int | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sessions/{session_h}/metrics/".format(
            session_h=quote(str(session_h), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | MetricPage | Problem | None:
    if response.status_code == 200:
        response_200 = MetricPage.from_dict(response.json())

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
) -> Response[Any | MetricPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_h: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> Response[Any | MetricPage | Problem]:
    """List the metrics of a session (the seed's spelling, with a trailing slash)

     Same as `list_session_metrics`; the page URLs keep the trailing slash.

    Args:
        session_h (str):
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MetricPage | Problem]
    """

    kwargs = _get_kwargs(
        session_h=session_h,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_h: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> Any | MetricPage | Problem | None:
    """List the metrics of a session (the seed's spelling, with a trailing slash)

     Same as `list_session_metrics`; the page URLs keep the trailing slash.

    Args:
        session_h (str):
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MetricPage | Problem
    """

    return sync_detailed(
        session_h=session_h,
        client=client,
        page=page,
    ).parsed


async def asyncio_detailed(
    session_h: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> Response[Any | MetricPage | Problem]:
    """List the metrics of a session (the seed's spelling, with a trailing slash)

     Same as `list_session_metrics`; the page URLs keep the trailing slash.

    Args:
        session_h (str):
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MetricPage | Problem]
    """

    kwargs = _get_kwargs(
        session_h=session_h,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_h: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> Any | MetricPage | Problem | None:
    """List the metrics of a session (the seed's spelling, with a trailing slash)

     Same as `list_session_metrics`; the page URLs keep the trailing slash.

    Args:
        session_h (str):
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MetricPage | Problem
    """

    return (
        await asyncio_detailed(
            session_h=session_h,
            client=client,
            page=page,
        )
    ).parsed
