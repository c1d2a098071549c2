"""What the monitor-server wrapper hands out: sessions with their tags as a mapping; the
generated models of contexts and metrics, which read well as they are."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from monitor_server_client.models import ExecutionContext, ExecutionContextCreate, Metric, Session

__all__ = ["ExecutionContext", "ExecutionContextCreate", "Metric", "MonitorSession"]


@dataclass(frozen=True)
class MonitorSession:
    """A test session (one pytest run) as the server stores it.

    ``tags`` is the session's description, tag name to value (a value that was not a
    string is rendered as JSON text by the server).
    """

    session_h: str
    run_date: str
    scm_ref: str | None
    tags: Mapping[str, str]

    @classmethod
    def from_model(cls, session: Session) -> MonitorSession:
        """Read the generated ``Session`` model, its tag list folded into a mapping."""
        # By ``name``, as the real server and monitor_api spell it (``key`` is the seed's).
        tags = MappingProxyType({tag.name: tag.value for tag in session.tags})
        return cls(session.session_h, session.run_date, session.scm_ref, tags)
