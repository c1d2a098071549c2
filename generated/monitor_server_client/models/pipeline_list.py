from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PipelineList")


@_attrs_define
class PipelineList:
    """
    Example:
        {'pipelines': ['main', 'release-2.0']}

    Attributes:
        pipelines (list[None | str]): Tag values as text; a session without the tag gives null. Example: ['main',
            'release-2.0'].
    """

    pipelines: list[None | str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pipelines = []
        for componentsschemas_tag_values_item_data in self.pipelines:
            componentsschemas_tag_values_item: None | str
            componentsschemas_tag_values_item = componentsschemas_tag_values_item_data
            pipelines.append(componentsschemas_tag_values_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pipelines": pipelines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pipelines = []
        _pipelines = d.pop("pipelines")
        for componentsschemas_tag_values_item_data in _pipelines:

            def _parse_componentsschemas_tag_values_item(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            componentsschemas_tag_values_item = (
                _parse_componentsschemas_tag_values_item(
                    componentsschemas_tag_values_item_data
                )
            )

            pipelines.append(componentsschemas_tag_values_item)

        pipeline_list = cls(
            pipelines=pipelines,
        )

        pipeline_list.additional_properties = d
        return pipeline_list

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
