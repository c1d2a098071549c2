"""uvicorn's server, ending the fault latency waits when it is told to stop.

An HTTP fault's or an observation fault's ``latency`` may hold a request for up to a
minute; uvicorn's graceful shutdown waits for every answer in flight, so a SIGTERM would
wait that long too. ``handle_exit`` is the signal handler uvicorn's ``capture_signals``
installs; extended here, it also releases every latency wait, so those requests are
answered at once and the process exits (``COUPLING.md``, uvicorn rows).
"""

from __future__ import annotations

from collections.abc import Callable
from types import FrameType

import uvicorn


class LatencyEndingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, on_exit: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_exit = on_exit

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        self._on_exit()
