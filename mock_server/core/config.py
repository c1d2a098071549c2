"""Settings of one mock server instance (what the CLI flags set)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Order matters: connexion mounts every API at the same base path and tries them in order.
ALL_APIS: tuple[str, ...] = ("admin", "preservica", "monitor_server", "aepublish")
#: APIs whose real service answers requests off its contract: the mock answers them too,
#: noting what is off (unless ``strict``).
LENIENT_APIS = frozenset({"monitor_server"})


@dataclass(frozen=True)
class MockConfig:
    apis: tuple[str, ...] = ALL_APIS
    #: monitor-server page size (the real server's default is 500).
    page_size: int = 500
    #: aepublish: the most observations one request may carry (413 beyond).
    max_batch: int = 1000
    #: Validate every response against the spec (on in the test suite, off when serving).
    validate_responses: bool = False
    #: Serve through the mock's connexion apps and their fast lane; off: connexion as it comes
    #: (``mock_server._connexion.apps.stock_app``), behind the same limits, journal and faults.
    fast_lane: bool = True
    #: Seed document to load at start; ``None`` loads the demo data set unless ``empty``.
    seed: Path | None = None
    empty: bool = False
    #: Refuse every request that breaks its API's contract with a 400 problem listing all
    #: its violations, also where the real service answers it anyway (monitor-server).
    strict: bool = False
    #: How many requests the journal keeps (the oldest dropped); 0 keeps none.
    journal_size: int = 10_000
    #: Load this seed document at start when it exists (instead of ``seed`` or the demo
    #: data); the CLI writes the state there on a clean shutdown.
    state_file: Path | None = None
    #: The largest request body taken, in bytes (413 beyond, before it is read).
    max_body: int = 16 * 1024 * 1024

    def __post_init__(self) -> None:
        unknown = set(self.apis) - set(ALL_APIS)
        if unknown:
            raise ValueError(f"unknown API(s): {', '.join(sorted(unknown))}")
        if self.page_size < 1 or self.max_batch < 1:
            raise ValueError("page_size and max_batch must be positive")
        if self.journal_size < 0:
            raise ValueError("journal_size cannot be negative")
        if self.max_body < 0:
            raise ValueError("max_body cannot be negative")
