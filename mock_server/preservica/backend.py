"""State and rules of the Preservica Process Monitor mock: users, access tokens, monitors,
their messages and timeseries.

Pure Python (no HTTP): handlers and the admin API call the public methods, each of which
is atomic under one lock and returns plain dicts keyed by wire names. Timestamps are kept
as epoch seconds of the mock clock and rendered as ISO-8601 with milliseconds and ``Z``.
The records and wire formats are in ``records``, the checks of incoming data in ``checks``.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import uuid
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from mock_server.core.clock import MockClock
from mock_server.core.errors import Conflict, InvalidInput, NotFound, Unauthorized, quoted
from mock_server.core.expiry import expired
from mock_server.core.memory import settle
from mock_server.preservica.checks import (
    MAX_COUNT,
    as_list,
    build_point,
    choice,
    choices,
    count,
    flag,
    given_null,
    mapped_id,
    mapping,
    optional_time,
    percent,
    refuse_duplicates,
    text,
    texts,
)
from mock_server.preservica.records import (
    EXPIRES_AT,
    MESSAGE_STATUSES,
    MONITOR_CATEGORIES,
    MONITOR_STATUSES,
    REFRESH_TOKEN,
    TENANT,
    TOKEN,
    USERNAME,
    Monitor,
    Session,
    User,
    iso_timestamp,
    percent_complete,
)

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
#: What a message says of its monitor: implied by where a seed puts it.
_MESSAGE_OWNER_KEYS = frozenset({"mappedMonitorId", "monitorName"})


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
        self._users: dict[tuple[str, str], User] = {}
        #: username -> tenant -> user: a login looks its name up, never scans the users.
        self._users_by_name: dict[str, dict[str, User]] = {}
        self._sessions: dict[str, Session] = {}  # by access token
        self._refreshable: dict[str, Session] = {}  # by refresh token, until used
        #: (expiry, access token) of every session held, in the order they were issued:
        #: with one lifetime for all, that is the order they expire in, so pruning pops
        #: the expired ones off the left instead of scanning every live token on a login.
        #: (After the clock is set back, later tokens expire sooner: they are refused at
        #: their expiry as ever, and pruned once those issued before them are.)
        self._expiries: deque[tuple[float, str]] = deque()
        self._monitors: dict[str, Monitor] = {}  # insertion order is listing order
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
        section = mapping(section or {}, "preservica", frozenset({"users", "monitors"}))
        with self._lock:
            now = self.clock.now()
            users = [
                self._build_user(u, f"preservica.users[{i}]")
                for i, u in enumerate(as_list(section.get("users"), "preservica.users"))
            ]
            refuse_duplicates([(u.tenant, u.username) for u in users], "users", "user")
            monitors = [
                self._build_monitor(m, f"preservica.monitors[{i}]", now)
                for i, m in enumerate(as_list(section.get("monitors"), "preservica.monitors"))
            ]
            refuse_duplicates([m.mapped_id for m in monitors], "monitors", "mappedId")
            for monitor in monitors:
                self._refuse_existing(monitor.mapped_id)
            for user in users:
                self._users[(user.tenant, user.username)] = user
                self._users_by_name.setdefault(user.username, {})[user.tenant] = user
            for monitor in monitors:
                self._monitors[monitor.mapped_id] = monitor
        return {
            "users": len(users),
            "monitors": len(monitors),
            "messages": sum(len(m.messages) for m in monitors),
            "timeseries": sum(len(m.timeseries) for m in monitors),
        }

    def export_seed(self) -> dict[str, Any]:
        """The whole state as the ``preservica:`` part of a seed document: users, and every
        monitor with its messages and timeseries, each field as answered, so loading it
        into an empty mock answers every read the same. Tokens are left out."""
        with self._lock:
            users = [
                {
                    "username": user.username,
                    "password": user.password,
                    "tenant": user.tenant,
                    "roles": list(user.roles),
                    "fullName": user.full_name,
                    "email": user.email,
                }
                for user in self._users.values()
            ]
            monitors = []
            for monitor in self._monitors.values():
                wire = monitor.render()
                wire["messages"] = [
                    {k: v for k, v in message.items() if k not in _MESSAGE_OWNER_KEYS}
                    for message in monitor.messages
                ]
                wire["timeseries"] = [point.render() for point in monitor.timeseries]
                monitors.append(wire)
            return {"users": users, "monitors": monitors}

    def add_monitor(self, monitor: Mapping[str, Any]) -> dict[str, Any]:
        """Add one monitor (the seed format, messages and timeseries included)."""
        with self._lock:
            built = self._build_monitor(monitor, "monitor", self.clock.now())
            self._refuse_existing(built.mapped_id)
            self._monitors[built.mapped_id] = built
            answer = built.render()
        settle(len(built.messages))  # a bulk of messages: out of the collector's full passes
        return answer

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
        if isinstance(files, bool) or not isinstance(files, int) or not 0 <= files <= MAX_COUNT:
            raise InvalidInput(
                f"files: expected an integer from 0 to {MAX_COUNT}, got {quoted(files)}"
            )
        if status is not None:
            choice(status, MONITOR_STATUSES, "status")
        with self._lock:
            monitor = self._monitor(monitor_id)
            now = self.clock.now()
            new_messages = [
                self._build_message(m, f"messages[{i}]", monitor, now)
                for i, m in enumerate(as_list(messages, "messages"))
            ]
            self._process_files(monitor, files)
            if status is not None:
                self._change_status(monitor, status, now)
            for message in new_messages:
                self._count_message(monitor, message)
            monitor.add_messages(new_messages)
            monitor.timeseries.append(monitor.snapshot(now))
            answer = monitor.render()
        settle(len(new_messages))  # a bulk of messages: out of the collector's full passes
        return answer

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
            if not isinstance(refresh_token, str):
                raise Unauthorized("refresh token unknown, used or expired")
            issued = self._refreshable.pop(refresh_token, None)
            if (
                issued is None
                or issued[EXPIRES_AT] <= self.clock.now()
                or issued[:TOKEN] != current[:TOKEN]  # the same user and tenant
            ):
                raise Unauthorized("refresh token unknown, used or expired")
            user = self._users.get((issued[TENANT], issued[USERNAME]))
            if user is None:
                raise Unauthorized("the user no longer exists")
            return self._token_answer(self._open_session(user), user, False)

    def authenticate(self, access_token: str) -> dict[str, str]:
        """Who a valid access token belongs to; Unauthorized when unknown or expired."""
        with self._lock:
            session = self._live_session(access_token)
            return {"user": session[USERNAME], "tenant": session[TENANT]}

    def user_details(self, username: str, tenant: str) -> dict[str, Any]:
        with self._lock:
            tenants = self._users_by_name.get(username, {}) if isinstance(username, str) else {}
            user = tenants.get(tenant) if isinstance(tenant, str) else None
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
        statuses = choices(status, MONITOR_STATUSES, "status")
        categories = choices(category, MONITOR_CATEGORIES, "category")
        subcategories = set(texts(subcategory, "subcategory"))
        name_parts = [part.casefold() for part in texts(name, "name")]
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
        if not _is_integer(start) or not _is_integer(max_results) or start < 0 or max_results < 1:
            raise InvalidInput("start must be an integer >= 0 and max one >= 1")
        statuses = choices(status, MESSAGE_STATUSES, "status")
        if not isinstance(monitor_ids, (list, tuple)):
            raise InvalidInput(f"monitor: expected a list of ids, got {quoted(monitor_ids)}")
        with self._lock:
            ids = dict.fromkeys(i for i in monitor_ids if isinstance(i, str))
            wanted = [self._monitors[i] for i in ids if i in self._monitors]
            if len(statuses) == len(MESSAGE_STATUSES):
                statuses = set()  # every status: no filter
            if len(wanted) == 1:
                # One monitor: a slice of its messages, or of its positions of the statuses
                # asked for (no scan of its messages either way).
                monitor = wanted[0]
                if not statuses:
                    held = monitor.messages
                    page = held[start : start + max_results]
                    return {"messages": [dict(m) for m in page], "totalResults": len(held)}
                return _page_of_statuses(monitor, statuses, start, max_results)
            matching = [
                message for monitor in wanted for message in _messages_of(monitor, statuses)
            ]
            # Several monitors: oldest first across them, as the spec says (the sort is
            # stable, so each monitor's own order holds among equal dates).
            matching.sort(key=lambda message: message["date"])
            page = matching[start : start + max_results]
            return {"messages": [dict(m) for m in page], "totalResults": len(matching)}

    def get_timeseries(self, monitor_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [point.render() for point in self._monitor(monitor_id).timeseries]

    # --- internals (called with the lock held) --------------------------------------------

    def _monitor(self, monitor_id: str) -> Monitor:
        monitor = self._monitors.get(monitor_id) if isinstance(monitor_id, str) else None
        if monitor is None:
            raise NotFound(f"no monitor {quoted(monitor_id)}")
        return monitor

    def _refuse_existing(self, monitor_id: str) -> None:
        if monitor_id in self._monitors:
            raise Conflict(f"a monitor {monitor_id} exists already")

    def _find_user(self, username: str, password: str, tenant: str | None) -> User:
        tenants = self._users_by_name.get(username) if isinstance(username, str) else None
        user = None
        if tenants and (tenant is None or isinstance(tenant, str)):
            if tenant is not None:
                user = tenants.get(tenant)
            elif len(tenants) == 1:
                # Without a tenant the name must be unambiguous, as it is on a real
                # multi-tenant server.
                [user] = tenants.values()
        if user is None or user.password != password:
            raise Unauthorized(
                "invalid username, password or tenant", message="invalid.credentials"
            )
        return user

    def _open_session(self, user: User) -> Session:
        now = self.clock.now()
        self._forget_expired(now)
        token, refresh_token = str(uuid.uuid4()), str(uuid.uuid4())
        expires_at = now + self.token_minutes * 60
        session: Session = (user.username, user.tenant, token, refresh_token, expires_at)
        self._sessions[token] = session
        self._refreshable[refresh_token] = session
        self._expiries.append((expires_at, token))
        return session

    def _forget_expired(self, now: float) -> None:
        for token in expired(self._expiries, now):
            session = self._sessions.pop(token, None)
            if session is not None:
                self._refreshable.pop(session[REFRESH_TOKEN], None)

    def _live_session(self, access_token: str) -> Session:
        session = self._sessions.get(access_token) if isinstance(access_token, str) else None
        if session is None or session[EXPIRES_AT] <= self.clock.now():
            raise Unauthorized("access token unknown or expired")
        return session

    def _token_answer(self, session: Session, user: User, details: bool) -> dict[str, Any]:
        answer: dict[str, Any] = {
            "success": True,
            "token": session[TOKEN],
            "refresh-token": session[REFRESH_TOKEN],
            "validFor": self.token_minutes,
            "user": user.username,
            "tenant": user.tenant,
        }
        if details:
            answer.update(fullName=user.full_name, email=user.email, roles=list(user.roles))
        return answer

    def _build_user(self, data: Any, where: str) -> User:
        data = mapping(data, where, _USER_KEYS)
        username = text(data, "username", where, "")
        if not username or "password" not in data:
            raise InvalidInput(f"{where}: username and password are required")
        roles = as_list(data.get("roles", list(DEFAULT_ROLES)), f"{where}.roles")
        roles = [text({"role": r}, "role", f"{where}.roles", "") for r in roles]
        if not all(roles):
            raise InvalidInput(f"{where}.roles: expected a list of role names")
        return User(
            username=username,
            password=text(data, "password", where, ""),
            tenant=text(data, "tenant", where, DEFAULT_TENANT),
            roles=list(roles),
            full_name=text(data, "fullName", where, username),
            email=text(data, "email", where, f"{username}@example.com"),
        )

    def _build_monitor(self, data: Any, where: str, now: float) -> Monitor:
        data = mapping(data, where, _MONITOR_KEYS)
        status = choice(data.get("status", "Pending"), MONITOR_STATUSES, f"{where}.status")
        # A Pending monitor has not started, unless the seed says when it did; null says
        # "not started" whatever the status.
        started = (
            None
            if given_null(data, "started")
            else optional_time(data, "started", where, None if status == "Pending" else now)
        )
        completed = optional_time(
            data, "completed", where, now if status in FINISHED_STATUSES else None
        )
        counters = {key: count(data, key, where, 0) for key in _MONITOR_COUNTERS}
        monitor = Monitor(
            mapped_id=mapped_id(data, where),
            name=text(data, "name", where, f"opex/{uuid.uuid4()}-{uuid.uuid4()}"),
            status=status,
            category=choice(
                data.get("category", "Ingest"), MONITOR_CATEGORIES, f"{where}.category"
            ),
            subcategory=text(data, "subcategory", where, "OPEX"),
            started=started,
            completed=completed,
            progress_text=None
            if given_null(data, "progressText")
            else text(data, "progressText", where, ""),
            percent_complete=None
            if given_null(data, "percentComplete")
            else percent(
                data,
                where,
                percent_complete(counters["filesProcessed"], counters["filesPending"]),
            ),
            counters=counters,
            can_retry=flag(data, "canRetry", where, status in RETRYABLE_STATUSES),
        )
        messages = [
            self._build_message(m, f"{where}.messages[{i}]", monitor, now)
            for i, m in enumerate(as_list(data.get("messages"), f"{where}.messages"))
        ]
        monitor.add_messages(messages)
        # Counts left out of the seed follow from its messages, so the two agree.
        for key, message_status in (("warnings", "Warning"), ("errors", "Error")):
            if data.get(key) is None:
                counters[key] = sum(m["status"] == message_status for m in messages)
        monitor.timeseries.extend(
            build_point(p, f"{where}.timeseries[{i}]", monitor, now)
            for i, p in enumerate(as_list(data.get("timeseries"), f"{where}.timeseries"))
        )
        return monitor

    def _build_message(self, data: Any, where: str, monitor: Monitor, now: float) -> dict[str, Any]:
        data = mapping(data, where, _MESSAGE_KEYS)
        status = choice(data.get("status", "Info"), MESSAGE_STATUSES, f"{where}.status")
        for key, belongs_to in (
            ("mappedMonitorId", monitor.mapped_id),
            ("monitorName", monitor.name),
        ):
            if data.get(key) not in (None, belongs_to):
                raise InvalidInput(f"{where}.{key}: the message belongs to {quoted(belongs_to)}")
        message = {
            "mappedId": mapped_id(data, where),
            "mappedMonitorId": monitor.mapped_id,
            "monitorName": monitor.name,
            "workflowInstanceId": count(
                data, "workflowInstanceId", where, next(self._workflow_ids)
            ),
            "workflowName": text(
                data, "workflowName", where, f"{monitor.subcategory} {monitor.category}"
            ),
            "path": text(data, "path", where, ""),
            "date": iso_timestamp(optional_time(data, "date", where, now)),
            "status": status,
            "message": text(data, "message", where, f"monitor.{status.lower()}"),
            "displayMessage": text(data, "displayMessage", where, ""),
        }
        for key in _OPTIONAL_MESSAGE_KEYS:
            if data.get(key) is not None:
                message[key] = text(data, key, where, "")
        return message

    @staticmethod
    def _process_files(monitor: Monitor, files: int) -> None:
        moved = min(files, monitor.counters["filesPending"])
        monitor.counters["filesPending"] -= moved
        monitor.counters["filesProcessed"] += moved
        recomputed = percent_complete(
            monitor.counters["filesProcessed"], monitor.counters["filesPending"]
        )
        # One without a percentage (not started) gets one once it processes files.
        if recomputed and (moved or monitor.percent_complete is not None):
            monitor.percent_complete = recomputed

    @staticmethod
    def _change_status(monitor: Monitor, status: str, now: float) -> None:
        if monitor.started is None and status != "Pending":
            monitor.started = now  # it leaves Pending: it has started
        if status in FINISHED_STATUSES and monitor.status not in FINISHED_STATUSES:
            monitor.completed = now
        elif status not in FINISHED_STATUSES:
            monitor.completed = None
        monitor.status = status

    @staticmethod
    def _count_message(monitor: Monitor, message: dict[str, Any]) -> None:
        if message["status"] == "Warning":
            monitor.counters["warnings"] += 1
        elif message["status"] == "Error":
            monitor.counters["errors"] += 1


# --- pages of messages ----------------------------------------------------------------------


def _page_of_statuses(
    monitor: Monitor, statuses: set[str], start: int, size: int
) -> dict[str, Any]:
    """A page of one monitor's messages of the given statuses, in the monitor's order,
    from its positions per status: O(log n) to find where the page starts, then the page."""
    lists = [monitor.positions[s] for s in statuses if s in monitor.positions]
    total = sum(len(held) for held in lists)
    messages = monitor.messages
    if len(lists) == 1:
        return {
            "messages": [dict(messages[i]) for i in lists[0][start : start + size]],
            "totalResults": total,
        }
    if start >= total:
        return {"messages": [], "totalResults": total}
    # The smallest position p with `start` matching messages before it: there the page
    # begins, in every list at once.
    low, high = 0, len(messages)
    while low < high:
        middle = (low + high) // 2
        if sum(bisect_left(held, middle) for held in lists) >= start:
            high = middle
        else:
            low = middle + 1
    runs = [held[(at := bisect_left(held, low)) : at + size] for held in lists]
    page = heapq.nsmallest(size, itertools.chain.from_iterable(runs))
    return {"messages": [dict(messages[i]) for i in page], "totalResults": total}


def _messages_of(monitor: Monitor, statuses: set[str]) -> list[dict[str, Any]]:
    """A monitor's messages of the given statuses (all when none), in its order."""
    if not statuses:
        return monitor.messages
    lists = [monitor.positions[s] for s in statuses if s in monitor.positions]
    positions = lists[0] if len(lists) == 1 else sorted(itertools.chain.from_iterable(lists))
    return [monitor.messages[i] for i in positions]


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
