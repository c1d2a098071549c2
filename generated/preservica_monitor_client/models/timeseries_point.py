from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitor_status import MonitorStatus

T = TypeVar("T", bound="TimeseriesPoint")


@_attrs_define
class TimeseriesPoint:
    """
    Attributes:
        timestamp (datetime.datetime):
        status (MonitorStatus):
        percent_complete (str):
        files_processed (int):
        files_pending (int):
        size (int):
        warnings (int):
        errors (int):
    """

    timestamp: datetime.datetime
    status: MonitorStatus
    percent_complete: str
    files_processed: int
    files_pending: int
    size: int
    warnings: int
    errors: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timestamp = self.timestamp.isoformat()

        status = self.status.value

        percent_complete = self.percent_complete

        files_processed = self.files_processed

        files_pending = self.files_pending

        size = self.size

        warnings = self.warnings

        errors = self.errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "timestamp": timestamp,
                "status": status,
                "percentComplete": percent_complete,
                "filesProcessed": files_processed,
                "filesPending": files_pending,
                "size": size,
                "warnings": warnings,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        status = MonitorStatus(d.pop("status"))

        percent_complete = d.pop("percentComplete")

        files_processed = d.pop("filesProcessed")

        files_pending = d.pop("filesPending")

        size = d.pop("size")

        warnings = d.pop("warnings")

        errors = d.pop("errors")

        timeseries_point = cls(
            timestamp=timestamp,
            status=status,
            percent_complete=percent_complete,
            files_processed=files_processed,
            files_pending=files_pending,
            size=size,
            warnings=warnings,
            errors=errors,
        )

        timeseries_point.additional_properties = d
        return timeseries_point

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
