"""State and rules of the Preservica Process Monitor mock: users, access tokens, monitors,
their messages and timeseries.

Pure Python (no HTTP): handlers and the admin API call the public methods, each of which
is atomic under one lock and returns plain dicts keyed by wire names. Timestamps are kept
as epoch seconds of the mock clock and rendered as ISO-8601 with milliseconds and ``Z``.
"""

from __future__ import annotations

import calendar
import itertools
import re
import threading
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from mock_server.clock import MockClock
from mock_server.errors import Conflict, InvalidInput, NotFound, Unauthorized

MONITOR_CATEGORIES = ("Ingest", "Export", "DataManagement", "Automated")
MONITOR_STATUSES = ("Pending", "Running", "Succeeded", "Failed", "Suspended", "Recoverable")
MESSAGE_STATUSES = ("Info", "Warning", "Error")
FINISHED_STATUSES = frozenset({"Succeeded", "Failed"})
RETRYABLE_STATUSES = frozenset({"Failed", "Recoverable"})

SERVER_VERSION = "7.3.0"
DEFAULT_TENANT = "TEST"
DEFAULT_ROLES = ("ROLE_SDB_MANAGER_USER",)
TOKEN_MINUTES = 15  # what the real service answers in validFor

_USER_KEYS = frozenset({"username", "password", "tenant", "roles", "fullName", "email"})
_MONITOR_COUNTERS = ("filesPending", "size", "filesProcessed", "warnings", "errors")
_MONITOR_KEYS = frozenset(
    {
        "mappedId",
        "name",
        "status",
        "category",
        "subcategory",
        "started",
        "completed",
        "progressText",
        "percentComplete",
        "canRetry",
        "messages",
        "timeseries",
        *_MONITOR_COUNTERS,
    }
)
_MESSAGE_TEXT_KEYS = (
    "message",
    "displayMessage",
    "path",
    "workflowName",
    "entityTitle",
    "entityRef",
    "sourceId",
    "securityDescriptor",
)
_MESSAGE_KEYS = frozenset(
    {"mappedId", "mappedMonitorId", "monitorName", "status", "date", "workflowInstanceId"}
    | set(_MESSAGE_TEXT_KEYS)
)
_OPTIONAL_MESSAGE_KEYS = ("securityDescriptor", "entityTitle", "entityRef", "sourceId")
_POINT_COUNTERS = ("filesProcessed", "filesPending", "size", "warnings", "errors")
_POINT_KEYS = frozenset({"timestamp", "status", "percentComplete", *_POINT_COUNTERS})


# --- wire formats -----------------------------------------------------------------------


