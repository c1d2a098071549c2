from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scm_session import ScmSession


T = TypeVar("T", bound="ScmSessionPage")


@_attrs_define
class ScmSessionPage:
    """
    Attributes:
        sessions (list[ScmSession]):
        total_page (int):  Example: 3.
        prev_url (str | Unset): The previous page, relative to the server; absent on the first page. Example:
            /api/v1/sessions/?page=1.
        next_url (str | Unset): The next page, relative to the server; absent on the last page. Example:
            /api/v1/sessions/?page=3.
    """

    sessions: list[ScmSession]
    total_page: int
    prev_url: str | Unset = UNSET
    next_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        total_page = self.total_page

        prev_url = self.prev_url

        next_url = self.next_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessions": sessions,
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
        from ..models.scm_session import ScmSession

        d = dict(src_dict)
        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = ScmSession.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        total_page = d.pop("total_page")

        prev_url = d.pop("prev_url", UNSET)

        next_url = d.pop("next_url", UNSET)

        scm_session_page = cls(
            sessions=sessions,
            total_page=total_page,
            prev_url=prev_url,
            next_url=next_url,
        )

        scm_session_page.additional_properties = d
        return scm_session_page

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
