"""Reading the generated client's answers into the wrapper's types (sync and async alike)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aepublish_client.models import AuthenticateResponse, Outcome, PublishResponse, TokenInfo
from aepublish_client.models import ObservationResult as WireResult
from aepublish_client.types import Response, Unset

from wrappers.errors import BadRequestError, LoginRefusedError, raise_for_status

M = TypeVar("M")
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


def login_from_authentication(response: Response[Any]) -> Login:
    """The login of an ``authenticate`` answer (key pair); raises the typed error otherwise:
    ``AuthenticationError`` for a failed login (AIMS' empty 401), ``LoginRefusedError`` for
    a right pair AIMS will not log in (its 400 ``{"error": ...}``)."""
    try:
        authentication = _parsed(response, AuthenticateResponse).authentication
    except BadRequestError as refused:
        raise LoginRefusedError(refused.status, refused.problem, refused.content) from None
    return Login(authentication.token, authentication.account.id)


def login_from_token_info(response: Response[Any], token: str) -> Login:
    """The login of a ``get_token_info`` answer about ``token``."""
    return Login(token, _parsed(response, TokenInfo).account.id)


def results_from(response: Response[Any]) -> list[ObservationResult]:
    """One result per observation of a ``publish_observations`` answer, in its order."""
    observations = _parsed(response, PublishResponse).observations
    return [ObservationResult.from_wire(wire) for wire in observations]


def request_body(data: Sequence[Mapping[str, Any]]) -> list[Any]:
    """The JSON array to send (httpx serialises dicts, not any mapping)."""
    # Elements that are not mappings are sent as they are: the service answers a malformed
    # observation with an `error` outcome of its own rather than refusing the whole request.
    return [dict(item) if isinstance(item, Mapping) else item for item in data]


def _parsed(response: Response[Any], model: type[M]) -> M:
    raise_for_status(response)
    if not isinstance(response.parsed, model):
        # A 2xx the spec does not declare: the service and the spec disagree.
        raise TypeError(f"expected {model.__name__}, got {type(response.parsed).__name__}")
    return response.parsed


def _or_none(value: T | Unset) -> T | None:
    return None if isinstance(value, Unset) else value
