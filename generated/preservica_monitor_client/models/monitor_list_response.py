from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monitor_list import MonitorList


T = TypeVar("T", bound="MonitorListResponse")


@_attrs_define
class MonitorListResponse:
    """
    Attributes:
        success (bool):
        version (int):
        value (MonitorList):
    """

    success: bool
    version: int
    value: MonitorList
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        version = self.version

        value = self.value.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "version": version,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.monitor_list import MonitorList

        d = dict(src_dict)
        success = d.pop("success")

        version = d.pop("version")

        value = MonitorList.from_dict(d.pop("value"))

        monitor_list_response = cls(
            success=success,
            version=version,
            value=value,
        )

        monitor_list_response.additional_properties = d
        return monitor_list_response

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
