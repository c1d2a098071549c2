from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.account_history_unique_keys_item_values import (
        AccountHistoryUniqueKeysItemValues,
    )


T = TypeVar("T", bound="AccountHistoryUniqueKeysItem")


@_attrs_define
class AccountHistoryUniqueKeysItem:
    """
    Attributes:
        definition (str):
        values (AccountHistoryUniqueKeysItemValues): The `unique` properties of the observation's `data`.
        ingest_id (str):
        at (float): Mock time of the success, epoch seconds.
    """

    definition: str
    values: AccountHistoryUniqueKeysItemValues
    ingest_id: str
    at: float

    def to_dict(self) -> dict[str, Any]:
        definition = self.definition

        values = self.values.to_dict()

        ingest_id = self.ingest_id

        at = self.at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "definition": definition,
                "values": values,
                "ingest_id": ingest_id,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.account_history_unique_keys_item_values import (
            AccountHistoryUniqueKeysItemValues,
        )

        known = (
            "definition",
            "values",
            "ingest_id",
            "at",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"AccountHistoryUniqueKeysItem: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        definition = d.pop("definition")

        values = AccountHistoryUniqueKeysItemValues.from_dict(d.pop("values"))

        ingest_id = d.pop("ingest_id")

        at = d.pop("at")

        account_history_unique_keys_item = cls(
            definition=definition,
            values=values,
            ingest_id=ingest_id,
            at=at,
        )

        return account_history_unique_keys_item
