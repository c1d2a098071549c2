"""The mock's notion of "now": every backend reads it instead of ``time.time()``."""

from __future__ import annotations

import threading
import time
from typing import Any

from mock_server.core.errors import InvalidInput

#: The times the clock may show: from the epoch to the last second of the year 2999.
#: Backends write times as dates, and a clock beyond what a date can hold turned every
#: later write into a 500; the years stop at 2999 because a seed's timestamps do (a
#: snapshot taken at any time the clock shows loads again). The admin spec's
#: ``ClockChange`` and ``ClockSeed`` state the same range.
EARLIEST = 0
LATEST = 32_503_679_999  # 2999-12-31T23:59:59Z
#: A running clock's lead on real time, as a seed or ``--state`` file may give it: the
#: clock it sets lands within [EARLIEST, LATEST] for as long as the mock can run.
LEAST_OFFSET = -1_000_000_000
MOST_OFFSET = 30_000_000_000


class MockClock:
    """Wall-clock time plus an offset that tests and ``/_mock/clock`` can move.

    A running clock ticks with real time, so a downstream test that waits for a throttle
    period sees it pass; a frozen clock (``frozen=True``) only moves when told to, which is
    what property tests and deterministic scenarios want.

    Every move that would leave [EARLIEST, LATEST] is refused with ``InvalidInput`` and
    changes nothing.
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
        return self.change(advance=seconds)

    def set(self, epoch: float) -> float:
        """Jump to an absolute time; backwards is allowed here (it is an explicit request)."""
        return self.change(now=epoch)

    @property
    def offset(self) -> float:
        """How far a running clock is ahead of real time (seconds)."""
        return self.now() - time.time()

    def set_offset(self, offset: float) -> float:
        """Run ``offset`` seconds ahead of real time (a frozen clock jumps there)."""
        if not (_is_number(offset) and LEAST_OFFSET <= offset <= MOST_OFFSET):
            raise InvalidInput(
                f"offset must be a number of seconds from {LEAST_OFFSET} to {MOST_OFFSET}"
            )
        return self.change(now=time.time() + offset)

    def freeze(self, frozen: bool = True) -> float:
        return self.change(frozen=frozen)

    def change(self, *, advance: Any = None, now: Any = None, frozen: Any = None) -> float:
        """Freeze or thaw, and move forward by ``advance`` seconds or jump to ``now``: all
        checked before anything changes, so a refused request leaves the clock as it was
        (``/_mock/clock`` sends them together)."""
        if advance is not None and now is not None:
            raise InvalidInput("either advance or now, not both")
        if frozen is not None and not isinstance(frozen, bool):
            raise InvalidInput("frozen must be true or false")
        if advance is not None and not (_is_number(advance) and advance >= 0):
            raise InvalidInput("advance must be a number of seconds, 0 or more")
        if now is not None and not _is_number(now):
            raise InvalidInput("now must be a number (epoch seconds)")
        with self._lock:
            current = self.now()
            if advance is not None:
                # Compared before adding: an integer beyond a float's range cannot be added.
                if advance > LATEST - current:
                    raise InvalidInput(
                        f"advance: the clock would pass {LATEST} (the year 3000); it is "
                        f"{current:.0f} now, so at most {max(LATEST - current, 0):.0f} s"
                    )
                target = current + advance
            elif now is not None:
                if not EARLIEST <= now <= LATEST:
                    raise InvalidInput(
                        f"now must be epoch seconds from {EARLIEST} to {LATEST} (the year 3000)"
                    )
                target = float(now)
            else:
                target = current
            if frozen if frozen is not None else self._frozen_at is not None:
                self._frozen_at = target
            else:
                self._frozen_at = None
                self._offset = target - time.time()
            return self.now()


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value
