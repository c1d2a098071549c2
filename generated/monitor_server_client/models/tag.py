from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Tag")


@_attrs_define
class Tag:
    """One entry of a session's description. The mock always sends `key` and `name`; the
    real server sends only `name`, so clients must not rely on `key`.

        Example:
            {'key': 'numpy', 'name': 'numpy', 'value': '1.17.1'}

        Attributes:
            name (str): The tag's name, as the real server and monitor_api spell it. Example: numpy.
            value (str): The tag's value; a value that is not a string is rendered as JSON. Example: 1.17.1.
            key (str | Unset): The tag's name, as the seed documents it (the mock's addition). Example: numpy.
    """

    name: str
    value: str
    key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value = self.value

        key = self.key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "value": value,
            }
        )
        if key is not UNSET:
            field_dict["key"] = key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        value = d.pop("value")

        key = d.pop("key", UNSET)

        tag = cls(
            name=name,
            value=value,
            key=key,
        )

        tag.additional_properties = d
        return tag

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
