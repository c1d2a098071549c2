"""Thin, typed wrappers over the generated clients of the three APIs.

Each API has a sync and an async client with the same surface; listings are generators
that follow the pages; error statuses raise the typed errors below.
"""

from wrappers.aepublish import AepublishClient, AsyncAepublishClient, ObservationResult, Outcome
from wrappers.errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    ServerError,
)
from wrappers.monitor_server import (
    AsyncMonitorServerClient,
    MonitorServerClient,
    MonitorSession,
)
from wrappers.preservica import (
    AsyncMonitorAPI,
    MessageStatus,
    MonitorAPI,
    MonitorCategory,
    MonitorStatus,
)

__all__ = [
    "AepublishClient",
    "ApiError",
    "AsyncAepublishClient",
    "AsyncMonitorAPI",
    "AsyncMonitorServerClient",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "MessageStatus",
    "MonitorAPI",
    "MonitorCategory",
    "MonitorServerClient",
    "MonitorSession",
    "MonitorStatus",
    "NotFoundError",
    "ObservationResult",
    "Outcome",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "ServerError",
]
