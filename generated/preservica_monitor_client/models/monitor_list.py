from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monitor import Monitor
    from ..models.monitor_paging import MonitorPaging


T = TypeVar("T", bound="MonitorList")


@_attrs_define
class MonitorList:
    """
    Attributes:
        paging (MonitorPaging): Monitors are not paged: only how many there are. The National Archives' Preservica
            client decodes this object (and fails without it).
        monitors (list[Monitor]):
    """

    paging: MonitorPaging
    monitors: list[Monitor]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        paging = self.paging.to_dict()

        monitors = []
        for monitors_item_data in self.monitors:
            monitors_item = monitors_item_data.to_dict()
            monitors.append(monitors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "paging": paging,
                "monitors": monitors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.monitor import Monitor
        from ..models.monitor_paging import MonitorPaging

        d = dict(src_dict)
        paging = MonitorPaging.from_dict(d.pop("paging"))

        monitors = []
        _monitors = d.pop("monitors")
        for monitors_item_data in _monitors:
            monitors_item = Monitor.from_dict(monitors_item_data)

            monitors.append(monitors_item)

        monitor_list = cls(
            paging=paging,
            monitors=monitors,
        )

        monitor_list.additional_properties = d
        return monitor_list

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
