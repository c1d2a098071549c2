from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FaultRule")


@_attrs_define
class FaultRule:
    """
    Attributes:
        definition (str): The observation definition path the rule catches.
        id (str | Unset):
        delay (int | Unset): The `delay` (seconds) of the `retry` outcome. Default: 1.
        times (int | Unset): How many observations it catches; absent, until removed.
        latency (float | Unset): Seconds of real delay added to the response of a request it catches.
    """

    definition: str
    id: str | Unset = UNSET
    delay: int | Unset = 1
    times: int | Unset = UNSET
    latency: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        definition = self.definition

        id = self.id

        delay = self.delay

        times = self.times

        latency = self.latency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "definition": definition,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if delay is not UNSET:
            field_dict["delay"] = delay
        if times is not UNSET:
            field_dict["times"] = times
        if latency is not UNSET:
            field_dict["latency"] = latency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        definition = d.pop("definition")

        id = d.pop("id", UNSET)

        delay = d.pop("delay", UNSET)

        times = d.pop("times", UNSET)

        latency = d.pop("latency", UNSET)

        fault_rule = cls(
            definition=definition,
            id=id,
            delay=delay,
            times=times,
            latency=latency,
        )

        fault_rule.additional_properties = d
        return fault_rule

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
