"""Thin, typed wrappers over the generated clients of the three APIs.

Each API has a sync and an async client with the same methods, written once; listings are
generators that follow the pages; error statuses, and answers the spec does not describe,
raise the typed errors below; ``timeout`` is a deadline for the whole call.
"""

# httpx imports its transport (httpcore, h11, anyio: ~50 ms on the bench machine) only when
# the first client is built, so a program paid for it on its first call. Imported with the
# wrappers, it is paid at import time, as pyPreservica's requests/urllib3 are.
import httpcore  # noqa: F401

from wrappers._core.client import ClientSettings
from wrappers.aepublish import AepublishClient, AsyncAepublishClient, ObservationResult, Outcome
from wrappers.errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DeadlineExceededError,
    LoginRefusedError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    ServerError,
    TooManyRequestsError,
    UnexpectedResponseError,
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
    "ClientSettings",
    "ConflictError",
    "DeadlineExceededError",
    "LoginRefusedError",
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
    "TooManyRequestsError",
    "UnexpectedResponseError",
]
