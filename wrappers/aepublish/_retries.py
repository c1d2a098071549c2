"""``publish()``'s retries: which observations go again, when, and how often.

The bookkeeping (``Publication``) and the tenacity settings are shared; each client runs
them with ``Retrying`` or ``AsyncRetrying``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from aepublish_client.models import Outcome
from tenacity import RetryCallState, retry_if_result, stop_after_attempt

from wrappers.aepublish._answers import ObservationResult

#: Seconds to wait before re-sending a ``retry`` that came without a recommended ``delay``:
#: the service only says it "may contain" one, and re-sending at once would only add load.
DEFAULT_RETRY_DELAY = 1


class Publication:
    """One ``publish()`` call: every observation's latest result, and those awaiting a retry."""

    def __init__(self, observations: Sequence[Mapping[str, Any]]) -> None:
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


def retry_policy(max_attempts: int) -> dict[str, Any]:
    """Tenacity settings for ``publish()``, the same for ``Retrying`` and ``AsyncRetrying``."""
    if max_attempts < 1:
        raise ValueError(f"max_attempts must be at least 1, not {max_attempts}")
    return {
        "stop": stop_after_attempt(max_attempts),
        # Only results are retried: a refused request (4xx) raises through at once.
        "retry": retry_if_result(Publication.awaits_retry),
        "wait": _wait_for_retry_delay,
        # Out of attempts, the observations still pending keep their `retry` result, rather
        # than tenacity raising RetryError and losing every other observation's outcome.
        "retry_error_callback": _last_publication,
    }


def _wait_for_retry_delay(state: RetryCallState) -> float:
    return _last_publication(state).retry_delay()


def _last_publication(state: RetryCallState) -> Publication:
    assert state.outcome is not None  # tenacity asks only after an attempt
    publication: Publication = state.outcome.result()
    return publication
