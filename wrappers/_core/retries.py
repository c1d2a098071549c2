"""When a call that may be repeated is tried again, and after how long.

Tried again: a transport failure (a refused or reset connection, a body cut short), and
the answers that mean "not now": 429, 502, 503 and 504. Not: any other error status (an
answer is an answer), nor a deadline that has passed.

How long: the answer's ``Retry-After`` (seconds or an HTTP date) on a 429 or a 503, else
an exponential backoff (0.2 s, 0.4 s, ... at most 2 s). At most ``attempts`` tries in
all; and a wait longer than ``max_wait``, or one that would end past the call's deadline,
is not waited: the last error is raised at once (it carries the ``retry_after`` the
service asked for).

The policy is built once per client (``RetryPolicy``) and used by every call of both
forms; each call's own state lives in that call only, so concurrent calls (threads or
tasks) never share it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)
from tenacity.stop import stop_base

from wrappers._core import deadline
from wrappers.errors import ApiError, DeadlineExceededError, UnexpectedResponseError

#: "Try again later" statuses: rate limited, and a gateway or service that is down.
TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})
#: The statuses whose ``Retry-After`` is honoured (RFC 9110 defines it for these).
RETRY_AFTER_STATUSES = frozenset({429, 503})

R = TypeVar("R")

_backoff = wait_exponential(multiplier=0.2, max=2.0)


def is_transient(error: BaseException) -> bool:
    """Whether a failed attempt of a repeatable call may succeed if tried again."""
    if isinstance(error, DeadlineExceededError):
        return False
    if isinstance(error, UnexpectedResponseError):
        return error.incomplete  # a body cut short, not a body that is wrong
    if isinstance(error, ApiError):
        return error.status in TRANSIENT_STATUSES
    return isinstance(error, httpx.TransportError)


def _wait(state: RetryCallState) -> float:
    assert state.outcome is not None  # tenacity waits only after an attempt
    error = state.outcome.exception()
    if (
        isinstance(error, ApiError)
        and error.status in RETRY_AFTER_STATUSES
        and error.retry_after is not None
    ):
        return error.retry_after
    return _backoff(state)


class stop_when_wait_out_of_bounds(stop_base):
    """Stop when the next wait is longer than ``max_wait`` or than the time left."""

    def __init__(self, max_wait: float) -> None:
        self.max_wait = max_wait

    def __call__(self, retry_state: RetryCallState) -> bool:
        wait = retry_state.upcoming_sleep
        return wait > self.max_wait or wait >= deadline.remaining()


class RetryPolicy:
    """The retries of one client's repeatable calls, built once: tenacity's stop, wait and
    retry strategies (held by an ``AsyncRetrying``), applied to each call by ``run``.

    ``run`` makes tenacity's per-call state only once an attempt has failed. Calling the
    ``AsyncRetrying`` itself for every call cost about 80 µs a call on the bench machine
    (its action lists and coroutine checks), more than the rest of the wrapper's work on
    a call; most calls succeed at the first attempt and now pay for a ``try``.
    """

    def __init__(
        self, attempts: int, max_wait: float, sleep: Callable[[float], Awaitable[None]]
    ) -> None:
        if attempts < 1:
            raise ValueError(f"attempts must be at least 1, not {attempts}")
        if max_wait < 0:
            raise ValueError(f"max_wait must not be negative, not {max_wait}")
        self._stop = stop_after_attempt(attempts) | stop_when_wait_out_of_bounds(max_wait)
        self._retry = retry_if_exception(is_transient)
        self._sleep = sleep
        self.tenacity = AsyncRetrying(
            sleep=sleep, stop=self._stop, wait=_wait, retry=self._retry, reraise=True
        )

    async def run(self, attempt: Callable[[], Awaitable[R]]) -> R:
        """``attempt()``, tried again while the policy allows; the last error is raised."""
        state: RetryCallState | None = None
        while True:
            try:
                return await attempt()
            except Exception as error:  # not BaseException: a cancellation is not retried
                if state is None:
                    state = RetryCallState(self.tenacity, None, (), {})
                state.set_exception((type(error), error, error.__traceback__))
                if not self._retry(state):
                    raise
                state.upcoming_sleep = _wait(state)
                if self._stop(state):
                    raise
            await self._sleep(state.upcoming_sleep)
            state.prepare_for_next_attempt()
