from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeedContext")


@_attrs_define
class SeedContext:
    """
    Attributes:
        h (str):
        cpu_count (int | Unset):
        cpu_frequency (float | Unset): MHz; pytest-monitor sends a fraction, the API answers an integer.
        cpu_type (str | Unset):
        cpu_vendor (str | Unset):
        ram_total (int | Unset):
        machine_node (str | Unset):
        machine_type (str | Unset):
        machine_arch (str | Unset):
        system_info (str | Unset):
        python_info (str | Unset):
    """

    h: str
    cpu_count: int | Unset = UNSET
    cpu_frequency: float | Unset = UNSET
    cpu_type: str | Unset = UNSET
    cpu_vendor: str | Unset = UNSET
    ram_total: int | Unset = UNSET
    machine_node: str | Unset = UNSET
    machine_type: str | Unset = UNSET
    machine_arch: str | Unset = UNSET
    system_info: str | Unset = UNSET
    python_info: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        h = self.h

        cpu_count = self.cpu_count

        cpu_frequency = self.cpu_frequency

        cpu_type = self.cpu_type

        cpu_vendor = self.cpu_vendor

        ram_total = self.ram_total

        machine_node = self.machine_node

        machine_type = self.machine_type

        machine_arch = self.machine_arch

        system_info = self.system_info

        python_info = self.python_info

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "h": h,
            }
        )
        if cpu_count is not UNSET:
            field_dict["cpu_count"] = cpu_count
        if cpu_frequency is not UNSET:
            field_dict["cpu_frequency"] = cpu_frequency
        if cpu_type is not UNSET:
            field_dict["cpu_type"] = cpu_type
        if cpu_vendor is not UNSET:
            field_dict["cpu_vendor"] = cpu_vendor
        if ram_total is not UNSET:
            field_dict["ram_total"] = ram_total
        if machine_node is not UNSET:
            field_dict["machine_node"] = machine_node
        if machine_type is not UNSET:
            field_dict["machine_type"] = machine_type
        if machine_arch is not UNSET:
            field_dict["machine_arch"] = machine_arch
        if system_info is not UNSET:
            field_dict["system_info"] = system_info
        if python_info is not UNSET:
            field_dict["python_info"] = python_info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "h",
            "cpu_count",
            "cpu_frequency",
            "cpu_type",
            "cpu_vendor",
            "ram_total",
            "machine_node",
            "machine_type",
            "machine_arch",
            "system_info",
            "python_info",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"SeedContext: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        h = d.pop("h")

        cpu_count = d.pop("cpu_count", UNSET)

        cpu_frequency = d.pop("cpu_frequency", UNSET)

        cpu_type = d.pop("cpu_type", UNSET)

        cpu_vendor = d.pop("cpu_vendor", UNSET)

        ram_total = d.pop("ram_total", UNSET)

        machine_node = d.pop("machine_node", UNSET)

        machine_type = d.pop("machine_type", UNSET)

        machine_arch = d.pop("machine_arch", UNSET)

        system_info = d.pop("system_info", UNSET)

        python_info = d.pop("python_info", UNSET)

        seed_context = cls(
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

        return seed_context
