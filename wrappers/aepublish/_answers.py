"""Which generated operation each aepublish call makes, and how its answer reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
from aepublish_client.api.aims_authentication_and_authorization_resources import (
    authenticate,
    get_token_info,
)
from aepublish_client.api.observations_resources import publish_observations
from aepublish_client.models import AuthenticateResponse, Outcome, PublishResponse, TokenInfo
from aepublish_client.models import ObservationResult as WireResult
from aepublish_client.types import Unset

from wrappers._core.calls import Call, Malformed, Reply, expect

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ObservationResult:
    """The publication outcome of one observation; a field the service left out is None.

    ``ingest_id`` on success (the new one) and on duplicate/suppressed (the earlier one);
    ``delay`` (seconds) on retry; ``chkpt`` on success when the observation had a progress
    marker; ``details`` on error (and on the mock's injected retries).
    """

    outcome: Outcome
    ingest_id: str | None = None
    delay: int | None = None
    chkpt: str | None = None
    details: str | None = None

    @classmethod
    def from_wire(cls, wire: WireResult) -> ObservationResult:
        """The result the generated model holds, with ``UNSET`` fields as None."""
        return cls(
            outcome=wire.outcome,
            ingest_id=_or_none(wire.ingest_id),
            delay=_or_none(wire.delay),
            chkpt=_or_none(wire.chkpt),
            details=_or_none(wire.details),
        )


@dataclass(frozen=True)
class Login:
    """What an AIMS login gave: the token to send and the account it belongs to."""

    token: str = field(repr=False)
    account_id: str


def login_from_authentication(reply: Reply) -> Login:
    """The login of an ``authenticate`` answer (a key pair)."""
    authentication = expect(reply.parsed, AuthenticateResponse).authentication
    return Login(authentication.token, authentication.account.id)


def results_from(reply: Reply) -> list[ObservationResult]:
    """One result per observation of a ``publish_observations`` answer, in its order."""
    observations = expect(reply.parsed, PublishResponse).observations
    return [ObservationResult.from_wire(wire) for wire in observations]


def request_body(data: Sequence[Mapping[str, Any]]) -> list[Any]:
    """The JSON array to send (httpx serialises dicts, not any mapping)."""
    # Elements that are not mappings are sent as they are: the service answers a malformed
    # observation with an `error` outcome of its own rather than refusing the whole request.
    return [dict(item) if isinstance(item, Mapping) else item for item in data]


# --------------------------------------------------------------------------- calls


def authenticate_call(key_pair: httpx.Auth) -> Call[Login]:
    """An AIMS login with a key pair (basic authentication on this request only). A login
    stores nothing (a repeated one leaves an unused token), so it may be sent again."""
    return Call(authenticate, {}, login_from_authentication, auth=key_pair)


def token_info_call(token: str) -> Call[Login]:
    """What AIMS knows of a token given as is: its account."""

    def read(reply: Reply) -> Login:
        return Login(token, expect(reply.parsed, TokenInfo).account.id)

    return Call(get_token_info, {}, read)


def publish_call(
    account_id: str, data: Sequence[Mapping[str, Any]]
) -> Call[list[ObservationResult]]:
    """One publication; never sent again by itself (``publish()`` re-sends only the
    observations answered ``retry``, which the service defines as safe to send again)."""
    body = request_body(data)
    kwargs = {"account_id": account_id, "body": body}
    return Call(publish_observations, kwargs, _results_of(len(body)), safe=False)


def _results_of(sent: int) -> Callable[[Reply], list[ObservationResult]]:
    def read(reply: Reply) -> list[ObservationResult]:
        results = results_from(reply)
        # One result per observation, in order: a count that differs would pin outcomes on
        # the wrong observations.
        if len(results) != sent:
            raise Malformed(f"{len(results)} results for {sent} observations")
        return results

    return read


def _or_none(value: T | Unset) -> T | None:
    return None if isinstance(value, Unset) else value
