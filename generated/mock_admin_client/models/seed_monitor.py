from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitor_category import MonitorCategory
from ..models.monitor_status import MonitorStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seed_message import SeedMessage
    from ..models.seed_timeseries_point import SeedTimeseriesPoint


T = TypeVar("T", bound="SeedMonitor")


@_attrs_define
class SeedMonitor:
    """A process monitor with its messages and timeseries; missing fields get defaults
    (a random 32-hex `mappedId`, `started` from the mock clock unless the status is
    `Pending`, zero counts). `started`, `progressText` and `percentComplete` given as
    null are answered null, as the real service may answer them for a monitor that has
    not started.

        Attributes:
            mapped_id (str | Unset):
            name (str | Unset):
            status (MonitorStatus | Unset):
            category (MonitorCategory | Unset):
            subcategory (str | Unset):
            started (None | str | Unset): ISO 8601 date and time, e.g. 2024-05-01T10:00:00.000Z (no zone: UTC), in the
                years 1900 to 2999 as a time in UTC (held times are written in UTC, so a zone
                offset that moves one into 1899 or 3000 is refused: a snapshot could not hold
                it). The same shape for every timestamp of a seed monitor, message
                and timeseries point. Null: the monitor has not started (the default of a
                `Pending` one); it starts, at the mock clock's time, when `advance_monitor` moves
                it to another status.
            completed (None | str | Unset):
            progress_text (None | str | Unset): Defaults to empty; null is answered null.
            percent_complete (None | str | Unset): 0 to 100 as text; empty when unknown. Defaults to what the file counts
                give;
                null is answered null until `advance_monitor` processes files.
            files_pending (int | Unset):
            size (int | Unset):
            files_processed (int | Unset):
            warnings (int | Unset):
            errors (int | Unset):
            can_retry (bool | Unset):
            messages (list[SeedMessage] | Unset):
            timeseries (list[SeedTimeseriesPoint] | Unset):
    """

    mapped_id: str | Unset = UNSET
    name: str | Unset = UNSET
    status: MonitorStatus | Unset = UNSET
    category: MonitorCategory | Unset = UNSET
    subcategory: str | Unset = UNSET
    started: None | str | Unset = UNSET
    completed: None | str | Unset = UNSET
    progress_text: None | str | Unset = UNSET
    percent_complete: None | str | Unset = UNSET
    files_pending: int | Unset = UNSET
    size: int | Unset = UNSET
    files_processed: int | Unset = UNSET
    warnings: int | Unset = UNSET
    errors: int | Unset = UNSET
    can_retry: bool | Unset = UNSET
    messages: list[SeedMessage] | Unset = UNSET
    timeseries: list[SeedTimeseriesPoint] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mapped_id = self.mapped_id

        name = self.name

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        subcategory = self.subcategory

        started: None | str | Unset
        if isinstance(self.started, Unset):
            started = UNSET
        else:
            started = self.started

        completed: None | str | Unset
        if isinstance(self.completed, Unset):
            completed = UNSET
        else:
            completed = self.completed

        progress_text: None | str | Unset
        if isinstance(self.progress_text, Unset):
            progress_text = UNSET
        else:
            progress_text = self.progress_text

        percent_complete: None | str | Unset
        if isinstance(self.percent_complete, Unset):
            percent_complete = UNSET
        else:
            percent_complete = self.percent_complete

        files_pending = self.files_pending

        size = self.size

        files_processed = self.files_processed

        warnings = self.warnings

        errors = self.errors

        can_retry = self.can_retry

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        timeseries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.timeseries, Unset):
            timeseries = []
            for timeseries_item_data in self.timeseries:
                timeseries_item = timeseries_item_data.to_dict()
                timeseries.append(timeseries_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mapped_id is not UNSET:
            field_dict["mappedId"] = mapped_id
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if category is not UNSET:
            field_dict["category"] = category
        if subcategory is not UNSET:
            field_dict["subcategory"] = subcategory
        if started is not UNSET:
            field_dict["started"] = started
        if completed is not UNSET:
            field_dict["completed"] = completed
        if progress_text is not UNSET:
            field_dict["progressText"] = progress_text
        if percent_complete is not UNSET:
            field_dict["percentComplete"] = percent_complete
        if files_pending is not UNSET:
            field_dict["filesPending"] = files_pending
        if size is not UNSET:
            field_dict["size"] = size
        if files_processed is not UNSET:
            field_dict["filesProcessed"] = files_processed
        if warnings is not UNSET:
            field_dict["warnings"] = warnings
        if errors is not UNSET:
            field_dict["errors"] = errors
        if can_retry is not UNSET:
            field_dict["canRetry"] = can_retry
        if messages is not UNSET:
            field_dict["messages"] = messages
        if timeseries is not UNSET:
            field_dict["timeseries"] = timeseries

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.seed_message import SeedMessage
        from ..models.seed_timeseries_point import SeedTimeseriesPoint

        known = (
            "mappedId",
            "name",
            "status",
            "category",
            "subcategory",
            "started",
            "completed",
            "progressText",
            "percentComplete",
            "filesPending",
            "size",
            "filesProcessed",
            "warnings",
            "errors",
            "canRetry",
            "messages",
            "timeseries",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"SeedMonitor: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        mapped_id = d.pop("mappedId", UNSET)

        name = d.pop("name", UNSET)

        _status = d.pop("status", UNSET)
        status: MonitorStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = MonitorStatus(_status)

        _category = d.pop("category", UNSET)
        category: MonitorCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = MonitorCategory(_category)

        subcategory = d.pop("subcategory", UNSET)

        def _parse_started(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started = _parse_started(d.pop("started", UNSET))

        def _parse_completed(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed = _parse_completed(d.pop("completed", UNSET))

        def _parse_progress_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        progress_text = _parse_progress_text(d.pop("progressText", UNSET))

        def _parse_percent_complete(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        percent_complete = _parse_percent_complete(d.pop("percentComplete", UNSET))

        files_pending = d.pop("filesPending", UNSET)

        size = d.pop("size", UNSET)

        files_processed = d.pop("filesProcessed", UNSET)

        warnings = d.pop("warnings", UNSET)

        errors = d.pop("errors", UNSET)

        can_retry = d.pop("canRetry", UNSET)

        _messages = d.pop("messages", UNSET)
        messages: list[SeedMessage] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = SeedMessage.from_dict(messages_item_data)

                messages.append(messages_item)

        _timeseries = d.pop("timeseries", UNSET)
        timeseries: list[SeedTimeseriesPoint] | Unset = UNSET
        if _timeseries is not UNSET:
            timeseries = []
            for timeseries_item_data in _timeseries:
                timeseries_item = SeedTimeseriesPoint.from_dict(timeseries_item_data)

                timeseries.append(timeseries_item)

        seed_monitor = cls(
            mapped_id=mapped_id,
            name=name,
            status=status,
            category=category,
            subcategory=subcategory,
            started=started,
            completed=completed,
            progress_text=progress_text,
            percent_complete=percent_complete,
            files_pending=files_pending,
            size=size,
            files_processed=files_processed,
            warnings=warnings,
            errors=errors,
            can_retry=can_retry,
            messages=messages,
            timeseries=timeseries,
        )

        return seed_monitor
