from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.observation_result import ObservationResult
    from ..models.publish_stats import PublishStats


T = TypeVar("T", bound="PublishResponse")


@_attrs_define
class PublishResponse:
    """
    Attributes:
        observations (list[ObservationResult]): One outcome per observation of the request, in the same order.
        stats (PublishStats): How many observations of the request got each outcome (zeros included). Example:
            {'success': 998, 'retry': 0, 'error': 1, 'suppressed': 0, 'throttled': 0, 'duplicate': 1}.
    """

    observations: list[ObservationResult]
    stats: PublishStats
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        observations = []
        for observations_item_data in self.observations:
            observations_item = observations_item_data.to_dict()
            observations.append(observations_item)

        stats = self.stats.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "observations": observations,
                "stats": stats,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.observation_result import ObservationResult
        from ..models.publish_stats import PublishStats

        d = dict(src_dict)
        observations = []
        _observations = d.pop("observations")
        for observations_item_data in _observations:
            observations_item = ObservationResult.from_dict(observations_item_data)

            observations.append(observations_item)

        stats = PublishStats.from_dict(d.pop("stats"))

        publish_response = cls(
            observations=observations,
            stats=stats,
        )

        publish_response.additional_properties = d
        return publish_response

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
