from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_description import SessionDescription


T = TypeVar("T", bound="SessionCreate")


@_attrs_define
class SessionCreate:
    """pytest-monitor's form of a new session.

    Example:
        {'session_h': '2bdcf62f5cfaa71e9ede529ed4a43963', 'run_date': '2024-05-13T09:12:44.301552', 'scm_ref':
            '4914d195225cf6b1c5a160c555b6948ea1ba2bcd', 'description': {'numpy': '1.26.4'}}

    Attributes:
        session_h (str): An identification key (pytest-monitor uses 32-hex MD5 digests). Example:
            0041724ff4e0adac62b70b4f810c79fc5ad8ba5b.
        run_date (str): When the session started: an ISO 8601 date and time as pytest-monitor writes it
            (no time zone needed), e.g. `2020-12-04T23:18:15.661016`.
             Example: 2020-12-04T23:18:15.661016.
        description (SessionDescription): The session's tags, name to value (values are usually strings). Example:
            {'numpy': '1.17.1', 'description': 'Trying another numpy version.'}.
        scm_ref (None | str | Unset): The SCM revision the session ran on, if any. Example:
            4914d195225cf6b1c5a160c555b6948ea1ba2bcd.
    """

    session_h: str
    run_date: str
    description: SessionDescription
    scm_ref: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_h = self.session_h

        run_date = self.run_date

        description = self.description.to_dict()

        scm_ref: None | str | Unset
        if isinstance(self.scm_ref, Unset):
            scm_ref = UNSET
        else:
            scm_ref = self.scm_ref

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_h": session_h,
                "run_date": run_date,
                "description": description,
            }
        )
        if scm_ref is not UNSET:
            field_dict["scm_ref"] = scm_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_description import SessionDescription

        d = dict(src_dict)
        session_h = d.pop("session_h")

        run_date = d.pop("run_date")

        description = SessionDescription.from_dict(d.pop("description"))

        def _parse_scm_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scm_ref = _parse_scm_ref(d.pop("scm_ref", UNSET))

        session_create = cls(
            session_h=session_h,
            run_date=run_date,
            description=description,
            scm_ref=scm_ref,
        )

        session_create.additional_properties = d
        return session_create

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
