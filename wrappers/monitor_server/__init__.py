"""The monitor-server API (pytest-monitor's central store), over its generated client.

``MonitorServerClient`` and ``AsyncMonitorServerClient`` have the same methods, written
once (``_api``): a generator for every listing, following the server's pages; a method for
every count; the head and tail of each resource; and the three writes pytest-monitor makes
(execution context, session, metric). Sessions read as ``MonitorSession`` (tags as a
mapping); contexts and metrics are the generated models, re-exported here with the
``Resource`` enum.
"""

from wrappers.monitor_server._api import AsyncMonitorServerClient, MonitorServerClient
from wrappers.monitor_server._calls import ResourceScope
from wrappers.monitor_server._models import (
    ExecutionContext,
    ExecutionContextCreate,
    Metric,
    MonitorSession,
    Resource,
)

__all__ = [
    "AsyncMonitorServerClient",
    "ExecutionContext",
    "ExecutionContextCreate",
    "Metric",
    "MonitorServerClient",
    "MonitorSession",
    "Resource",
    "ResourceScope",
]
