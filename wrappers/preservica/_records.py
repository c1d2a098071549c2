"""What ``monitors()``, ``messages()`` and ``timeseries()`` hand out: plain dicts keyed as on
the wire (as pyPreservica hands them out), typed here for readers and type checkers.

Which fields may be missing or null follows the public evidence: The National Archives'
Preservica client reads a monitor's ``started``, ``completed``, ``progressText`` and
``percentComplete`` as optional (a monitor that has not started has none of the first
three), and a message's ``securityDescriptor``, ``entityTitle``, ``entityRef`` and
``sourceId``.
"""

from __future__ import annotations

from typing import TypedDict

# Each record is a required part and a ``total=False`` part (the optional fields).


class _MonitorFields(TypedDict):
    MonitorId: str  # the wire's ``mappedId``, renamed as pyPreservica renames it
    name: str
    status: str
    completed: str | None
    category: str
    subcategory: str
    filesPending: int
    size: int
    filesProcessed: int
    warnings: int
    errors: int
    canRetry: bool


class Monitor(_MonitorFields, total=False):
    """A process monitor; the three optional fields may be absent or None (not started)."""

    started: str | None
    progressText: str | None
    percentComplete: str | None


class _MessageFields(TypedDict):
    MessageId: str  # the wire's ``mappedId``
    MonitorId: str  # the wire's ``mappedMonitorId``
    monitorName: str
    workflowInstanceId: int
    workflowName: str
    path: str
    date: str
    status: str  # a ``MessageStatus`` value: Info, Warning, Error or Debug
    message: str
    displayMessage: str


class Message(_MessageFields, total=False):
    """A process message; the optional fields are sent only when they have a value."""

    securityDescriptor: str
    entityTitle: str
    entityRef: str
    sourceId: str


class TimeseriesPoint(TypedDict):
    """One progress sample of a monitor (the mock's shape: the real one is not public)."""

    timestamp: str
    status: str
    percentComplete: str
    filesProcessed: int
    filesPending: int
    size: int
    warnings: int
    errors: int
