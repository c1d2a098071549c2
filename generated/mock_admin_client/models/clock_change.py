from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClockChange")


@_attrs_define
class ClockChange:
    """At most one of `advance` and `now`, and/or `frozen`.

    Attributes:
        advance (float | Unset): Seconds to move forward; the clock stays before the year 3000.
        now (float | Unset): Absolute epoch seconds to jump to, before the year 3000.
        frozen (bool | Unset): Stop (true) or restart (false) the clock.
    """

    advance: float | Unset = UNSET
    now: float | Unset = UNSET
    frozen: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        advance = self.advance

        now = self.now

        frozen = self.frozen

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if advance is not UNSET:
            field_dict["advance"] = advance
        if now is not UNSET:
            field_dict["now"] = now
        if frozen is not UNSET:
            field_dict["frozen"] = frozen

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "advance",
            "now",
            "frozen",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"ClockChange: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        advance = d.pop("advance", UNSET)

        now = d.pop("now", UNSET)

        frozen = d.pop("frozen", UNSET)

        clock_change = cls(
            advance=advance,
            now=now,
            frozen=frozen,
        )

        return clock_change
