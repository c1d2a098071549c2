"""Everything one mock server instance holds: the clock and a backend per API."""

from __future__ import annotations

from typing import Any

from mock_server.aepublish.backend import AepublishBackend
from mock_server.core.clock import MockClock
from mock_server.core.config import MockConfig
from mock_server.core.numbers import refuse_non_finite
from mock_server.monitor_server.backend import MonitorServerBackend
from mock_server.preservica.backend import PreservicaBackend


class MockState:
    """The clock plus one backend per API. Handlers reach state only through this."""

    def __init__(self, config: MockConfig | None = None, clock: MockClock | None = None) -> None:
        self.config = config or MockConfig()
        self.clock = clock or MockClock()
        self.preservica = PreservicaBackend(self.clock)
        self.monitor_server = MonitorServerBackend(self.clock, page_size=self.config.page_size)
        self.aepublish = AepublishBackend(self.clock, max_batch=self.config.max_batch)

    @property
    def backends(self) -> dict[str, Any]:
        return {
            "preservica": self.preservica,
            "monitor_server": self.monitor_server,
            "aepublish": self.aepublish,
        }

    def reset(self) -> None:
        for backend in self.backends.values():
            backend.reset()

    def load_seed(self, document: dict[str, Any]) -> dict[str, dict[str, int]]:
        """Load a seed document (the ``--seed`` / ``POST /_mock/seed`` format).

        Returns how many of each thing every section added, e.g.
        ``{"preservica": {"users": 1, "monitors": 12}, ...}``. A NaN or infinity anywhere
        is refused (``InvalidInput``) before anything is loaded.
        """
        refuse_non_finite(document)
        return {
            name: backend.load_seed(document.get(name) or {})
            for name, backend in self.backends.items()
        }
