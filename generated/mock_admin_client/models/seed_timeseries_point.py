from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.monitor_status import MonitorStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SeedTimeseriesPoint")


@_attrs_define
class SeedTimeseriesPoint:
    """One progress sample of a monitor; missing fields get defaults.

    Attributes:
        timestamp (str | Unset):
        status (MonitorStatus | Unset):
        percent_complete (str | Unset): 0 to 100 as text; empty when unknown.
        files_processed (int | Unset):
        files_pending (int | Unset):
        size (int | Unset):
        warnings (int | Unset):
        errors (int | Unset):
    """

    timestamp: str | Unset = UNSET
    status: MonitorStatus | Unset = UNSET
    percent_complete: str | Unset = UNSET
    files_processed: int | Unset = UNSET
    files_pending: int | Unset = UNSET
    size: int | Unset = UNSET
    warnings: int | Unset = UNSET
    errors: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        timestamp = self.timestamp

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        percent_complete = self.percent_complete

        files_processed = self.files_processed

        files_pending = self.files_pending

        size = self.size

        warnings = self.warnings

        errors = self.errors

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if status is not UNSET:
            field_dict["status"] = status
        if percent_complete is not UNSET:
            field_dict["percentComplete"] = percent_complete
        if files_processed is not UNSET:
            field_dict["filesProcessed"] = files_processed
        if files_pending is not UNSET:
            field_dict["filesPending"] = files_pending
        if size is not UNSET:
            field_dict["size"] = size
        if warnings is not UNSET:
            field_dict["warnings"] = warnings
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "timestamp",
            "status",
            "percentComplete",
            "filesProcessed",
            "filesPending",
            "size",
            "warnings",
            "errors",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"SeedTimeseriesPoint: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        timestamp = d.pop("timestamp", UNSET)

        _status = d.pop("status", UNSET)
        status: MonitorStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = MonitorStatus(_status)

        percent_complete = d.pop("percentComplete", UNSET)

        files_processed = d.pop("filesProcessed", UNSET)

        files_pending = d.pop("filesPending", UNSET)

        size = d.pop("size", UNSET)

        warnings = d.pop("warnings", UNSET)

        errors = d.pop("errors", UNSET)

        seed_timeseries_point = cls(
            timestamp=timestamp,
            status=status,
            percent_complete=percent_complete,
            files_processed=files_processed,
            files_pending=files_pending,
            size=size,
            warnings=warnings,
            errors=errors,
        )

        return seed_timeseries_point
