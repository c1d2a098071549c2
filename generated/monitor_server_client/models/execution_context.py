from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExecutionContext")


@_attrs_define
class ExecutionContext:
    """An execution context as the server answers it.

    Example:
        {'h': 'e9188c68dd9ddeccd0a2f59422d16a2b', 'cpu_count': 8, 'cpu_frequency': 2893, 'cpu_type': 'x86_64',
            'cpu_vendor': 'Intel(R) Core(TM) i7-8665U CPU @ 1.90GHz', 'ram_total': 15747, 'machine_node': 'ci-
            runner-07.example.org', 'machine_type': 'x86_64', 'machine_arch': '64bit', 'system_info': 'Linux -
            6.8.0-31-generic', 'python_info': '3.11.9 (main, Apr  6 2024, 17:59:24) [GCC 11.4.0]'}

    Attributes:
        h (str):  Example: e9188c68dd9ddeccd0a2f59422d16a2b.
        cpu_count (int):  Example: 8.
        cpu_frequency (int): Nominal CPU frequency in MHz, its whole part. Example: 2893.
        cpu_type (str):  Example: x86_64.
        cpu_vendor (None | str):  Example: Intel(R) Core(TM) i7-8665U CPU @ 1.90GHz.
        ram_total (int):  Example: 15747.
        machine_node (str):  Example: ci-runner-07.example.org.
        machine_type (str):  Example: x86_64.
        machine_arch (str):  Example: 64bit.
        system_info (str):  Example: Linux - 6.8.0-31-generic.
        python_info (str):  Example: 3.11.9 (main, Apr  6 2024, 17:59:24) [GCC 11.4.0].
    """

    h: str
    cpu_count: int
    cpu_frequency: int
    cpu_type: str
    cpu_vendor: None | str
    ram_total: int
    machine_node: str
    machine_type: str
    machine_arch: str
    system_info: str
    python_info: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        h = self.h

        cpu_count = self.cpu_count

        cpu_frequency = self.cpu_frequency

        cpu_type = self.cpu_type

        cpu_vendor: None | str
        cpu_vendor = self.cpu_vendor

        ram_total = self.ram_total

        machine_node = self.machine_node

        machine_type = self.machine_type

        machine_arch = self.machine_arch

        system_info = self.system_info

        python_info = self.python_info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "h": h,
                "cpu_count": cpu_count,
                "cpu_frequency": cpu_frequency,
                "cpu_type": cpu_type,
                "cpu_vendor": cpu_vendor,
                "ram_total": ram_total,
                "machine_node": machine_node,
                "machine_type": machine_type,
                "machine_arch": machine_arch,
                "system_info": system_info,
                "python_info": python_info,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        h = d.pop("h")

        cpu_count = d.pop("cpu_count")

        cpu_frequency = d.pop("cpu_frequency")

        cpu_type = d.pop("cpu_type")

        def _parse_cpu_vendor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cpu_vendor = _parse_cpu_vendor(d.pop("cpu_vendor"))

        ram_total = d.pop("ram_total")

        machine_node = d.pop("machine_node")

        machine_type = d.pop("machine_type")

        machine_arch = d.pop("machine_arch")

        system_info = d.pop("system_info")

        python_info = d.pop("python_info")

        execution_context = cls(
            h=h,
            cpu_count=cpu_count,
            cpu_frequency=cpu_frequency,
            cpu_type=cpu_type,
            cpu_vendor=cpu_vendor,
            ram_total=ram_total,
            machine_node=machine_node,
            machine_type=machine_type,
            machine_arch=machine_arch,
            system_info=system_info,
            python_info=python_info,
        )

        execution_context.additional_properties = d
        return execution_context

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
