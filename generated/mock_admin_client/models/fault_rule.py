from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

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
        latency (float | Unset): Seconds of real delay added to the response of a request it catches (at most
            60, as an HTTP fault's latency).
    """

    definition: str
    id: str | Unset = UNSET
    delay: int | Unset = 1
    times: int | Unset = UNSET
    latency: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        definition = self.definition

        id = self.id

        delay = self.delay

        times = self.times

        latency = self.latency

        field_dict: dict[str, Any] = {}

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
        known = (
            "definition",
            "id",
            "delay",
            "times",
            "latency",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"FaultRule: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
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

        return fault_rule
