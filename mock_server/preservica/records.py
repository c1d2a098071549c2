"""The Preservica mock's records and wire formats: how users, logins, monitors and their
progress points are held, and how times and progress are written on the wire."""

from __future__ import annotations

import calendar
import re
import uuid
from array import array
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Final

from mock_server.core.errors import InvalidInput, quoted

MONITOR_CATEGORIES = ("Ingest", "Export", "DataManagement", "Automated")
MONITOR_STATUSES = ("Pending", "Running", "Succeeded", "Failed", "Suspended", "Recoverable")
# Debug is the fourth status The National Archives' Preservica client decodes.
MESSAGE_STATUSES = ("Info", "Warning", "Error", "Debug")


# --- wire formats -----------------------------------------------------------------------


def iso_timestamp(epoch: float) -> str:
    """Epoch seconds as Preservica writes dates: ``2025-06-15T15:06:40.000Z``."""
    moment = datetime.fromtimestamp(epoch, timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_timestamp(value: Any, where: str) -> float:
    if isinstance(value, bool):
        raise InvalidInput(f"{where}: expected an ISO-8601 timestamp, got {quoted(value)}")
    if isinstance(value, (int, float)):
        moment = float(value)  # epoch seconds, a direct caller's form
    else:
        parts = _TIMESTAMP.fullmatch(value) if isinstance(value, str) else None
        if parts is None:
            raise InvalidInput(f"{where}: expected an ISO-8601 timestamp, got {quoted(value)}")
        year, month, day, hour, minute, second, fraction, zone = parts.groups()
        # timegm normalises what a calendar would not hold (31 April, a leap second 60) into
        # the next day or minute: every string the seed schema's pattern admits is a time.
        moment = calendar.timegm(
            (int(year), int(month), int(day), int(hour), int(minute), int(second))
        )
        moment += float(fraction or 0) - _zone_offset(zone)
    # Held times are written back in UTC: one outside the years 1900-2999 there (a zone
    # offset can move 1900-01-01 into 1899) would make a snapshot the seed schema refuses.
    if not FIRST_TIME <= moment < END_TIME:
        raise InvalidInput(f"{where}: a time in the years 1900 to 2999 (UTC), got {quoted(value)}")
    return moment


def _zone_offset(zone: str | None) -> int:
    """Seconds east of UTC; no zone is read as UTC, like the timestamps the service writes."""
    if zone is None or zone in "Zz":
        return 0
    sign = -1 if zone[0] == "-" else 1
    return sign * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)


# The `timestamp` pattern of specs/mock_admin.yaml, in groups: the seed schema and this
# backend refuse exactly the same strings. Years 1900-2999 keep every zone offset and leap
# second inside what datetime can render back.
_TIMESTAMP = re.compile(
    r"((?:19|2\d)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):([0-5]\d)"
    r":([0-5]\d|60)(\.\d+)?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)?"
)
#: The times a held timestamp may be: the years 1900 to 2999, in UTC (the mock clock's
#: range, 1970 to 2999, is within).
FIRST_TIME = calendar.timegm((1900, 1, 1, 0, 0, 0))
END_TIME = calendar.timegm((3000, 1, 1, 0, 0, 0))


def percent_complete(processed: int, pending: int) -> str:
    total = processed + pending
    return str(processed * 100 // total) if total else ""


def new_id() -> str:
    return uuid.uuid4().hex


# --- records ------------------------------------------------------------------------------


@dataclass
class User:
    username: str
    password: str
    tenant: str
    roles: list[str]
    full_name: str
    email: str

    def details(self) -> dict[str, Any]:
        return {
            "user": self.username,
            "fullName": self.full_name,
            "email": self.email,
            "tenant": self.tenant,
            "roles": list(self.roles),
        }


#: One login: an access token and the single-use refresh token issued with it, as
#: (username, tenant, token, refresh_token, expires_at). A plain tuple of text and a
#: number, read by the indexes below: the garbage collector stops tracking such a tuple
#: (not a NamedTuple), so a million live logins cost its passes nothing.
Session = tuple[str, str, str, str, float]
# Final, so a type checker reads each as its literal and knows which field it picks.
USERNAME: Final = 0
TENANT: Final = 1
TOKEN: Final = 2
REFRESH_TOKEN: Final = 3
EXPIRES_AT: Final = 4


@dataclass
class Point:
    timestamp: float
    status: str
    percent_complete: str
    counters: dict[str, int]

    def render(self) -> dict[str, Any]:
        return {
            "timestamp": iso_timestamp(self.timestamp),
            "status": self.status,
            "percentComplete": self.percent_complete,
            **self.counters,
        }


@dataclass
class Monitor:
    mapped_id: str
    name: str
    status: str
    category: str
    subcategory: str
    #: None until the monitor starts (a Pending one has not): rendered null, as are the
    #: progress text and percentage a seed gives as null.
    started: float | None
    completed: float | None
    progress_text: str | None
    percent_complete: str | None
    counters: dict[str, int]
    can_retry: bool
    #: In the order they were added; a listing of several statuses keeps that order.
    messages: list[dict[str, Any]] = field(default_factory=list)
    #: Message status -> the positions in ``messages`` of the messages of that status, in
    #: order: a page of one status is a slice of this, not a scan of every message.
    positions: dict[str, array[int]] = field(default_factory=dict)
    timeseries: list[Point] = field(default_factory=list)

    def add_messages(self, messages: list[dict[str, Any]]) -> None:
        first = len(self.messages)
        self.messages.extend(messages)
        positions = self.positions
        for offset, message in enumerate(messages):
            held = positions.get(message["status"])
            if held is None:
                positions[message["status"]] = held = array("q")
            held.append(first + offset)

    def render(self) -> dict[str, Any]:
        return {
            "mappedId": self.mapped_id,
            "name": self.name,
            "status": self.status,
            "started": None if self.started is None else iso_timestamp(self.started),
            "completed": None if self.completed is None else iso_timestamp(self.completed),
            "category": self.category,
            "subcategory": self.subcategory,
            "progressText": self.progress_text,
            "percentComplete": self.percent_complete,
            **self.counters,
            "canRetry": self.can_retry,
        }

    def snapshot(self, now: float) -> Point:
        # A timeseries point always has a percentage (its shape is ours): empty when unknown.
        return Point(now, self.status, self.percent_complete or "", dict(self.counters))
