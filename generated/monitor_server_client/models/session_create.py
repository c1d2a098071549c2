from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.session_description import SessionDescription


T = TypeVar("T", bound="SessionCreate")


@_attrs_define
class SessionCreate:
    """A new session, as pytest-monitor sends it.

    Example:
        {'session_h': '2bdcf62f5cfaa71e9ede529ed4a43963', 'run_date': '2024-05-13T09:12:44.301552', 'scm_ref':
            '4914d195225cf6b1c5a160c555b6948ea1ba2bcd', 'description': {'numpy': '1.26.4'}}

    Attributes:
        session_h (str): An identification key (pytest-monitor writes 32-hex MD5 digests). Example:
            0041724ff4e0adac62b70b4f810c79fc5ad8ba5b.
        run_date (str): When the session started: an ISO 8601 date, or date and time (pytest-monitor writes
            a naive `datetime.isoformat()`). Stored as sent, answered re-rendered. The real
            server takes any text and stores it; a date it cannot read then breaks every
            listing holding it, so the mock refuses such a date with a 400 (other ISO 8601
            forms it reads, such as `2024` or `20240513T100040`, are accepted as there; a date
            of this form that does not exist, such as `2024-02-30`, is refused).
             Example: 2024-05-13T09:12:44.301552.
        scm_ref (None | str): The SCM revision the session ran on, if any. Example:
            4914d195225cf6b1c5a160c555b6948ea1ba2bcd.
        description (SessionDescription): The session's tags, name to value. Example: {'numpy': '1.26.4',
            'pipeline_branch': 'main'}.
    """

    session_h: str
    run_date: str
    scm_ref: None | str
    description: SessionDescription
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_h = self.session_h

        run_date = self.run_date

        scm_ref: None | str
        scm_ref = self.scm_ref

        description = self.description.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_h": session_h,
                "run_date": run_date,
                "scm_ref": scm_ref,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_description import SessionDescription

        d = dict(src_dict)
        session_h = d.pop("session_h")

        run_date = d.pop("run_date")

        def _parse_scm_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scm_ref = _parse_scm_ref(d.pop("scm_ref"))

        description = SessionDescription.from_dict(d.pop("description"))

        session_create = cls(
            session_h=session_h,
            run_date=run_date,
            scm_ref=scm_ref,
            description=description,
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
