"""``publish()``'s retries: which observations go again, when, and how often.

The service answers each observation with an outcome; ``retry`` means "send this one
again, after ``delay``" and is the only outcome defined as safe to send again. So the
observations answered ``retry`` are sent again, and only they: at most ``max_attempts``
requests in all, one wait (the largest ``delay``) between two, and no wait that would end
past the call's deadline. The policy is one ``AsyncRetrying`` per client; each call's own
bookkeeping and bound are its ``Publication``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from aepublish_client.models import Outcome
from tenacity import AsyncRetrying, RetryCallState, retry_if_result

from wrappers._core import deadline
from wrappers.aepublish._answers import ObservationResult

#: Seconds to wait before re-sending a ``retry`` that came without a recommended ``delay``:
#: the service only says it "may contain" one, and re-sending at once would only add load.
DEFAULT_RETRY_DELAY = 1


class Publication:
    """One ``publish()`` call: every observation's latest result, and those awaiting a retry."""

    def __init__(self, observations: Sequence[Mapping[str, Any]], max_attempts: int) -> None:
        if max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, not {max_attempts}")
        self.max_attempts = max_attempts
        self._observations = list(observations)
        self._results: list[ObservationResult | None] = [None] * len(self._observations)
        self._pending = list(range(len(self._observations)))

    def pending_observations(self) -> list[Mapping[str, Any]]:
        """What the next request sends: all at first, then only those answered ``retry``."""
        return [self._observations[index] for index in self._pending]

    def record(self, results: list[ObservationResult]) -> Publication:
        """Store the answer to ``pending_observations()``; the ``retry`` ones stay pending."""
        # strict: an answer of another length would pin outcomes on the wrong observations.
        answered = list(zip(self._pending, results, strict=True))
        for index, result in answered:
            self._results[index] = result
        self._pending = [index for index, result in answered if result.outcome is Outcome.RETRY]
        return self

    def awaits_retry(self) -> bool:
        return bool(self._pending)

    def retry_delay(self) -> float:
        """The largest recommended delay among the pending ones: one wait serves them all."""
        return max((self._delay_of(index) for index in self._pending), default=0)

    def results(self) -> list[ObservationResult]:
        """The latest result of every observation, in input order."""
        return [result for result in self._results if result is not None]

    def _delay_of(self, index: int) -> float:
        result = self._results[index]
        delay = result.delay if result is not None else None
        return DEFAULT_RETRY_DELAY if delay is None else delay


def publication_policy(sleep: Callable[[float], Awaitable[None]]) -> AsyncRetrying:
    """The tenacity policy of ``publish()``; ``sleep`` is the client's side's."""
    return AsyncRetrying(
        sleep=sleep,
        stop=_over,
        # Only results are retried: a refused request (4xx) raises through at once.
        retry=retry_if_result(Publication.awaits_retry),
        wait=_wait_for_retry_delay,
        # Out of attempts, the observations still pending keep their `retry` result, rather
        # than tenacity raising RetryError and losing every other observation's outcome.
        retry_error_callback=_last_publication,
    )


def _over(state: RetryCallState) -> bool:
    publication = _last_publication(state)
    return (
        state.attempt_number >= publication.max_attempts
        or state.upcoming_sleep >= deadline.remaining()
    )


def _wait_for_retry_delay(state: RetryCallState) -> float:
    return _last_publication(state).retry_delay()


def _last_publication(state: RetryCallState) -> Publication:
    assert state.outcome is not None  # tenacity asks only after an attempt
    publication: Publication = state.outcome.result()
    return publication
