from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="AccountHistorySuccessesItem")


@_attrs_define
class AccountHistorySuccessesItem:
    """
    Attributes:
        definition (str):
        at (list[float]):
    """

    definition: str
    at: list[float]

    def to_dict(self) -> dict[str, Any]:
        definition = self.definition

        at = self.at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "definition": definition,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "definition",
            "at",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"AccountHistorySuccessesItem: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        definition = d.pop("definition")

        at = cast(list[float], d.pop("at"))

        account_history_successes_item = cls(
            definition=definition,
            at=at,
        )

        return account_history_successes_item
