from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BadDescription")


@_attrs_define
class BadDescription:
    """The real server's answer to a session description that is not an object.

    Example:
        {'session_h': None, 'run_date': None, 'scm_ref': None, 'tags': None}

    Attributes:
        session_h (None):  Default: None.
        run_date (None):  Default: None.
        scm_ref (None):  Default: None.
        tags (None):  Default: None.
    """

    session_h: None = None
    run_date: None = None
    scm_ref: None = None
    tags: None = None

    def to_dict(self) -> dict[str, Any]:
        session_h = self.session_h

        run_date = self.run_date

        scm_ref = self.scm_ref

        tags = self.tags

        field_dict: dict[str, Any] = {}

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
        d = dict(src_dict)
        session_h = d.pop("session_h")

        run_date = d.pop("run_date")

        scm_ref = d.pop("scm_ref")

        tags = d.pop("tags")

        bad_description = cls(
            session_h=session_h,
            run_date=run_date,
            scm_ref=scm_ref,
            tags=tags,
        )

        return bad_description
