"""Everything a Process Monitor call needs, built once for the sync and the async client:
which generated operation, with which arguments, and how its response reads."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import partial
from typing import Any, TypeVar, cast

import httpx
from preservica_monitor_client.api.authentication import login
from preservica_monitor_client.api.process_monitor import (
    get_monitor_timeseries,
    list_messages,
    list_monitors,
)
from preservica_monitor_client.models import (
    AccessToken,
    LoginForm,
    MessagePageResponse,
    MonitorListResponse,
    TimeseriesResponse,
)
from preservica_monitor_client.models import MessageStatus as WireMessageStatus
from preservica_monitor_client.models import MonitorCategory as WireMonitorCategory
from preservica_monitor_client.models import MonitorStatus as WireMonitorStatus
from preservica_monitor_client.types import UNSET, Unset

from wrappers._core.calls import Call, Malformed, Reply, expect
from wrappers._core.paging import Page
from wrappers.preservica._enums import (
    MessageStatusFilter,
    MonitorCategoryFilter,
    MonitorStatusFilter,
)
from wrappers.preservica._records import Message, Monitor, TimeseriesPoint

W = TypeVar("W", bound=Enum)

#: At run time a filter value may also be any enum with the wire value (pyPreservica's own
#: enums); type checkers hold callers to the filters of ``_enums``.
EnumFilter = Enum | str | Iterable[Enum | str] | None
TextFilter = str | Iterable[str] | None

FIRST_START = 0  # `start` is a 0-based index into the matching messages
MAX_PAGE_SIZE = 1000  # the bound of `max` in the spec


@dataclass(frozen=True)
class Login:
    """What a login gave: the token to send in ``Preservica-Access-Token``."""

    token: str = field(repr=False)
    user: str
    tenant: str


# --------------------------------------------------------------------------- arguments


def _as_list(values: Any) -> list[Any]:
    # A str (and so a str enum) is iterable, but it is one value, not its characters.
    return [values] if isinstance(values, (str, Enum)) else list(values)


def enum_filter(values: EnumFilter, wire_enum: type[W]) -> list[W] | Unset:
    """A filter as the generated operation takes it; ``None`` or empty: no filter.

    An unknown value raises ``ValueError`` here rather than a 400 from the server.
    """
    if values is None:
        return UNSET
    wire = [wire_enum(v.value if isinstance(v, Enum) else v) for v in _as_list(values)]
    return wire or UNSET


def text_filter(values: TextFilter) -> list[str] | Unset:
    """A free-text filter (subcategory, name) as a list; ``None`` or empty: no filter."""
    return UNSET if values is None else (_as_list(values) or UNSET)


def page_size_checked(page_size: int) -> int:
    """``page_size`` if the API accepts it as ``max``."""
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be 1..{MAX_PAGE_SIZE}, not {page_size}")
    return page_size


# --------------------------------------------------------------------------- answers


def _wire_value(reply: Reply, model: type) -> Any:
    """The ``value`` of a success's envelope, exactly as sent.

    The generated model checks the shape, but the dicts handed out come from the body
    itself: the model's ``to_dict`` would rewrite every timestamp (``...00.000Z`` becomes
    ``...00+00:00``), and pyPreservica users get the wire text.
    """
    expect(reply.parsed, model)
    return json.loads(reply.content)["value"]


def _renamed(wire: dict[str, Any], renames: Mapping[str, str]) -> dict[str, Any]:
    # pop-and-set, as pyPreservica does: the new keys come last, the rest keep their order.
    for old, new in renames.items():
        wire[new] = wire.pop(old)
    return wire


def _records(
    wire: Any, required: frozenset[str], renames: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The wire dicts, renamed as pyPreservica renames them, each holding at least the
    ``required`` keys of its ``TypedDict`` (which nothing checks at run time: a record
    without one would fail later in the caller's code, as a ``KeyError``)."""
    if not isinstance(wire, list):
        raise Malformed(f"a list of records expected, not {type(wire).__name__}")
    records = [_renamed(item, renames) for item in wire]
    for record in records:
        if not record.keys() >= required:  # compares without building a set (W4's pace)
            missing = ", ".join(sorted(required - record.keys()))
            raise Malformed(f"a record without {missing}")
    return records


def read_login(reply: Reply) -> Login:
    """The login of a ``login`` answer (wrong credentials are its 401)."""
    token = expect(reply.parsed, AccessToken)
    return Login(token.token, token.user, token.tenant)


