from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Metric")


@_attrs_define
class Metric:
    """The measure of one test item in one session and context.

    Example:
        {'session_h': '0041724ff4e0adac62b70b4f810c79fc5ad8ba5b', 'context_h':
            'e9188c68dd9ddeccd0a2f59422d16a2bf7337683', 'item_start_time': '2020-12-04T23:18:15.661016', 'item_path':
            'tests.test_file', 'item': 'test_server_up', 'item_variant': 'test_server_up[]', 'item_fs_loc':
            'tests/test_file.py', 'kind': 'function', 'component': 'server', 'total_time': 0.53, 'user_time': 0.41,
            'kernel_time': 0.02, 'cpu_usage': 0.81, 'mem_usage': 12.6}

    Attributes:
        session_h (str):  Example: 0041724ff4e0adac62b70b4f810c79fc5ad8ba5b.
        context_h (str):  Example: e9188c68dd9ddeccd0a2f59422d16a2bf7337683.
        item_start_time (str): When the item started, ISO 8601 (stored and answered as sent). Example:
            2020-12-04T23:18:15.661016.
        item_path (str): The item's module, dotted. Example: tests.test_file.
        item (str):  Example: test_server_up.
        item_variant (str): The item with its parametrization. Example: test_server_up[].
        item_fs_loc (str):  Example: tests/test_file.py.
        kind (str): function, module or package. Example: function.
        component (str): The component the item belongs to (empty for none). Example: server.
        total_time (float): Wall time, seconds. Example: 0.53.
        user_time (float):  Example: 0.41.
        kernel_time (float):  Example: 0.02.
        cpu_usage (float):  Example: 0.81.
        mem_usage (float): Memory used beyond the session's baseline, MB. Example: 12.6.
    """

    session_h: str
    context_h: str
    item_start_time: str
    item_path: str
    item: str
    item_variant: str
    item_fs_loc: str
    kind: str
    component: str
    total_time: float
    user_time: float
    kernel_time: float
    cpu_usage: float
    mem_usage: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_h = self.session_h

        context_h = self.context_h

        item_start_time = self.item_start_time

        item_path = self.item_path

        item = self.item

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_h": session_h,
                "context_h": context_h,
                "item_start_time": item_start_time,
                "item_path": item_path,
                "item": item,
                "item_variant": item_variant,
                "item_fs_loc": item_fs_loc,
                "kind": kind,
                "component": component,
                "total_time": total_time,
                "user_time": user_time,
                "kernel_time": kernel_time,
                "cpu_usage": cpu_usage,
                "mem_usage": mem_usage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        session_h = d.pop("session_h")

        context_h = d.pop("context_h")

        item_start_time = d.pop("item_start_time")

        item_path = d.pop("item_path")

        item = d.pop("item")

        item_variant = d.pop("item_variant")

        item_fs_loc = d.pop("item_fs_loc")

        kind = d.pop("kind")

        component = d.pop("component")

        total_time = d.pop("total_time")

        user_time = d.pop("user_time")

        kernel_time = d.pop("kernel_time")

        cpu_usage = d.pop("cpu_usage")

        mem_usage = d.pop("mem_usage")

        metric = cls(
            session_h=session_h,
            context_h=context_h,
            item_start_time=item_start_time,
            item_path=item_path,
            item=item,
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

        metric.additional_properties = d
        return metric

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
