"""The mock's notion of "now": every backend reads it instead of ``time.time()``."""

from __future__ import annotations

import threading
import time


class MockClock:
    """Wall-clock time plus an offset that tests and ``/_mock/clock`` can move.

    A running clock ticks with real time, so a downstream test that waits for a throttle
    period sees it pass; a frozen clock (``frozen=True``) only moves when told to, which is
    what property tests and deterministic scenarios want.
    """

    def __init__(self, start: float | None = None, *, frozen: bool = False) -> None:
        self._lock = threading.Lock()
        self._frozen_at: float | None = None
        self._offset = 0.0 if start is None else start - time.time()
        if frozen:
            self._frozen_at = time.time() if start is None else start

    def now(self) -> float:
        if self._frozen_at is not None:
            return self._frozen_at
        return time.time() + self._offset

    @property
    def frozen(self) -> bool:
        return self._frozen_at is not None

    def advance(self, seconds: float) -> float:
        """Move the clock forward (never backward: expiry and windows only grow older)."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            if self._frozen_at is not None:
                self._frozen_at += seconds
            else:
                self._offset += seconds
            return self.now()

    def set(self, epoch: float) -> float:
        """Jump to an absolute time; backwards is allowed here (it is an explicit request)."""
        with self._lock:
            if self._frozen_at is not None:
                self._frozen_at = epoch
            else:
                self._offset = epoch - time.time()
            return self.now()

    @property
    def offset(self) -> float:
        """How far a running clock is ahead of real time (seconds)."""
        return self.now() - time.time()

    def set_offset(self, offset: float) -> float:
        """Run ``offset`` seconds ahead of real time (a frozen clock jumps there)."""
        return self.set(time.time() + offset)

    def freeze(self, frozen: bool = True) -> float:
        with self._lock:
            now = self.now()
            if frozen:
                self._frozen_at = now
            else:
                self._frozen_at = None
                self._offset = now - time.time()
            return now
