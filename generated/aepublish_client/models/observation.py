from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.observation_data import ObservationData


T = TypeVar("T", bound="Observation")


@_attrs_define
class Observation:
    """One observation to publish. Keys beyond these are allowed and ignored by the mock.

    Example:
        {'definition': 'aws/guardduty/finding', 'progress_marker': 'guardduty:2025-06-15T15:06:40Z:0001', 'ts':
            1750000000, 'data': {'finding_id': '6ab8e1d7c1c24a9a8e6c4b1f2a3d4e5f', 'severity': 8}}

    Attributes:
        definition (str): The path of the observation definition it belongs to. Example: aws/guardduty/finding.
        progress_marker (str | Unset): The publisher's checkpoint. Publishing a marker a second time for the same
            account answers `duplicate`.
             Example: guardduty:2025-06-15T15:06:40Z:0001.
        ts (float | Unset): When it was observed, in epoch seconds. Example: 1750000000.
        data (ObservationData | Unset): The observed properties; the definition's `unique` ones are among them. Example:
            {'finding_id': '6ab8e1d7c1c24a9a8e6c4b1f2a3d4e5f', 'severity': 8}.
    """

    definition: str
    progress_marker: str | Unset = UNSET
    ts: float | Unset = UNSET
    data: ObservationData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        definition = self.definition

        progress_marker = self.progress_marker

        ts = self.ts

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "definition": definition,
            }
        )
        if progress_marker is not UNSET:
            field_dict["progress_marker"] = progress_marker
        if ts is not UNSET:
            field_dict["ts"] = ts
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.observation_data import ObservationData

        d = dict(src_dict)
        definition = d.pop("definition")

        progress_marker = d.pop("progress_marker", UNSET)

        ts = d.pop("ts", UNSET)

        _data = d.pop("data", UNSET)
        data: ObservationData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = ObservationData.from_dict(_data)

        observation = cls(
            definition=definition,
            progress_marker=progress_marker,
            ts=ts,
            data=data,
        )

        observation.additional_properties = d
        return observation

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
