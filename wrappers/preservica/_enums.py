"""The filter values of the Process Monitor API, named as pyPreservica names them.

The generated client has enums with the same wire values, but it spells one member
``DATAMANAGEMENT`` where pyPreservica has ``DATA_MANAGEMENT``; code written against
pyPreservica must run unchanged, so these are the public ones and calls convert them to the
generated enums by value.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Literal


class _WireEnum(str, Enum):
    """A value as sent on the wire; a ``str``, so it compares equal to its wire text."""

    def __str__(self) -> str:
        return str(self.value)


class MonitorCategory(_WireEnum):
    """The kind of process a monitor follows."""

    INGEST = "Ingest"
    EXPORT = "Export"
    DATA_MANAGEMENT = "DataManagement"
    AUTOMATED = "Automated"


class MonitorStatus(_WireEnum):
    """Where a monitored process is in its life."""

    PENDING = "Pending"
    RUNNING = "Running"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"
    SUSPENDED = "Suspended"
    RECOVERABLE = "Recoverable"


class MessageStatus(_WireEnum):
    """The severity of a process message.

    ``DEBUG`` is not in pyPreservica's enum, but the service sends it: The National
    Archives' Preservica client decodes all four statuses.
    """

    INFO = "Info"
    WARNING = "Warning"
    ERROR = "Error"
    DEBUG = "Debug"


# The wire texts, for type checkers: a filter takes the enum or its text, and nothing that
# is merely a ``str`` (every member of these enums is one), so a ``MessageStatus`` given
# where a ``MonitorStatus`` is expected is refused before the code runs.
MonitorCategoryText = Literal["Ingest", "Export", "DataManagement", "Automated"]
MonitorStatusText = Literal["Pending", "Running", "Succeeded", "Failed", "Suspended", "Recoverable"]
MessageStatusText = Literal["Info", "Warning", "Error", "Debug"]

#: A filter: one value or several (any one of them matches); None or empty: no filter.
MonitorCategoryFilter = (
    MonitorCategory | MonitorCategoryText | Iterable[MonitorCategory | MonitorCategoryText] | None
)
MonitorStatusFilter = (
    MonitorStatus | MonitorStatusText | Iterable[MonitorStatus | MonitorStatusText] | None
)
MessageStatusFilter = (
    MessageStatus | MessageStatusText | Iterable[MessageStatus | MessageStatusText] | None
)
