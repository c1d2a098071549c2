"""Settings and helpers shared by the state machines of this package."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import Phase, settings
from hypothesis.stateful import RuleBasedStateMachine, run_state_machine_as_test


def machine_settings(scale: int = 1) -> settings:
    """The loaded profile's settings, ``scale`` times its examples, and a step count that
    grows with it: the "fast" profile (25 examples) runs programs of up to 25 steps,
    "deep" (500) of up to 50."""
    base = settings.default
    return settings(
        base,
        max_examples=base.max_examples * scale,
        stateful_step_count=min(50, max(20, base.max_examples)),
    )


def assert_machine_fails(machine: type[RuleBasedStateMachine], max_examples: int = 200) -> str:
    """Run ``machine`` (wired to a deliberately broken backend) and return the message of
    the discrepancy it must find. Derandomized, so the proof does not depend on luck;
    not shrunk and not stored, because only *that* it fails matters here."""
    with pytest.raises(AssertionError) as failure:
        run_state_machine_as_test(
            machine,
            settings=settings(
                settings.default,
                max_examples=max_examples,
                stateful_step_count=40,
                derandomize=True,
                database=None,
                phases=[Phase.generate],
                print_blob=False,
            ),
        )
    return str(failure.value)


@contextmanager
def refused(error: type[Exception]) -> Iterator[None]:
    """Like ``pytest.raises``, but failing with an AssertionError, which hypothesis shrinks
    and reports like any other discrepancy (pytest's "DID NOT RAISE" is not an Exception)."""
    try:
        yield
    except error:
        return
    raise AssertionError(f"expected {error.__name__}")
