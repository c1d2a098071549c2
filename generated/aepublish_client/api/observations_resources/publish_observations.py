from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.observation import Observation
from ...models.problem import Problem
from ...models.publish_response import PublishResponse
from ...types import Response


def _get_kwargs(
    account_id: str,
    *,
    body: list[Any | Observation],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/aepublish/v1/{account_id}/observation".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item: Any | dict[str, Any]
        if isinstance(body_item_data, Observation):
            body_item = body_item_data.to_dict()
        else:
            body_item = body_item_data
        _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | PublishResponse | None:
    if response.status_code == 200:
        response_200 = PublishResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | PublishResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: list[Any | Observation],
) -> Response[Problem | PublishResponse]:
    """Publish Observations

     Publishes observations to Ingest subsystem, and returns the publication outcome of each
    observation, in input order, plus the number of observations per outcome.

    The body is a JSON array of observations. An observation is an object (see the
    `Observation` schema) with `definition` (string, required: the path of an observation
    definition), optional `progress_marker` (string), optional `ts` (epoch seconds) and
    `data` (object) with the observed properties; other keys are allowed. The array's items
    are deliberately not constrained here: a malformed element is not a reason to refuse
    the whole request, it gets an `error` outcome of its own.

    Each observation is judged in array order, by the first of these rules that applies:

    1. it is not an object, has no or an unknown `definition`, or a field has the wrong type
       (text holding a lone surrogate, which is no Unicode text, counts as one; so does a
       `unique` property's value nested deeper than 64 levels) → `error`, with `details`
       saying why;
    2. a fault rule (set up through the admin API) matches its definition → `retry`, with
       `delay` (seconds); nothing is recorded;
    3. its `progress_marker` was already published for this account → `duplicate`, with the
       `ingest_id` issued the first time;
    4. an observation of the same definition with equal values of the definition's `unique`
       `data` properties succeeded within the definition's `unique_window` → `suppressed`,
       with that observation's `ingest_id` (a missing property counts as null);
    5. the definition already has `throttle_count` successes within the trailing
       `throttle_period` for this account → `throttled`;
    6. otherwise → `success`, with a new `ingest_id`, and `chkpt` = its `progress_marker`
       when it has one.

    Only a `success` records its progress marker, its unique key and a throttle count, so a
    later observation of the same request sees it. State is kept per account, and a
    definition set up for one account overrides the shared one of the same path.
    The whole request is refused when the body is not a JSON array (400), the token is
    missing, unknown or expired (401), the token belongs to another account (403), or the
    array holds more observations than the batch limit (413).

    Args:
        account_id (str):
        body (list[Any | Observation]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublishResponse]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: list[Any | Observation],
) -> Problem | PublishResponse | None:
    """Publish Observations

     Publishes observations to Ingest subsystem, and returns the publication outcome of each
    observation, in input order, plus the number of observations per outcome.

    The body is a JSON array of observations. An observation is an object (see the
    `Observation` schema) with `definition` (string, required: the path of an observation
    definition), optional `progress_marker` (string), optional `ts` (epoch seconds) and
    `data` (object) with the observed properties; other keys are allowed. The array's items
    are deliberately not constrained here: a malformed element is not a reason to refuse
    the whole request, it gets an `error` outcome of its own.

    Each observation is judged in array order, by the first of these rules that applies:

    1. it is not an object, has no or an unknown `definition`, or a field has the wrong type
       (text holding a lone surrogate, which is no Unicode text, counts as one; so does a
       `unique` property's value nested deeper than 64 levels) → `error`, with `details`
       saying why;
    2. a fault rule (set up through the admin API) matches its definition → `retry`, with
       `delay` (seconds); nothing is recorded;
    3. its `progress_marker` was already published for this account → `duplicate`, with the
       `ingest_id` issued the first time;
    4. an observation of the same definition with equal values of the definition's `unique`
       `data` properties succeeded within the definition's `unique_window` → `suppressed`,
       with that observation's `ingest_id` (a missing property counts as null);
    5. the definition already has `throttle_count` successes within the trailing
       `throttle_period` for this account → `throttled`;
    6. otherwise → `success`, with a new `ingest_id`, and `chkpt` = its `progress_marker`
       when it has one.

    Only a `success` records its progress marker, its unique key and a throttle count, so a
    later observation of the same request sees it. State is kept per account, and a
    definition set up for one account overrides the shared one of the same path.
    The whole request is refused when the body is not a JSON array (400), the token is
    missing, unknown or expired (401), the token belongs to another account (403), or the
    array holds more observations than the batch limit (413).

    Args:
        account_id (str):
        body (list[Any | Observation]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublishResponse
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: list[Any | Observation],
) -> Response[Problem | PublishResponse]:
    """Publish Observations

     Publishes observations to Ingest subsystem, and returns the publication outcome of each
    observation, in input order, plus the number of observations per outcome.

    The body is a JSON array of observations. An observation is an object (see the
    `Observation` schema) with `definition` (string, required: the path of an observation
    definition), optional `progress_marker` (string), optional `ts` (epoch seconds) and
    `data` (object) with the observed properties; other keys are allowed. The array's items
    are deliberately not constrained here: a malformed element is not a reason to refuse
    the whole request, it gets an `error` outcome of its own.

    Each observation is judged in array order, by the first of these rules that applies:

    1. it is not an object, has no or an unknown `definition`, or a field has the wrong type
       (text holding a lone surrogate, which is no Unicode text, counts as one; so does a
       `unique` property's value nested deeper than 64 levels) → `error`, with `details`
       saying why;
    2. a fault rule (set up through the admin API) matches its definition → `retry`, with
       `delay` (seconds); nothing is recorded;
    3. its `progress_marker` was already published for this account → `duplicate`, with the
       `ingest_id` issued the first time;
    4. an observation of the same definition with equal values of the definition's `unique`
       `data` properties succeeded within the definition's `unique_window` → `suppressed`,
       with that observation's `ingest_id` (a missing property counts as null);
    5. the definition already has `throttle_count` successes within the trailing
       `throttle_period` for this account → `throttled`;
    6. otherwise → `success`, with a new `ingest_id`, and `chkpt` = its `progress_marker`
       when it has one.

    Only a `success` records its progress marker, its unique key and a throttle count, so a
    later observation of the same request sees it. State is kept per account, and a
    definition set up for one account overrides the shared one of the same path.
    The whole request is refused when the body is not a JSON array (400), the token is
    missing, unknown or expired (401), the token belongs to another account (403), or the
    array holds more observations than the batch limit (413).

    Args:
        account_id (str):
        body (list[Any | Observation]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublishResponse]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: list[Any | Observation],
) -> Problem | PublishResponse | None:
    """Publish Observations

     Publishes observations to Ingest subsystem, and returns the publication outcome of each
    observation, in input order, plus the number of observations per outcome.

    The body is a JSON array of observations. An observation is an object (see the
    `Observation` schema) with `definition` (string, required: the path of an observation
    definition), optional `progress_marker` (string), optional `ts` (epoch seconds) and
    `data` (object) with the observed properties; other keys are allowed. The array's items
    are deliberately not constrained here: a malformed element is not a reason to refuse
    the whole request, it gets an `error` outcome of its own.

    Each observation is judged in array order, by the first of these rules that applies:

    1. it is not an object, has no or an unknown `definition`, or a field has the wrong type
       (text holding a lone surrogate, which is no Unicode text, counts as one; so does a
       `unique` property's value nested deeper than 64 levels) → `error`, with `details`
       saying why;
    2. a fault rule (set up through the admin API) matches its definition → `retry`, with
       `delay` (seconds); nothing is recorded;
    3. its `progress_marker` was already published for this account → `duplicate`, with the
       `ingest_id` issued the first time;
    4. an observation of the same definition with equal values of the definition's `unique`
       `data` properties succeeded within the definition's `unique_window` → `suppressed`,
       with that observation's `ingest_id` (a missing property counts as null);
    5. the definition already has `throttle_count` successes within the trailing
       `throttle_period` for this account → `throttled`;
    6. otherwise → `success`, with a new `ingest_id`, and `chkpt` = its `progress_marker`
       when it has one.

    Only a `success` records its progress marker, its unique key and a throttle count, so a
    later observation of the same request sees it. State is kept per account, and a
    definition set up for one account overrides the shared one of the same path.
    The whole request is refused when the body is not a JSON array (400), the token is
    missing, unknown or expired (401), the token belongs to another account (403), or the
    array holds more observations than the batch limit (413).

    Args:
        account_id (str):
        body (list[Any | Observation]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublishResponse
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
        )
    ).parsed
