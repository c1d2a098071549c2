from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tag import Tag


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """
    Example:
        {'session_h': '0041724ff4e0adac62b70b4f810c79fc5ad8ba5b', 'run_date': '2020-12-04T23:18:15.661016', 'scm_ref':
            '4914d195225cf6b1c5a160c555b6948ea1ba2bcd', 'tags': [{'name': 'numpy', 'value': '1.17.1'}]}

    Attributes:
        session_h (str):  Example: 0041724ff4e0adac62b70b4f810c79fc5ad8ba5b.
        run_date (str): ISO 8601, re-rendered (`2024-05-13` → `2024-05-13T00:00:00`, `Z` → `+00:00`). Example:
            2020-12-04T23:18:15.661016.
        scm_ref (None | str):  Example: 4914d195225cf6b1c5a160c555b6948ea1ba2bcd.
        tags (list[Tag]):
    """

    session_h: str
    run_date: str
    scm_ref: None | str
    tags: list[Tag]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_h = self.session_h

        run_date = self.run_date

        scm_ref: None | str
        scm_ref = self.scm_ref

        tags = []
        for tags_item_data in self.tags:
            tags_item = tags_item_data.to_dict()
            tags.append(tags_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_h": session_h,
                "run_date": run_date,
                "scm_ref": scm_ref,
                "tags": tags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tag import Tag

        d = dict(src_dict)
        session_h = d.pop("session_h")

        run_date = d.pop("run_date")

        def _parse_scm_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scm_ref = _parse_scm_ref(d.pop("scm_ref"))

        tags = []
        _tags = d.pop("tags")
        for tags_item_data in _tags:
            tags_item = Tag.from_dict(tags_item_data)

            tags.append(tags_item)

        session = cls(
            session_h=session_h,
            run_date=run_date,
            scm_ref=scm_ref,
            tags=tags,
        )

        session.additional_properties = d
        return session

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
