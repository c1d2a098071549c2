from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metric import Metric


T = TypeVar("T", bound="ResourceMetrics")


@_attrs_define
class ResourceMetrics:
    """
    Attributes:
        metrics (list[Metric]):
        prev_url (None | str): Always null (not paged).
        next_url (None | str): Always null (not paged).
        total_page (int): Always 1. Example: 1.
    """

    metrics: list[Metric]
    prev_url: None | str
    next_url: None | str
    total_page: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        prev_url: None | str
        prev_url = self.prev_url

        next_url: None | str
        next_url = self.next_url

        total_page = self.total_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metrics": metrics,
                "prev_url": prev_url,
                "next_url": next_url,
                "total_page": total_page,
            }
        )

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

        def _parse_prev_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        prev_url = _parse_prev_url(d.pop("prev_url"))

        def _parse_next_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_url = _parse_next_url(d.pop("next_url"))

        total_page = d.pop("total_page")

        resource_metrics = cls(
            metrics=metrics,
            prev_url=prev_url,
            next_url=next_url,
            total_page=total_page,
        )

        resource_metrics.additional_properties = d
        return resource_metrics

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
