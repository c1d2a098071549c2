from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_description import BadDescription
from ...models.message import Message
from ...models.resource import Resource
from ...models.resource_metrics import ResourceMetrics
from ...models.validation_errors import ValidationErrors
from ...types import Response


def _get_kwargs(
    resource: Resource,
    pipeline: str,
    max_element: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/resources/{resource}/pipelines/{pipeline}/tail/{max_element}/metrics".format(
            resource=quote(str(resource), safe=""),
            pipeline=quote(str(pipeline), safe=""),
            max_element=quote(str(max_element), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadDescription | Message | ValidationErrors | ResourceMetrics | str | None:
    if response.status_code == 200:
        response_200 = ResourceMetrics.from_dict(response.json())

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
) -> Response[BadDescription | Message | ValidationErrors | ResourceMetrics | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    resource: Resource,
    pipeline: str,
    max_element: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BadDescription | Message | ValidationErrors | ResourceMetrics | str]:
    """List the metrics, `max_element` of them (500 at most), of a pipeline using least of a resource

    Args:
        resource (Resource): What head/tail listings sort metrics by. Example: memory.
        pipeline (str): Text in one path segment. Example: linalg.
        max_element (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | ResourceMetrics | str]
    """

    kwargs = _get_kwargs(
        resource=resource,
        pipeline=pipeline,
        max_element=max_element,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    resource: Resource,
    pipeline: str,
    max_element: int,
    *,
    client: AuthenticatedClient | Client,
) -> BadDescription | Message | ValidationErrors | ResourceMetrics | str | None:
    """List the metrics, `max_element` of them (500 at most), of a pipeline using least of a resource

    Args:
        resource (Resource): What head/tail listings sort metrics by. Example: memory.
        pipeline (str): Text in one path segment. Example: linalg.
        max_element (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | ResourceMetrics | str
    """

    return sync_detailed(
        resource=resource,
        pipeline=pipeline,
        max_element=max_element,
        client=client,
    ).parsed


async def asyncio_detailed(
    resource: Resource,
    pipeline: str,
    max_element: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BadDescription | Message | ValidationErrors | ResourceMetrics | str]:
    """List the metrics, `max_element` of them (500 at most), of a pipeline using least of a resource

    Args:
        resource (Resource): What head/tail listings sort metrics by. Example: memory.
        pipeline (str): Text in one path segment. Example: linalg.
        max_element (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | ResourceMetrics | str]
    """

    kwargs = _get_kwargs(
        resource=resource,
        pipeline=pipeline,
        max_element=max_element,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    resource: Resource,
    pipeline: str,
    max_element: int,
    *,
    client: AuthenticatedClient | Client,
) -> BadDescription | Message | ValidationErrors | ResourceMetrics | str | None:
    """List the metrics, `max_element` of them (500 at most), of a pipeline using least of a resource

    Args:
        resource (Resource): What head/tail listings sort metrics by. Example: memory.
        pipeline (str): Text in one path segment. Example: linalg.
        max_element (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | ResourceMetrics | str
    """

    return (
        await asyncio_detailed(
            resource=resource,
            pipeline=pipeline,
            max_element=max_element,
            client=client,
        )
    ).parsed
