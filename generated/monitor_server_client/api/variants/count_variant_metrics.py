from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_description import BadDescription
from ...models.count import Count
from ...models.message import Message
from ...models.validation_errors import ValidationErrors
from ...types import Response


def _get_kwargs(
    variant: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/variants/{variant}/metrics/count".format(
            variant=quote(str(variant), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadDescription | Message | ValidationErrors | Count | str | None:
    if response.status_code == 200:
        response_200 = Count.from_dict(response.json())

        return response_200

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
) -> Response[BadDescription | Message | ValidationErrors | Count | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    variant: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BadDescription | Message | ValidationErrors | Count | str]:
    """Count the metrics of an item variant

    Args:
        variant (str): Text in one path segment. Example: linalg.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | Count | str]
    """

    kwargs = _get_kwargs(
        variant=variant,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    variant: str,
    *,
    client: AuthenticatedClient | Client,
) -> BadDescription | Message | ValidationErrors | Count | str | None:
    """Count the metrics of an item variant

    Args:
        variant (str): Text in one path segment. Example: linalg.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | Count | str
    """

    return sync_detailed(
        variant=variant,
        client=client,
    ).parsed


async def asyncio_detailed(
    variant: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BadDescription | Message | ValidationErrors | Count | str]:
    """Count the metrics of an item variant

    Args:
        variant (str): Text in one path segment. Example: linalg.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | Count | str]
    """

    kwargs = _get_kwargs(
        variant=variant,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    variant: str,
    *,
    client: AuthenticatedClient | Client,
) -> BadDescription | Message | ValidationErrors | Count | str | None:
    """Count the metrics of an item variant

    Args:
        variant (str): Text in one path segment. Example: linalg.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | Count | str
    """

    return (
        await asyncio_detailed(
            variant=variant,
            client=client,
        )
    ).parsed
