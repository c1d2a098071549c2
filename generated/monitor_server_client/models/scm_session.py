from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tag import Tag


T = TypeVar("T", bound="ScmSession")


@_attrs_define
class ScmSession:
    """
    Example:
        {'session_h': '0041724ff4e0adac62b70b4f810c79fc5ad8ba5b', 'run_date': '2020-12-04T23:18:15.661016', 'scm_ref':
            '4914d195225cf6b1c5a160c555b6948ea1ba2bcd', 'tags': None}

    Attributes:
        session_h (str):  Example: 0041724ff4e0adac62b70b4f810c79fc5ad8ba5b.
        run_date (str): ISO 8601, re-rendered as in `Session`. Example: 2020-12-04T23:18:15.661016.
        scm_ref (None | str):  Example: 4914d195225cf6b1c5a160c555b6948ea1ba2bcd.
        tags (list[Tag] | None): Always null here.
    """

    session_h: str
    run_date: str
    scm_ref: None | str
    tags: list[Tag] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_h = self.session_h

        run_date = self.run_date

        scm_ref: None | str
        scm_ref = self.scm_ref

        tags: list[dict[str, Any]] | None
        if isinstance(self.tags, list):
            tags = []
            for tags_type_0_item_data in self.tags:
                tags_type_0_item = tags_type_0_item_data.to_dict()
                tags.append(tags_type_0_item)

        else:
            tags = self.tags

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

        def _parse_tags(data: object) -> list[Tag] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = []
                _tags_type_0 = data
                for tags_type_0_item_data in _tags_type_0:
                    tags_type_0_item = Tag.from_dict(tags_type_0_item_data)

                    tags_type_0.append(tags_type_0_item)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Tag] | None, data)

        tags = _parse_tags(d.pop("tags"))

        scm_session = cls(
            session_h=session_h,
            run_date=run_date,
            scm_ref=scm_ref,
            tags=tags,
        )

        scm_session.additional_properties = d
        return scm_session

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