def iso_timestamp(epoch: float) -> str:
    """Epoch seconds as Preservica writes dates: ``2025-06-15T15:06:40.000Z``."""
    moment = datetime.fromtimestamp(epoch, timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse_timestamp(value: Any, where: str) -> float:
    if isinstance(value, bool):
        raise InvalidInput(f"{where}: expected an ISO-8601 timestamp, got {value!r}")
    if isinstance(value, (int, float)):
        return float(value)
    parts = _TIMESTAMP.fullmatch(value) if isinstance(value, str) else None
    if parts is None:
        raise InvalidInput(f"{where}: expected an ISO-8601 timestamp, got {value!r}")
    year, month, day, hour, minute, second, fraction, zone = parts.groups()
    # timegm normalises what a calendar would not hold (31 April, a leap second 60) into
    # the next day or minute: every string the seed schema's pattern admits is a time.
    moment = calendar.timegm((int(year), int(month), int(day), int(hour), int(minute), int(second)))
    return moment + float(fraction or 0) - _zone_offset(zone)


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


def percent_complete(processed: int, pending: int) -> str:
    total = processed + pending
    return str(processed * 100 // total) if total else ""


def _new_id() -> str:
    return uuid.uuid4().hex


# --- records ------------------------------------------------------------------------------


@dataclass
class _User:
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


@dataclass
class _Session:
    """One login: an access token and the single-use refresh token issued with it."""

    username: str
    tenant: str
    token: str
    refresh_token: str
    expires_at: float


@dataclass
class _Point:
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
class _Monitor:
    mapped_id: str
    name: str
    status: str
    category: str
    subcategory: str
    started: float
    completed: float | None
    progress_text: str
    percent_complete: str
    counters: dict[str, int]
    can_retry: bool
    messages: list[dict[str, Any]] = field(default_factory=list)
    timeseries: list[_Point] = field(default_factory=list)

    def render(self) -> dict[str, Any]:
        return {
            "mappedId": self.mapped_id,
            "name": self.name,
            "status": self.status,
            "started": iso_timestamp(self.started),
            "completed": None if self.completed is None else iso_timestamp(self.completed),
            "category": self.category,
            "subcategory": self.subcategory,
            "progressText": self.progress_text,
            "percentComplete": self.percent_complete,
            **self.counters,
            "canRetry": self.can_retry,
        }

    def snapshot(self, now: float) -> _Point:
        return _Point(now, self.status, self.percent_complete, dict(self.counters))


# --- input checks (every one raises InvalidInput naming where the problem is) --------------


def _mapping(value: Any, where: str, allowed: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidInput(f"{where}: expected an object")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise InvalidInput(f"{where}: unknown field(s) {', '.join(unknown)}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInput(f"{where}: expected a list")
    return value


def _text(data: Mapping[str, Any], key: str, where: str, default: str) -> str:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise InvalidInput(f"{where}.{key}: expected a string")
    return value


def _count(data: Mapping[str, Any], key: str, where: str, default: int) -> int:
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(f"{where}.{key}: expected an integer >= 0, got {value!r}")
    return value


def _choice(value: Any, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise InvalidInput(f"{where}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _choices(values: Iterable[str] | None, allowed: tuple[str, ...], what: str) -> set[str]:
    return {_choice(v, allowed, what) for v in values or ()}


def _percent(data: Mapping[str, Any], where: str, default: str) -> str:
    value = data.get("percentComplete")
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidInput(f"{where}.percentComplete: expected 0..100 or empty")
    text = str(value).strip()
    if text and not (text.isdigit() and 0 <= int(text) <= 100):
        raise InvalidInput(f"{where}.percentComplete: expected 0..100 or empty, got {value!r}")
    return str(int(text)) if text else ""


def _mapped_id(data: Mapping[str, Any], where: str) -> str:
    value = data.get("mappedId")
    if value is None:
        return _new_id()
    if not (isinstance(value, str) and len(value) == 32 and _is_lower_hex(value)):
        raise InvalidInput(f"{where}.mappedId: expected 32 lowercase hex digits, got {value!r}")
    return value


def _is_lower_hex(value: str) -> bool:
    return all(c in "0123456789abcdef" for c in value)


# --- the backend --------------------------------------------------------------------------


class PreservicaBackend:
    """Users, access tokens and process monitors of one mock Preservica server."""

    def __init__(self, clock: MockClock, *, token_minutes: int = TOKEN_MINUTES) -> None:
        self.clock = clock
        self.token_minutes = token_minutes
        self.version = SERVER_VERSION
        self._lock = threading.Lock()
        self._reset()

    def _reset(self) -> None:
        self._users: dict[tuple[str, str], _User] = {}
        self._sessions: dict[str, _Session] = {}  # by access token
        self._refreshable: dict[str, _Session] = {}  # by refresh token, until used
        self._monitors: dict[str, _Monitor] = {}  # insertion order is listing order
        self._workflow_ids = itertools.count(1000)

    def reset(self) -> None:
        with self._lock:
            self._reset()

    # --- seed data and the admin API ------------------------------------------------------

    def load_seed(self, section: Mapping[str, Any]) -> dict[str, int]:
        """Add the ``preservica:`` part of a seed document.

        Everything is checked before anything is stored, so a refused section leaves the
        state as it was. Users are keyed by (tenant, username) and replace an existing one;
        a monitor id that already exists is a Conflict.
        """
        section = _mapping(section or {}, "preservica", frozenset({"users", "monitors"}))
        with self._lock:
            now = self.clock.now()
            users = [
                self._build_user(u, f"preservica.users[{i}]")
                for i, u in enumerate(_list(section.get("users"), "preservica.users"))
            ]
            _refuse_duplicates([(u.tenant, u.username) for u in users], "users", "user")
            monitors = [
                self._build_monitor(m, f"preservica.monitors[{i}]", now)
                for i, m in enumerate(_list(section.get("monitors"), "preservica.monitors"))
            ]
            _refuse_duplicates([m.mapped_id for m in monitors], "monitors", "mappedId")
            for monitor in monitors:
                self._refuse_existing(monitor.mapped_id)
            for user in users:
                self._users[(user.tenant, user.username)] = user
            for monitor in monitors:
                self._monitors[monitor.mapped_id] = monitor
        return {
            "users": len(users),
            "monitors": len(monitors),
            "messages": sum(len(m.messages) for m in monitors),
            "timeseries": sum(len(m.timeseries) for m in monitors),
        }

    def add_monitor(self, monitor: Mapping[str, Any]) -> dict[str, Any]:
        """Add one monitor (the seed format, messages and timeseries included)."""
        with self._lock:
            built = self._build_monitor(monitor, "monitor", self.clock.now())
            self._refuse_existing(built.mapped_id)
            self._monitors[built.mapped_id] = built
            return built.render()

    def advance_monitor(
        self,
        monitor_id: str,
        *,
        files: int = 1,
        status: str | None = None,
        messages: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Process ``files`` more files (never more than are pending), optionally change the
        status and append messages, then record a timeseries point at the clock's now."""
        if isinstance(files, bool) or not isinstance(files, int) or files < 0:
            raise InvalidInput(f"files: expected an integer >= 0, got {files!r}")
        if status is not None:
            _choice(status, MONITOR_STATUSES, "status")
        with self._lock:
            monitor = self._monitor(monitor_id)
            now = self.clock.now()
            new_messages = [
                self._build_message(m, f"messages[{i}]", monitor, now)
                for i, m in enumerate(_list(messages, "messages"))
            ]
            self._process_files(monitor, files)
            if status is not None:
                self._change_status(monitor, status, now)
            for message in new_messages:
                self._count_message(monitor, message)
            monitor.messages.extend(new_messages)
            monitor.timeseries.append(monitor.snapshot(now))
            return monitor.render()

    def list_users(self) -> list[dict[str, Any]]:
        with self._lock:
            return [user.details() for user in self._users.values()]

    def get_monitor(self, monitor_id: str) -> dict[str, Any]:
        with self._lock:
            return self._monitor(monitor_id).render()

    # --- access tokens --------------------------------------------------------------------

    def login(
        self,
        username: str,
        password: str,
        tenant: str | None = None,
        *,
        include_user_details: bool = False,
    ) -> dict[str, Any]:
        with self._lock:
            user = self._find_user(username, password, tenant)
            return self._token_answer(self._open_session(user), user, include_user_details)

    def refresh(self, access_token: str, refresh_token: str) -> dict[str, Any]:
        """A new token pair for a refresh token issued to the access token's user."""
        with self._lock:
            current = self._live_session(access_token)
            issued = self._refreshable.pop(refresh_token, None)
            if (
                issued is None
                or issued.expires_at <= self.clock.now()
                or (issued.tenant, issued.username) != (current.tenant, current.username)
            ):
                raise Unauthorized("refresh token unknown, used or expired")
            user = self._users.get((issued.tenant, issued.username))
            if user is None:
                raise Unauthorized("the user no longer exists")
            return self._token_answer(self._open_session(user), user, False)

    def authenticate(self, access_token: str) -> dict[str, str]:
        """Who a valid access token belongs to; Unauthorized when unknown or expired."""
        with self._lock:
            session = self._live_session(access_token)
            return {"user": session.username, "tenant": session.tenant}

    def user_details(self, username: str, tenant: str) -> dict[str, Any]:
        with self._lock:
            user = self._users.get((tenant, username))
            if user is None:
                raise Unauthorized("the user no longer exists")
            return user.details()

    # --- process monitors -----------------------------------------------------------------

    def list_monitors(
        self,
        *,
        status: Iterable[str] | None = None,
        category: Iterable[str] | None = None,
        subcategory: Iterable[str] | None = None,
        name: Iterable[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Monitors matching every filter given; within a filter, any of its values."""
        statuses = _choices(status, MONITOR_STATUSES, "status")
        categories = _choices(category, MONITOR_CATEGORIES, "category")
        subcategories = set(subcategory or ())
        name_parts = [part.casefold() for part in name or ()]
        with self._lock:
            return [
                m.render()
                for m in self._monitors.values()
                if (not statuses or m.status in statuses)
                and (not categories or m.category in categories)
                and (not subcategories or m.subcategory in subcategories)
                and (not name_parts or any(p in m.name.casefold() for p in name_parts))
            ]

    def list_messages(
        self,
        monitor_ids: Iterable[str],
        *,
        status: Iterable[str] | None = None,
        start: int = 0,
        max_results: int = 25,
    ) -> dict[str, Any]:
        """One page of the messages of the given monitors (unknown ids match nothing).

        Returns ``{"messages": [...], "totalResults": n}``; the caller builds the links.
        """
        if start < 0 or max_results < 1:
            raise InvalidInput("start must be >= 0 and max >= 1")
        statuses = _choices(status, MESSAGE_STATUSES, "status")
        with self._lock:
            wanted = [self._monitors[i] for i in dict.fromkeys(monitor_ids) if i in self._monitors]
            if len(wanted) == 1 and not statuses:
                # One monitor, every status: the page is a slice (no scan of its messages).
                held = wanted[0].messages
                page = held[start : start + max_results]
                return {"messages": [dict(m) for m in page], "totalResults": len(held)}
            matching = [
                message
                for monitor in wanted
                for message in monitor.messages
                if not statuses or message["status"] in statuses
            ]
            if len(wanted) > 1:
                # Several monitors: oldest first across them, as the spec says (the sort is
                # stable, so each monitor's own order holds among equal dates).
                matching.sort(key=lambda message: message["date"])
            page = matching[start : start + max_results]
            return {"messages": [dict(m) for m in page], "totalResults": len(matching)}

    def get_timeseries(self, monitor_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [point.render() for point in self._monitor(monitor_id).timeseries]

    # --- internals (called with the lock held) --------------------------------------------

    def _monitor(self, monitor_id: str) -> _Monitor:
        monitor = self._monitors.get(monitor_id)
        if monitor is None:
            raise NotFound(f"no monitor {monitor_id}")
        return monitor

    def _refuse_existing(self, monitor_id: str) -> None:
        if monitor_id in self._monitors:
            raise Conflict(f"a monitor {monitor_id} exists already")

    def _find_user(self, username: str, password: str, tenant: str | None) -> _User:
        candidates = [
            u
            for u in self._users.values()
            if u.username == username and (tenant is None or u.tenant == tenant)
        ]
        # Without a tenant the name must be unambiguous, as it is on a real multi-tenant server.
        if len(candidates) != 1 or candidates[0].password != password:
            raise Unauthorized(
                "invalid username, password or tenant", message="invalid.credentials"
            )
        return candidates[0]

    def _open_session(self, user: _User) -> _Session:
        now = self.clock.now()
        self._forget_expired(now)
        session = _Session(
            username=user.username,
            tenant=user.tenant,
            token=str(uuid.uuid4()),
            refresh_token=str(uuid.uuid4()),
            expires_at=now + self.token_minutes * 60,
        )
        self._sessions[session.token] = session
        self._refreshable[session.refresh_token] = session
        return session

    def _forget_expired(self, now: float) -> None:
        # Logging in is the only thing that grows the token tables; pruning there bounds them.
        for table in (self._sessions, self._refreshable):
            for key in [k for k, s in table.items() if s.expires_at <= now]:
                del table[key]

    def _live_session(self, access_token: str) -> _Session:
        session = self._sessions.get(access_token)
        if session is None or session.expires_at <= self.clock.now():
            raise Unauthorized("access token unknown or expired")
        return session

    def _token_answer(self, session: _Session, user: _User, details: bool) -> dict[str, Any]:
        answer: dict[str, Any] = {
            "success": True,
            "token": session.token,
            "refresh-token": session.refresh_token,
            "validFor": self.token_minutes,
            "user": user.username,
            "tenant": user.tenant,
        }
        if details:
            answer.update(fullName=user.full_name, email=user.email, roles=list(user.roles))
        return answer

    def _build_user(self, data: Any, where: str) -> _User:
        data = _mapping(data, where, _USER_KEYS)
        username = _text(data, "username", where, "")
        if not username or "password" not in data:
            raise InvalidInput(f"{where}: username and password are required")
        roles = _list(data.get("roles", list(DEFAULT_ROLES)), f"{where}.roles")
        if not all(isinstance(r, str) and r for r in roles):
            raise InvalidInput(f"{where}.roles: expected a list of role names")
        return _User(
            username=username,
            password=_text(data, "password", where, ""),
            tenant=_text(data, "tenant", where, DEFAULT_TENANT),
            roles=list(roles),
            full_name=_text(data, "fullName", where, username),
            email=_text(data, "email", where, f"{username}@example.com"),
        )

    def _build_monitor(self, data: Any, where: str, now: float) -> _Monitor:
        data = _mapping(data, where, _MONITOR_KEYS)
        status = _choice(data.get("status", "Pending"), MONITOR_STATUSES, f"{where}.status")
        started = _optional_time(data, "started", where, now)
        completed = _optional_time(
            data, "completed", where, now if status in FINISHED_STATUSES else None
        )
        counters = {key: _count(data, key, where, 0) for key in _MONITOR_COUNTERS}
        monitor = _Monitor(
            mapped_id=_mapped_id(data, where),
            name=_text(data, "name", where, f"opex/{uuid.uuid4()}-{uuid.uuid4()}"),
            status=status,
            category=_choice(
                data.get("category", "Ingest"), MONITOR_CATEGORIES, f"{where}.category"
            ),
            subcategory=_text(data, "subcategory", where, "OPEX"),
            started=started if started is not None else now,
            completed=completed,
            progress_text=_text(data, "progressText", where, ""),
            percent_complete=_percent(
                data,
                where,
                percent_complete(counters["filesProcessed"], counters["filesPending"]),
            ),
            counters=counters,
            can_retry=_flag(data, "canRetry", where, status in RETRYABLE_STATUSES),
        )
        messages = [
            self._build_message(m, f"{where}.messages[{i}]", monitor, now)
            for i, m in enumerate(_list(data.get("messages"), f"{where}.messages"))
        ]
        monitor.messages.extend(messages)
        # Counts left out of the seed follow from its messages, so the two agree.
        for key, message_status in (("warnings", "Warning"), ("errors", "Error")):
            if data.get(key) is None:
                counters[key] = sum(m["status"] == message_status for m in messages)
        monitor.timeseries.extend(
            _build_point(p, f"{where}.timeseries[{i}]", monitor, now)
            for i, p in enumerate(_list(data.get("timeseries"), f"{where}.timeseries"))
        )
        return monitor

    def _build_message(
        self, data: Any, where: str, monitor: _Monitor, now: float
    ) -> dict[str, Any]:
        data = _mapping(data, where, _MESSAGE_KEYS)
        status = _choice(data.get("status", "Info"), MESSAGE_STATUSES, f"{where}.status")
        for key, belongs_to in (
            ("mappedMonitorId", monitor.mapped_id),
            ("monitorName", monitor.name),
        ):
            if data.get(key) not in (None, belongs_to):
                raise InvalidInput(f"{where}.{key}: the message belongs to {belongs_to!r}")
        message = {
            "mappedId": _mapped_id(data, where),
            "mappedMonitorId": monitor.mapped_id,
            "monitorName": monitor.name,
            "workflowInstanceId": _count(
                data, "workflowInstanceId", where, next(self._workflow_ids)
            ),
            "workflowName": _text(
                data, "workflowName", where, f"{monitor.subcategory} {monitor.category}"
            ),
            "path": _text(data, "path", where, ""),
            "date": iso_timestamp(_optional_time(data, "date", where, now)),
            "status": status,
            "message": _text(data, "message", where, f"monitor.{status.lower()}"),
            "displayMessage": _text(data, "displayMessage", where, ""),
        }
        for key in _OPTIONAL_MESSAGE_KEYS:
            if data.get(key) is not None:
                message[key] = _text(data, key, where, "")
        return message

    @staticmethod
    def _process_files(monitor: _Monitor, files: int) -> None:
        moved = min(files, monitor.counters["filesPending"])
        monitor.counters["filesPending"] -= moved
        monitor.counters["filesProcessed"] += moved
        recomputed = percent_complete(
            monitor.counters["filesProcessed"], monitor.counters["filesPending"]
        )
        if recomputed:
            monitor.percent_complete = recomputed

    @staticmethod
    def _change_status(monitor: _Monitor, status: str, now: float) -> None:
        if status in FINISHED_STATUSES and monitor.status not in FINISHED_STATUSES:
            monitor.completed = now
        elif status not in FINISHED_STATUSES:
            monitor.completed = None
        monitor.status = status

    @staticmethod
    def _count_message(monitor: _Monitor, message: dict[str, Any]) -> None:
        if message["status"] == "Warning":
            monitor.counters["warnings"] += 1
        elif message["status"] == "Error":
            monitor.counters["errors"] += 1


def _build_point(data: Any, where: str, monitor: _Monitor, now: float) -> _Point:
    data = _mapping(data, where, _POINT_KEYS)
    return _Point(
        timestamp=_optional_time(data, "timestamp", where, now),
        status=_choice(data.get("status", monitor.status), MONITOR_STATUSES, f"{where}.status"),
        percent_complete=_percent(data, where, monitor.percent_complete),
        counters={key: _count(data, key, where, monitor.counters[key]) for key in _POINT_COUNTERS},
    )


def _optional_time(data: Mapping[str, Any], key: str, where: str, default: Any) -> Any:
    value = data.get(key)
    return default if value is None else _parse_timestamp(value, f"{where}.{key}")


def _flag(data: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise InvalidInput(f"{where}.{key}: expected true or false")
    return value


def _refuse_duplicates(keys: list[Any], what: str, key_name: str) -> None:
    seen: set[Any] = set()
    for key in keys:
        if key in seen:
            raise InvalidInput(f"preservica.{what}: {key_name} {key!r} appears twice")
        seen.add(key)
