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
    ScmSession,
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
    ``scm_ref`` is None for a session stored without one. A listing by SCM reference gives
    no tags (the server sends ``null`` there): ``tags`` is None.
    """

    session_h: str
    run_date: str
    scm_ref: str | None
    tags: Mapping[str, str | None] | None

    @classmethod
    def from_model(cls, session: Session | ScmSession) -> MonitorSession:
        """Read a generated ``Session`` (or ``ScmSession``) model, its tag list folded into
        a mapping."""
        listed = session.tags
        tags = None if listed is None else MappingProxyType({t.name: t.value for t in listed})
        return cls(session.session_h, session.run_date, session.scm_ref, tags)