def read_monitors(reply: Reply) -> list[Monitor]:
    """The monitors of a ``list_monitors`` answer, ``mappedId`` renamed ``MonitorId``.

    ``value.paging`` (a count: monitors are not paged) is checked by the generated model
    and not handed out, as pyPreservica hands out only the monitors.
    """
    monitors = _wire_value(reply, MonitorListResponse)["monitors"]
    required = Monitor.__required_keys__
    return cast(list[Monitor], _records(monitors, required, {"mappedId": "MonitorId"}))


def read_timeseries(reply: Reply) -> list[TimeseriesPoint]:
    """The progress samples of a ``get_monitor_timeseries`` answer, oldest first."""
    points = _wire_value(reply, TimeseriesResponse)["timeseries"]
    return cast(list[TimeseriesPoint], _records(points, TimeseriesPoint.__required_keys__, {}))


_MESSAGE_RENAMES = {"mappedMonitorId": "MonitorId", "mappedId": "MessageId"}


def next_start(next_url: str | Unset, after: int) -> int | None:
    """The ``start`` the absolute ``paging.next`` URL names; ``None`` on the last page.

    The link, not ``start + page_size``: the server owns the paging (it may bound ``max``
    below what was asked, and a running monitor's total grows as we read), so where it says
    the next page begins is where nothing is skipped.
    """
    if isinstance(next_url, Unset):
        return None
    start = httpx.URL(next_url).params.get("start", "")
    # A next page that does not move forward would walk the same pages for ever.
    if not start.isdigit() or int(start) <= after:
        raise Malformed(f"paging.next {next_url!r} does not point past start={after}")
    return int(start)


def read_message_page(start: int, reply: Reply) -> Page[Message, int]:
    """One page of a ``list_messages`` answer fetched at ``start``, keys renamed as
    pyPreservica does, with the ``start`` of the next page as the cursor.

    The answer comes unparsed (``Call.parse`` False): a page holds up to 1,000
    messages, and building a generated model of each, only to hand out the wire dicts,
    took two thirds of the time of a full enumeration (W4 of ``make bench``). The generated
    models still check the envelope, the paging and the page's first message.
    """
    value = json.loads(reply.content)
    messages = value["value"]["messages"]
    if not isinstance(messages, list):
        raise Malformed("value.messages is not a list")
    sample = {**value, "value": {**value["value"], "messages": messages[:1]}}
    paging = MessagePageResponse.from_dict(sample).value.paging
    items = _records(messages, Message.__required_keys__, _MESSAGE_RENAMES)
    return Page(cast(list[Message], items), next_start(paging.next_, after=start))


# --------------------------------------------------------------------------- calls


def login_call(username: str, password: str, tenant: str | None) -> Call[Login]:
    """Log in with the form pyPreservica sends."""
    # Without a tenant the user is looked up by name alone.
    sent_tenant: str | Unset = UNSET if tenant is None else tenant
    body = LoginForm(username=username, password=password, tenant=sent_tenant)
    return Call(login, {"body": body}, read_login)


def monitors_call(
    status: MonitorStatusFilter | EnumFilter,
    category: MonitorCategoryFilter | EnumFilter,
    subcategory: TextFilter,
    name: TextFilter,
) -> Call[list[Monitor]]:
    """The monitors matching every filter given (one of the values of each)."""
    kwargs = {
        "status": enum_filter(status, WireMonitorStatus),
        "category": enum_filter(category, WireMonitorCategory),
        "subcategory": text_filter(subcategory),
        "name": text_filter(name),
    }
    return Call(list_monitors, kwargs, read_monitors)


def timeseries_call(monitor_id: str) -> Call[list[TimeseriesPoint]]:
    """The recorded progress of one monitor (``NotFoundError`` for an unknown id)."""
    return Call(get_monitor_timeseries, {"id": monitor_id}, read_timeseries)


@dataclass(frozen=True)
class MessageQuery:
    """The messages of some monitors, as the pager fetches them: a call per ``start``."""

    monitor_ids: list[str]
    status: list[WireMessageStatus] | Unset
    page_size: int

    @classmethod
    def of(
        cls, monitor_id: TextFilter, status: MessageStatusFilter | EnumFilter, page_size: int
    ) -> MessageQuery:
        """The query of ``messages(monitor_id, status)``; raises ``ValueError`` early."""
        monitor_ids = text_filter(monitor_id)
        if isinstance(monitor_ids, Unset):
            raise ValueError("messages() needs at least one monitor id")
        return cls(monitor_ids, enum_filter(status, WireMessageStatus), page_size)

    def page_call(self, start: int) -> Call[Page[Message, int]]:
        """The call fetching the page beginning at ``start`` (the pager's cursor)."""
        kwargs = {
            "monitor": self.monitor_ids,
            "status": self.status,
            "start": start,
            "max_": self.page_size,
        }
        return Call(list_messages, kwargs, partial(read_message_page, start), parse=False)
