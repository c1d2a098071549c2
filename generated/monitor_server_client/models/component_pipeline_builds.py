from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ComponentPipelineBuilds")


@_attrs_define
class ComponentPipelineBuilds:
    """
    Attributes:
        component (str):  Example: linalg.
        pipeline (str):  Example: main.
        builds (list[None | str]): Tag values as text; a session without the tag gives null. Example: ['main',
            'release-2.0'].
        prev_url (None | str): The previous page, relative to the server; null on the first page. Example:
            /api/v1/pipelines/main/builds?page=1.
        next_url (None | str): The next page, relative to the server; null on the last page. Example:
            /api/v1/pipelines/main/builds?page=3.
        total_page (int):  Example: 3.
    """

    component: str
    pipeline: str
    builds: list[None | str]
    prev_url: None | str
    next_url: None | str
    total_page: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        component = self.component

        pipeline = self.pipeline

        builds = []
        for componentsschemas_tag_values_item_data in self.builds:
            componentsschemas_tag_values_item: None | str
            componentsschemas_tag_values_item = componentsschemas_tag_values_item_data
            builds.append(componentsschemas_tag_values_item)

        prev_url: None | str
        prev_url = self.prev_url

        next_url: None | str
        next_url = self.next_url

        total_page = self.total_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "component": component,
                "pipeline": pipeline,
                "builds": builds,
                "prev_url": prev_url,
                "next_url": next_url,
                "total_page": total_page,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        component = d.pop("component")

        pipeline = d.pop("pipeline")

        builds = []
        _builds = d.pop("builds")
        for componentsschemas_tag_values_item_data in _builds:

            def _parse_componentsschemas_tag_values_item(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            componentsschemas_tag_values_item = (
                _parse_componentsschemas_tag_values_item(
                    componentsschemas_tag_values_item_data
                )
            )

            builds.append(componentsschemas_tag_values_item)

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

        component_pipeline_builds = cls(
            component=component,
            pipeline=pipeline,
            builds=builds,
            prev_url=prev_url,
            next_url=next_url,
            total_page=total_page,
        )

        component_pipeline_builds.additional_properties = d
        return component_pipeline_builds

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
