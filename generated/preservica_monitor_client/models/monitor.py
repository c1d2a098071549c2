from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitor_category import MonitorCategory
from ..models.monitor_status import MonitorStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Monitor")


@_attrs_define
class Monitor:
    """The fields a public client's test fixtures show (The National Archives' Preservica
    client). That client reads `started`, `completed`, `progressText` and
    `percentComplete` as optional (absent or null); the mock always sends the keys,
    null where there is no value.

        Attributes:
            mapped_id (str): The monitor's id; it may change between Preservica releases.
            name (str):
            status (MonitorStatus):
            completed (datetime.datetime | None): Set once the monitor has Succeeded or Failed.
            category (MonitorCategory):
            subcategory (str):
            files_pending (int):
            size (int): Bytes.
            files_processed (int):
            warnings (int):
            errors (int):
            can_retry (bool):
            started (datetime.datetime | None | Unset): Null (or absent) while the monitor has not started, e.g. `Pending`.
            progress_text (None | str | Unset): May be empty, null or absent.
            percent_complete (None | str | Unset): 0 to 100 as text; may be empty when unknown, null or absent.
    """

    mapped_id: str
    name: str
    status: MonitorStatus
    completed: datetime.datetime | None
    category: MonitorCategory
    subcategory: str
    files_pending: int
    size: int
    files_processed: int
    warnings: int
    errors: int
    can_retry: bool
    started: datetime.datetime | None | Unset = UNSET
    progress_text: None | str | Unset = UNSET
    percent_complete: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mapped_id = self.mapped_id

        name = self.name

        status = self.status.value

        completed: None | str
        if isinstance(self.completed, datetime.datetime):
            completed = self.completed.isoformat()
        else:
            completed = self.completed

        category = self.category.value

        subcategory = self.subcategory

        files_pending = self.files_pending

        size = self.size

        files_processed = self.files_processed

        warnings = self.warnings

        errors = self.errors

        can_retry = self.can_retry

        started: None | str | Unset
        if isinstance(self.started, Unset):
            started = UNSET
        elif isinstance(self.started, datetime.datetime):
            started = self.started.isoformat()
        else:
            started = self.started

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mappedId": mapped_id,
                "name": name,
                "status": status,
                "completed": completed,
                "category": category,
                "subcategory": subcategory,
                "filesPending": files_pending,
                "size": size,
                "filesProcessed": files_processed,
                "warnings": warnings,
                "errors": errors,
                "canRetry": can_retry,
            }
        )
        if started is not UNSET:
            field_dict["started"] = started
        if progress_text is not UNSET:
            field_dict["progressText"] = progress_text
        if percent_complete is not UNSET:
            field_dict["percentComplete"] = percent_complete

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        mapped_id = d.pop("mappedId")

        name = d.pop("name")

        status = MonitorStatus(d.pop("status"))

        def _parse_completed(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_type_0 = datetime.datetime.fromisoformat(data)

                return completed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed = _parse_completed(d.pop("completed"))

        category = MonitorCategory(d.pop("category"))

        subcategory = d.pop("subcategory")

        files_pending = d.pop("filesPending")

        size = d.pop("size")

        files_processed = d.pop("filesProcessed")

        warnings = d.pop("warnings")

        errors = d.pop("errors")

        can_retry = d.pop("canRetry")

        def _parse_started(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_type_0 = datetime.datetime.fromisoformat(data)

                return started_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started = _parse_started(d.pop("started", UNSET))

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

        monitor = cls(
            mapped_id=mapped_id,
            name=name,
            status=status,
            completed=completed,
            category=category,
            subcategory=subcategory,
            files_pending=files_pending,
            size=size,
            files_processed=files_processed,
            warnings=warnings,
            errors=errors,
            can_retry=can_retry,
            started=started,
            progress_text=progress_text,
            percent_complete=percent_complete,
        )

        monitor.additional_properties = d
        return monitor

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
