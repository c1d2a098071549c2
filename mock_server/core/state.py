"""Everything one mock server instance holds: the clock, a backend per API, the HTTP fault
rules and the request journal."""

from __future__ import annotations

import pickle
from typing import Any

from mock_server.aepublish.backend import AepublishBackend
from mock_server.core.clock import EARLIEST, LATEST, LEAST_OFFSET, MOST_OFFSET, MockClock
from mock_server.core.config import MockConfig
from mock_server.core.errors import InvalidInput, NotFound
from mock_server.core.faults import FaultRules
from mock_server.core.journal import Journal
from mock_server.core.memory import settle
from mock_server.core.numbers import refuse_non_finite
from mock_server.core.specs import operation_ids
from mock_server.monitor_server.backend import MonitorServerBackend
from mock_server.preservica.backend import PreservicaBackend

#: What a seed may set the clock to: the clock's own bounds (times the backends can write
#: as dates, before the year 3000), as the admin spec's ``ClockSeed`` says.
_CLOCK_RANGES = {"now": (EARLIEST, LATEST), "offset": (LEAST_OFFSET, MOST_OFFSET)}


class MockState:
    """The clock plus one backend per API. Handlers reach state only through this."""

    def __init__(self, config: MockConfig | None = None, clock: MockClock | None = None) -> None:
        self.config = config or MockConfig()
        self.clock = clock or MockClock()
        self.preservica = PreservicaBackend(self.clock)
        self.monitor_server = MonitorServerBackend(self.clock, page_size=self.config.page_size)
        self.aepublish = AepublishBackend(self.clock, max_batch=self.config.max_batch)
        served = [api for api in self.config.apis if api != "admin"]
        self.faults = FaultRules({api: operation_ids(api) for api in served})
        #: The app sets the journal's resolver (path -> API and operation) when it is built.
        self.journal = Journal(self.config.journal_size)
        #: Seed documents kept by name (``PUT /_mock/seeds/{name}``, pickled) for
        #: ``POST /_mock/reset?seed=name``; not state: reset and snapshots leave them.
        self.kept_seeds: dict[str, bytes] = {}

    @property
    def backends(self) -> dict[str, Any]:
        return {
            "preservica": self.preservica,
            "monitor_server": self.monitor_server,
            "aepublish": self.aepublish,
        }

    def reset(self) -> None:
        """Forget every record and HTTP fault rule (the clock and the journal stay)."""
        for backend in self.backends.values():
            backend.reset()
        self.faults.clear()

    def keep_seed(self, name: str, document: dict[str, Any]) -> None:
        """Keep ``document`` as ``name`` for ``reset_to(name)``. It is loaded into a scratch
        state first, so what the backends refuse is refused now, not by every reset that
        loads it. Kept pickled: plain data of the mock's own (never bytes from outside),
        copied back in ~0.1 ms, with any integer JSON allows (orjson stops at 64 bits)."""
        kept = pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)
        MockState(MockConfig(apis=("admin",), empty=True)).load_seed(pickle.loads(kept))
        self.kept_seeds[name] = kept

    def reset_to(self, name: str) -> None:
        """``reset()``, then load the seed document kept as ``name``."""
        kept = self.kept_seeds.get(name)
        if kept is None:
            raise NotFound(f"no seed document kept as {name!r}")
        self.reset()
        # A copy each time: the backends may keep parts of what they are given.
        self.load_seed(pickle.loads(kept))

    def load_seed(self, document: dict[str, Any]) -> dict[str, dict[str, int]]:
        """Load a seed document (the ``--seed`` / ``POST /_mock/seed`` format).

        Returns how many of each thing every section added, e.g.
        ``{"preservica": {"users": 1, "monitors": 12}, ...}``. A NaN or infinity anywhere
        is refused (``InvalidInput``) before anything is loaded.
        """
        refuse_non_finite(document)
        counts: dict[str, dict[str, int]] = {}
        clock = document.get("clock")
        was = (self.clock.frozen, self.clock.now())
        if clock is not None:
            # First: the records' defaults (start times, run dates) are read from it.
            counts["clock"] = {"set": self._load_clock(clock)}
        try:
            for name, backend in self.backends.items():
                counts[name] = backend.load_seed(document.get(name) or {})
        except Exception:
            if clock is not None:  # a refused document leaves the clock where it was
                self.clock.freeze(was[0])
                self.clock.set(was[1])
            raise
        # A large load: its records out of the garbage collector's full passes.
        settle(sum(sum(section.values()) for section in counts.values()))
        return counts

    def export_seed(self) -> dict[str, Any]:
        """The whole state as a seed document (``GET /_mock/snapshot``): loading it into an
        empty mock gives one that answers every read the same and judges the next
        observations the same. Access tokens, fault rules and the journal are not in it."""
        clock: dict[str, Any] = {"now": self.clock.now(), "frozen": self.clock.frozen}
        if not self.clock.frozen:
            clock["offset"] = self.clock.offset
        return {
            "clock": clock,
            "preservica": self.preservica.export_seed(),
            "monitor_server": self.monitor_server.export_seed(),
            "aepublish": self.aepublish.export_seed(),
        }

    def _load_clock(self, section: Any) -> int:
        if not isinstance(section, dict) or set(section) - {"now", "offset", "frozen"}:
            raise InvalidInput("clock: an object of now, offset and frozen")
        for key, (low, high) in _CLOCK_RANGES.items():
            value = section.get(key)
            if value is not None and not (_is_number(value) and low <= value <= high):
                raise InvalidInput(f"clock.{key} must be a number of seconds from {low} to {high}")
        frozen = section.get("frozen")
        if frozen is not None and not isinstance(frozen, bool):
            raise InvalidInput("clock.frozen must be true or false")
        if frozen is not None:
            self.clock.freeze(frozen)
        if section.get("offset") is not None and not self.clock.frozen:
            self.clock.set_offset(section["offset"])
        elif section.get("now") is not None:
            self.clock.set(section["now"])
        return 1


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
