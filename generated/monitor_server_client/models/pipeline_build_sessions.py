from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PipelineBuildSessions")


@_attrs_define
class PipelineBuildSessions:
    """
    Attributes:
        pipeline (str):  Example: main.
        build (str):  Example: 1824.
        sessions (list[None | str]): Tag values as text; a session without the tag gives null. Example: ['main',
            'release-2.0'].
        prev_url (None | str): The previous page, relative to the server; null on the first page. Example:
            /api/v1/pipelines/main/builds?page=1.
        next_url (None | str): The next page, relative to the server; null on the last page. Example:
            /api/v1/pipelines/main/builds?page=3.
        total_page (int):  Example: 3.
    """

    pipeline: str
    build: str
    sessions: list[None | str]
    prev_url: None | str
    next_url: None | str
    total_page: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pipeline = self.pipeline

        build = self.build

        sessions = []
        for componentsschemas_tag_values_item_data in self.sessions:
            componentsschemas_tag_values_item: None | str
            componentsschemas_tag_values_item = componentsschemas_tag_values_item_data
            sessions.append(componentsschemas_tag_values_item)

        prev_url: None | str
        prev_url = self.prev_url

        next_url: None | str
        next_url = self.next_url

        total_page = self.total_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pipeline": pipeline,
                "build": build,
                "sessions": sessions,
                "prev_url": prev_url,
                "next_url": next_url,
                "total_page": total_page,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pipeline = d.pop("pipeline")

        build = d.pop("build")

        sessions = []
        _sessions = d.pop("sessions")
        for componentsschemas_tag_values_item_data in _sessions:

            def _parse_componentsschemas_tag_values_item(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            componentsschemas_tag_values_item = (
                _parse_componentsschemas_tag_values_item(
                    componentsschemas_tag_values_item_data
                )
            )

            sessions.append(componentsschemas_tag_values_item)

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

        pipeline_build_sessions = cls(
            pipeline=pipeline,
            build=build,
            sessions=sessions,
            prev_url=prev_url,
            next_url=next_url,
            total_page=total_page,
        )

        pipeline_build_sessions.additional_properties = d
        return pipeline_build_sessions

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
