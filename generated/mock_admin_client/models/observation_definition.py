from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ObservationDefinition")


@_attrs_define
class ObservationDefinition:
    """
    Attributes:
        path (str): What observations name in their `definition`.
        unique (list[str] | Unset): Names of `data` properties whose values make an observation unique.
        unique_window (int | None | Unset): Seconds during which an equal observation is `suppressed`.
        throttle_count (int | None | Unset): Successes allowed per `throttle_period` and account (null, no limit).
        throttle_period (int | None | Unset): The throttle's trailing window, seconds.
        account_id (None | str | Unset): The account it applies to; null for every account. The account need not exist
            yet: the definition applies once it does.
    """

    path: str
    unique: list[str] | Unset = UNSET
    unique_window: int | None | Unset = UNSET
    throttle_count: int | None | Unset = UNSET
    throttle_period: int | None | Unset = UNSET
    account_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        unique: list[str] | Unset = UNSET
        if not isinstance(self.unique, Unset):
            unique = self.unique

        unique_window: int | None | Unset
        if isinstance(self.unique_window, Unset):
            unique_window = UNSET
        else:
            unique_window = self.unique_window

        throttle_count: int | None | Unset
        if isinstance(self.throttle_count, Unset):
            throttle_count = UNSET
        else:
            throttle_count = self.throttle_count

        throttle_period: int | None | Unset
        if isinstance(self.throttle_period, Unset):
            throttle_period = UNSET
        else:
            throttle_period = self.throttle_period

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "path": path,
            }
        )
        if unique is not UNSET:
            field_dict["unique"] = unique
        if unique_window is not UNSET:
            field_dict["unique_window"] = unique_window
        if throttle_count is not UNSET:
            field_dict["throttle_count"] = throttle_count
        if throttle_period is not UNSET:
            field_dict["throttle_period"] = throttle_period
        if account_id is not UNSET:
            field_dict["account_id"] = account_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "path",
            "unique",
            "unique_window",
            "throttle_count",
            "throttle_period",
            "account_id",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"ObservationDefinition: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        path = d.pop("path")

        unique = cast(list[str], d.pop("unique", UNSET))

        def _parse_unique_window(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unique_window = _parse_unique_window(d.pop("unique_window", UNSET))

        def _parse_throttle_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        throttle_count = _parse_throttle_count(d.pop("throttle_count", UNSET))

        def _parse_throttle_period(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        throttle_period = _parse_throttle_period(d.pop("throttle_period", UNSET))

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        observation_definition = cls(
            path=path,
            unique=unique,
            unique_window=unique_window,
            throttle_count=throttle_count,
            throttle_period=throttle_period,
            account_id=account_id,
        )

        return observation_definition
