from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitor_category import MonitorCategory
from ..models.monitor_status import MonitorStatus

T = TypeVar("T", bound="Monitor")


@_attrs_define
class Monitor:
    """
    Attributes:
        mapped_id (str): The monitor's id; it may change between Preservica releases.
        name (str):
        status (MonitorStatus):
        started (datetime.datetime):
        completed (datetime.datetime | None): Set once the monitor has Succeeded or Failed.
        category (MonitorCategory):
        subcategory (str):
        progress_text (str):
        percent_complete (str): 0 to 100 as text; may be empty when unknown.
        files_pending (int):
        size (int): Bytes.
        files_processed (int):
        warnings (int):
        errors (int):
        can_retry (bool):
    """

    mapped_id: str
    name: str
    status: MonitorStatus
    started: datetime.datetime
    completed: datetime.datetime | None
    category: MonitorCategory
    subcategory: str
    progress_text: str
    percent_complete: str
    files_pending: int
    size: int
    files_processed: int
    warnings: int
    errors: int
    can_retry: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mapped_id = self.mapped_id

        name = self.name

        status = self.status.value

        started = self.started.isoformat()

        completed: None | str
        if isinstance(self.completed, datetime.datetime):
            completed = self.completed.isoformat()
        else:
            completed = self.completed

        category = self.category.value

        subcategory = self.subcategory

        progress_text = self.progress_text

        percent_complete = self.percent_complete

        files_pending = self.files_pending

        size = self.size

        files_processed = self.files_processed

        warnings = self.warnings

        errors = self.errors

        can_retry = self.can_retry

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mappedId": mapped_id,
                "name": name,
                "status": status,
                "started": started,
                "completed": completed,
                "category": category,
                "subcategory": subcategory,
                "progressText": progress_text,
                "percentComplete": percent_complete,
                "filesPending": files_pending,
                "size": size,
                "filesProcessed": files_processed,
                "warnings": warnings,
                "errors": errors,
                "canRetry": can_retry,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        mapped_id = d.pop("mappedId")

        name = d.pop("name")

        status = MonitorStatus(d.pop("status"))

        started = datetime.datetime.fromisoformat(d.pop("started"))

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

        progress_text = d.pop("progressText")

        percent_complete = d.pop("percentComplete")

        files_pending = d.pop("filesPending")

        size = d.pop("size")

        files_processed = d.pop("filesProcessed")

        warnings = d.pop("warnings")

        errors = d.pop("errors")

        can_retry = d.pop("canRetry")

        monitor = cls(
            mapped_id=mapped_id,
            name=name,
            status=status,
            started=started,
            completed=completed,
            category=category,
            subcategory=subcategory,
            progress_text=progress_text,
            percent_complete=percent_complete,
            files_pending=files_pending,
            size=size,
            files_processed=files_processed,
            warnings=warnings,
            errors=errors,
            can_retry=can_retry,
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
