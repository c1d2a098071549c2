from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_description import BadDescription
from ...models.message import Message
from ...models.pipeline_builds import PipelineBuilds
from ...models.validation_errors import ValidationErrors
from ...types import UNSET, Response, Unset


def _get_kwargs(
    pipeline: str,
    *,
    page: int | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pipelines/{pipeline}/builds".format(
            pipeline=quote(str(pipeline), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadDescription | Message | ValidationErrors | PipelineBuilds | str | None:
    if response.status_code == 200:
        response_200 = PipelineBuilds.from_dict(response.json())

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
) -> Response[BadDescription | Message | ValidationErrors | PipelineBuilds | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pipeline: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> Response[BadDescription | Message | ValidationErrors | PipelineBuilds | str]:
    """List the builds of a pipeline

     The non-empty `pipeline_build_no` tags of the pipeline's sessions, first session first.

    Args:
        pipeline (str): Text in one path segment. Example: linalg.
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | PipelineBuilds | str]
    """

    kwargs = _get_kwargs(
        pipeline=pipeline,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pipeline: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> BadDescription | Message | ValidationErrors | PipelineBuilds | str | None:
    """List the builds of a pipeline

     The non-empty `pipeline_build_no` tags of the pipeline's sessions, first session first.

    Args:
        pipeline (str): Text in one path segment. Example: linalg.
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | PipelineBuilds | str
    """

    return sync_detailed(
        pipeline=pipeline,
        client=client,
        page=page,
    ).parsed


async def asyncio_detailed(
    pipeline: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> Response[BadDescription | Message | ValidationErrors | PipelineBuilds | str]:
    """List the builds of a pipeline

     The non-empty `pipeline_build_no` tags of the pipeline's sessions, first session first.

    Args:
        pipeline (str): Text in one path segment. Example: linalg.
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadDescription | Message | ValidationErrors | PipelineBuilds | str]
    """

    kwargs = _get_kwargs(
        pipeline=pipeline,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pipeline: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
) -> BadDescription | Message | ValidationErrors | PipelineBuilds | str | None:
    """List the builds of a pipeline

     The non-empty `pipeline_build_no` tags of the pipeline's sessions, first session first.

    Args:
        pipeline (str): Text in one path segment. Example: linalg.
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadDescription | Message | ValidationErrors | PipelineBuilds | str
    """

    return (
        await asyncio_detailed(
            pipeline=pipeline,
            client=client,
            page=page,
        )
    ).parsed
