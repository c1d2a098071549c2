from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublishStats")


@_attrs_define
class PublishStats:
    """How many observations of the request got each outcome (zeros included).

    Example:
        {'success': 998, 'retry': 0, 'error': 1, 'suppressed': 0, 'throttled': 0, 'duplicate': 1}

    Attributes:
        success (int):
        retry (int):
        error (int):
        suppressed (int):
        throttled (int):
        duplicate (int):
    """

    success: int
    retry: int
    error: int
    suppressed: int
    throttled: int
    duplicate: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        retry = self.retry

        error = self.error

        suppressed = self.suppressed

        throttled = self.throttled

        duplicate = self.duplicate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "retry": retry,
                "error": error,
                "suppressed": suppressed,
                "throttled": throttled,
                "duplicate": duplicate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        retry = d.pop("retry")

        error = d.pop("error")

        suppressed = d.pop("suppressed")

        throttled = d.pop("throttled")

        duplicate = d.pop("duplicate")

        publish_stats = cls(
            success=success,
            retry=retry,
            error=error,
            suppressed=suppressed,
            throttled=throttled,
            duplicate=duplicate,
        )

        publish_stats.additional_properties = d
        return publish_stats

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
