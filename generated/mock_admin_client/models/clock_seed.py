from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClockSeed")


@_attrs_define
class ClockSeed:
    """The mock clock, set before anything else of the document is loaded (so defaults
    taken from the clock follow it). `now` jumps to that time (backwards too); `frozen`
    stops or restarts the clock; `offset` (seconds ahead of real time) sets a running
    clock's lead instead of `now`, which keeps the clock's lead across a restart
    (`--state`). A snapshot gives `now` and `frozen`, and `offset` when the clock runs.

        Attributes:
            now (float | Unset): Epoch seconds, before the year 3000 (times are written as dates).
            offset (float | Unset): A running clock's lead on real time, seconds (ignored when frozen).
            frozen (bool | Unset):
    """

    now: float | Unset = UNSET
    offset: float | Unset = UNSET
    frozen: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        now = self.now

        offset = self.offset

        frozen = self.frozen

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if now is not UNSET:
            field_dict["now"] = now
        if offset is not UNSET:
            field_dict["offset"] = offset
        if frozen is not UNSET:
            field_dict["frozen"] = frozen

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "now",
            "offset",
            "frozen",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"ClockSeed: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        now = d.pop("now", UNSET)

        offset = d.pop("offset", UNSET)

        frozen = d.pop("frozen", UNSET)

        clock_seed = cls(
            now=now,
            offset=offset,
            frozen=frozen,
        )

        return clock_seed
