"""The total deadline of one call: every attempt, wait and read of it must end by then.

A per-operation timeout (httpx's) bounds each connect, write or read on its own, so a
server that drips a byte a second holds a call for ever, and retries multiply the time.
Here one ``Deadline`` is set for the whole call (``current()``, a context variable, so
concurrent calls on other threads or tasks have their own); each request gets the time
left as its timeouts, retries stop when their wait would pass it, and the sides stop what
is still running when it passes (``sides``, ``network``).
"""

from __future__ import annotations

import math
import time
from contextvars import ContextVar, Token
from dataclasses import dataclass

from wrappers.errors import DeadlineExceededError


@dataclass(frozen=True, slots=True)
class Deadline:
    """A point on the monotonic clock; ``seconds`` is the whole budget, for messages."""

    at: float
    seconds: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """``seconds`` from now, but never later than the deadline already running."""
        deadline = cls(time.monotonic() + seconds, seconds)
        outer = _CURRENT.get()
        return outer if outer is not None and outer.at <= deadline.at else deadline

    def remaining(self) -> float:
        """Seconds left; 0 once passed."""
        return max(0.0, self.at - time.monotonic())

    def passed(self) -> bool:
        return time.monotonic() >= self.at

    def exceeded(self) -> DeadlineExceededError:
        return DeadlineExceededError(self.seconds)


_CURRENT: ContextVar[Deadline | None] = ContextVar("wrappers_deadline", default=None)


def current() -> Deadline | None:
    """The deadline of the call running in this context, if any."""
    return _CURRENT.get()


def remaining() -> float:
    """Seconds left to the current call (infinite outside a call)."""
    deadline = _CURRENT.get()
    return math.inf if deadline is None else deadline.remaining()


def enter(deadline: Deadline) -> Token[Deadline | None]:
    """Make ``deadline`` current; pass what it returns to ``leave``."""
    return _CURRENT.set(deadline)


def leave(token: Token[Deadline | None]) -> None:
    _CURRENT.reset(token)
