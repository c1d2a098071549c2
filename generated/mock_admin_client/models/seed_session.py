from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seed_session_description import SeedSessionDescription


T = TypeVar("T", bound="SeedSession")


@_attrs_define
class SeedSession:
    """
    Attributes:
        session_h (str):
        run_date (str | Unset): ISO-8601; defaults to the mock clock.
        scm_ref (None | str | Unset):
        description (SeedSessionDescription | Unset): Tags, e.g. {"numpy": "1.26.4"}.
    """

    session_h: str
    run_date: str | Unset = UNSET
    scm_ref: None | str | Unset = UNSET
    description: SeedSessionDescription | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        session_h = self.session_h

        run_date = self.run_date

        scm_ref: None | str | Unset
        if isinstance(self.scm_ref, Unset):
            scm_ref = UNSET
        else:
            scm_ref = self.scm_ref

        description: dict[str, Any] | Unset = UNSET
        if not isinstance(self.description, Unset):
            description = self.description.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "session_h": session_h,
            }
        )
        if run_date is not UNSET:
            field_dict["run_date"] = run_date
        if scm_ref is not UNSET:
            field_dict["scm_ref"] = scm_ref
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.seed_session_description import SeedSessionDescription

        known = (
            "session_h",
            "run_date",
            "scm_ref",
            "description",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"SeedSession: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        session_h = d.pop("session_h")

        run_date = d.pop("run_date", UNSET)

        def _parse_scm_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scm_ref = _parse_scm_ref(d.pop("scm_ref", UNSET))

        _description = d.pop("description", UNSET)
        description: SeedSessionDescription | Unset
        if isinstance(_description, Unset):
            description = UNSET
        else:
            description = SeedSessionDescription.from_dict(_description)

        seed_session = cls(
            session_h=session_h,
            run_date=run_date,
            scm_ref=scm_ref,
            description=description,
        )

        return seed_session
