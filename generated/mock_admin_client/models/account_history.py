from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_history_markers_item import AccountHistoryMarkersItem
    from ..models.account_history_successes_item import AccountHistorySuccessesItem
    from ..models.account_history_unique_keys_item import AccountHistoryUniqueKeysItem


T = TypeVar("T", bound="AccountHistory")


@_attrs_define
class AccountHistory:
    """
    Attributes:
        account_id (str):
        markers (list[AccountHistoryMarkersItem] | Unset): Progress markers already published (a new one is a
            `duplicate`).
        unique_keys (list[AccountHistoryUniqueKeysItem] | Unset): The unique values of recent successes (an equal
            observation within the
            definition's `unique_window` of `at` is `suppressed`).
        successes (list[AccountHistorySuccessesItem] | Unset): Mock times of recent successes per definition (its
            throttle's count).
    """

    account_id: str
    markers: list[AccountHistoryMarkersItem] | Unset = UNSET
    unique_keys: list[AccountHistoryUniqueKeysItem] | Unset = UNSET
    successes: list[AccountHistorySuccessesItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        markers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.markers, Unset):
            markers = []
            for markers_item_data in self.markers:
                markers_item = markers_item_data.to_dict()
                markers.append(markers_item)

        unique_keys: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unique_keys, Unset):
            unique_keys = []
            for unique_keys_item_data in self.unique_keys:
                unique_keys_item = unique_keys_item_data.to_dict()
                unique_keys.append(unique_keys_item)

        successes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.successes, Unset):
            successes = []
            for successes_item_data in self.successes:
                successes_item = successes_item_data.to_dict()
                successes.append(successes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
            }
        )
        if markers is not UNSET:
            field_dict["markers"] = markers
        if unique_keys is not UNSET:
            field_dict["unique_keys"] = unique_keys
        if successes is not UNSET:
            field_dict["successes"] = successes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.account_history_markers_item import AccountHistoryMarkersItem
        from ..models.account_history_successes_item import AccountHistorySuccessesItem
        from ..models.account_history_unique_keys_item import (
            AccountHistoryUniqueKeysItem,
        )

        known = (
            "account_id",
            "markers",
            "unique_keys",
            "successes",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"AccountHistory: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        account_id = d.pop("account_id")

        _markers = d.pop("markers", UNSET)
        markers: list[AccountHistoryMarkersItem] | Unset = UNSET
        if _markers is not UNSET:
            markers = []
            for markers_item_data in _markers:
                markers_item = AccountHistoryMarkersItem.from_dict(markers_item_data)

                markers.append(markers_item)

        _unique_keys = d.pop("unique_keys", UNSET)
        unique_keys: list[AccountHistoryUniqueKeysItem] | Unset = UNSET
        if _unique_keys is not UNSET:
            unique_keys = []
            for unique_keys_item_data in _unique_keys:
                unique_keys_item = AccountHistoryUniqueKeysItem.from_dict(
                    unique_keys_item_data
                )

                unique_keys.append(unique_keys_item)

        _successes = d.pop("successes", UNSET)
        successes: list[AccountHistorySuccessesItem] | Unset = UNSET
        if _successes is not UNSET:
            successes = []
            for successes_item_data in _successes:
                successes_item = AccountHistorySuccessesItem.from_dict(
                    successes_item_data
                )

                successes.append(successes_item)

        account_history = cls(
            account_id=account_id,
            markers=markers,
            unique_keys=unique_keys,
            successes=successes,
        )

        return account_history
