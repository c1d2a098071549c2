from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeedMetric")


@_attrs_define
class SeedMetric:
    """
    Attributes:
        session_h (str):
        context_h (str):
        item (str):
        item_start_time (str | Unset):
        item_path (str | Unset):
        item_variant (str | Unset):
        item_fs_loc (str | Unset):
        kind (str | Unset):
        component (str | Unset):
        total_time (float | Unset):
        user_time (float | Unset):
        kernel_time (float | Unset):
        cpu_usage (float | Unset):
        mem_usage (float | Unset):
    """

    session_h: str
    context_h: str
    item: str
    item_start_time: str | Unset = UNSET
    item_path: str | Unset = UNSET
    item_variant: str | Unset = UNSET
    item_fs_loc: str | Unset = UNSET
    kind: str | Unset = UNSET
    component: str | Unset = UNSET
    total_time: float | Unset = UNSET
    user_time: float | Unset = UNSET
    kernel_time: float | Unset = UNSET
    cpu_usage: float | Unset = UNSET
    mem_usage: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        session_h = self.session_h

        context_h = self.context_h

        item = self.item

        item_start_time = self.item_start_time

        item_path = self.item_path

        item_variant = self.item_variant

        item_fs_loc = self.item_fs_loc

        kind = self.kind

        component = self.component

        total_time = self.total_time

        user_time = self.user_time

        kernel_time = self.kernel_time

        cpu_usage = self.cpu_usage

        mem_usage = self.mem_usage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "session_h": session_h,
                "context_h": context_h,
                "item": item,
            }
        )
        if item_start_time is not UNSET:
            field_dict["item_start_time"] = item_start_time
        if item_path is not UNSET:
            field_dict["item_path"] = item_path
        if item_variant is not UNSET:
            field_dict["item_variant"] = item_variant
        if item_fs_loc is not UNSET:
            field_dict["item_fs_loc"] = item_fs_loc
        if kind is not UNSET:
            field_dict["kind"] = kind
        if component is not UNSET:
            field_dict["component"] = component
        if total_time is not UNSET:
            field_dict["total_time"] = total_time
        if user_time is not UNSET:
            field_dict["user_time"] = user_time
        if kernel_time is not UNSET:
            field_dict["kernel_time"] = kernel_time
        if cpu_usage is not UNSET:
            field_dict["cpu_usage"] = cpu_usage
        if mem_usage is not UNSET:
            field_dict["mem_usage"] = mem_usage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "session_h",
            "context_h",
            "item",
            "item_start_time",
            "item_path",
            "item_variant",
            "item_fs_loc",
            "kind",
            "component",
            "total_time",
            "user_time",
            "kernel_time",
            "cpu_usage",
            "mem_usage",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"SeedMetric: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        session_h = d.pop("session_h")

        context_h = d.pop("context_h")

        item = d.pop("item")

        item_start_time = d.pop("item_start_time", UNSET)

        item_path = d.pop("item_path", UNSET)

        item_variant = d.pop("item_variant", UNSET)

        item_fs_loc = d.pop("item_fs_loc", UNSET)

        kind = d.pop("kind", UNSET)

        component = d.pop("component", UNSET)

        total_time = d.pop("total_time", UNSET)

        user_time = d.pop("user_time", UNSET)

        kernel_time = d.pop("kernel_time", UNSET)

        cpu_usage = d.pop("cpu_usage", UNSET)

        mem_usage = d.pop("mem_usage", UNSET)

        seed_metric = cls(
            session_h=session_h,
            context_h=context_h,
            item=item,
            item_start_time=item_start_time,
            item_path=item_path,
            item_variant=item_variant,
            item_fs_loc=item_fs_loc,
            kind=kind,
            component=component,
            total_time=total_time,
            user_time=user_time,
            kernel_time=kernel_time,
            cpu_usage=cpu_usage,
            mem_usage=mem_usage,
        )

        return seed_metric
