"""The monitor-server API (pytest-monitor's central store), over its generated client.

``MonitorServerClient`` and ``AsyncMonitorServerClient`` have the same surface: generators
that follow the server's pages, counts, and the three writes pytest-monitor makes
(execution context, session, metric). Sessions read as ``MonitorSession`` (tags as a
mapping); contexts and metrics are the generated models, re-exported here.
"""

from wrappers.monitor_server._clients import AsyncMonitorServerClient, MonitorServerClient
from wrappers.monitor_server._models import (
    ExecutionContext,
    ExecutionContextCreate,
    Metric,
    MonitorSession,
)

__all__ = [
    "AsyncMonitorServerClient",
    "ExecutionContext",
    "ExecutionContextCreate",
    "Metric",
    "MonitorServerClient",
    "MonitorSession",
]
