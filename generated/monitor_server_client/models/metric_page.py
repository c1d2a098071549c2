from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric import Metric


T = TypeVar("T", bound="MetricPage")


@_attrs_define
class MetricPage:
    """
    Attributes:
        metrics (list[Metric]):
        total_page (int):  Example: 3.
        prev_url (str | Unset): The previous page, relative to the server; absent on the first page. Example:
            /api/v1/sessions/?page=1.
        next_url (str | Unset): The next page, relative to the server; absent on the last page. Example:
            /api/v1/sessions/?page=3.
    """

    metrics: list[Metric]
    total_page: int
    prev_url: str | Unset = UNSET
    next_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        total_page = self.total_page

        prev_url = self.prev_url

        next_url = self.next_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metrics": metrics,
                "total_page": total_page,
            }
        )
        if prev_url is not UNSET:
            field_dict["prev_url"] = prev_url
        if next_url is not UNSET:
            field_dict["next_url"] = next_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metric import Metric

        d = dict(src_dict)
        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = Metric.from_dict(metrics_item_data)

            metrics.append(metrics_item)

        total_page = d.pop("total_page")

        prev_url = d.pop("prev_url", UNSET)

        next_url = d.pop("next_url", UNSET)

        metric_page = cls(
            metrics=metrics,
            total_page=total_page,
            prev_url=prev_url,
            next_url=next_url,
        )

        metric_page.additional_properties = d
        return metric_page

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
