from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_description import BadDescription
from ...models.message import Message
from ...models.session_page import SessionPage
from ...models.validation_errors import ValidationErrors
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    with_flags: str | Unset = UNSET,
    restrict_flags: str | Unset = UNSET,
    method: str | Unset = "match_any",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["with_flags"] = with_flags

    params["restrict_flags"] = restrict_flags

    params["method"] = method

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sessions/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | BadDescription | Message | ValidationErrors | SessionPage | str | None:
    if response.status_code == 200:
        response_200 = SessionPage.from_dict(response.json())

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | BadDescription | Message | ValidationErrors | SessionPage | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    with_flags: str | Unset = UNSET,
    restrict_flags: str | Unset = UNSET,
    method: str | Unset = "match_any",
) -> Response[Any | BadDescription | Message | ValidationErrors | SessionPage | str]:
    """List all sessions, one page at a time

     In the order they were stored (`?page=-1` is the newest page).

    Args:
        page (int | Unset):  Default: 1.
        with_flags (str | Unset):
        restrict_flags (str | Unset):
        method (str | Unset):  Default: 'match_any'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BadDescription | Message | ValidationErrors | SessionPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        with_flags=with_flags,
        restrict_flags=restrict_flags,
        method=method,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    with_flags: str | Unset = UNSET,
    restrict_flags: str | Unset = UNSET,
    method: str | Unset = "match_any",
) -> Any | BadDescription | Message | ValidationErrors | SessionPage | str | None:
    """List all sessions, one page at a time

     In the order they were stored (`?page=-1` is the newest page).

    Args:
        page (int | Unset):  Default: 1.
        with_flags (str | Unset):
        restrict_flags (str | Unset):
        method (str | Unset):  Default: 'match_any'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BadDescription | Message | ValidationErrors | SessionPage | str
    """

    return sync_detailed(
        client=client,
        page=page,
        with_flags=with_flags,
        restrict_flags=restrict_flags,
        method=method,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    with_flags: str | Unset = UNSET,
    restrict_flags: str | Unset = UNSET,
    method: str | Unset = "match_any",
) -> Response[Any | BadDescription | Message | ValidationErrors | SessionPage | str]:
    """List all sessions, one page at a time

     In the order they were stored (`?page=-1` is the newest page).

    Args:
        page (int | Unset):  Default: 1.
        with_flags (str | Unset):
        restrict_flags (str | Unset):
        method (str | Unset):  Default: 'match_any'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BadDescription | Message | ValidationErrors | SessionPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        with_flags=with_flags,
        restrict_flags=restrict_flags,
        method=method,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    with_flags: str | Unset = UNSET,
    restrict_flags: str | Unset = UNSET,
    method: str | Unset = "match_any",
) -> Any | BadDescription | Message | ValidationErrors | SessionPage | str | None:
    """List all sessions, one page at a time

     In the order they were stored (`?page=-1` is the newest page).

    Args:
        page (int | Unset):  Default: 1.
        with_flags (str | Unset):
        restrict_flags (str | Unset):
        method (str | Unset):  Default: 'match_any'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BadDescription | Message | ValidationErrors | SessionPage | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            with_flags=with_flags,
            restrict_flags=restrict_flags,
            method=method,
        )
    ).parsed
