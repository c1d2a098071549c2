from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AccountHistoryMarkersItem")


@_attrs_define
class AccountHistoryMarkersItem:
    """
    Attributes:
        marker (str):
        ingest_id (str):
    """

    marker: str
    ingest_id: str

    def to_dict(self) -> dict[str, Any]:
        marker = self.marker

        ingest_id = self.ingest_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "marker": marker,
                "ingest_id": ingest_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "marker",
            "ingest_id",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"AccountHistoryMarkersItem: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        marker = d.pop("marker")

        ingest_id = d.pop("ingest_id")

        account_history_markers_item = cls(
            marker=marker,
            ingest_id=ingest_id,
        )

        return account_history_markers_item
