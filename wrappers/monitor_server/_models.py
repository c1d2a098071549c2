"""What the monitor-server wrapper hands out: sessions with their tags as a mapping; the
generated models of contexts and metrics, which read well as they are."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from monitor_server_client.models import (
    ExecutionContext,
    ExecutionContextCreate,
    Metric,
    Resource,
    Session,
)

__all__ = [
    "ExecutionContext",
    "ExecutionContextCreate",
    "Metric",
    "MonitorSession",
    "Resource",
]


@dataclass(frozen=True)
class MonitorSession:
    """A test session (one pytest run) as the server stores it.

    ``tags`` is the session's description, tag name to value: the value as Python's
    ``str()`` writes what was sent (``True``, ``{'x': 1}``), or None where null was sent.
    ``scm_ref`` is None for a session stored without one.
    """

    session_h: str
    run_date: str
    scm_ref: str | None
    tags: Mapping[str, str | None]

    @classmethod
    def from_model(cls, session: Session) -> MonitorSession:
        """Read the generated ``Session`` model, its tag list folded into a mapping."""
        tags = MappingProxyType({tag.name: tag.value for tag in session.tags})
        return cls(session.session_h, session.run_date, session.scm_ref, tags)
