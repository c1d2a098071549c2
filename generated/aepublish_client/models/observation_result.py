from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outcome import Outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ObservationResult")


@_attrs_define
class ObservationResult:
    """The publication outcome of one observation.

    Example:
        {'outcome': 'success', 'ingest_id': '9f3c2a1b7d4e5f60000000000000002a', 'chkpt':
            'guardduty:2025-06-15T15:06:40Z:0001'}

    Attributes:
        outcome (Outcome): success: published (`ingest_id`, `chkpt`); retry: may be retried after `delay` seconds;
            error: a caller error (`details`), do not retry; suppressed: a similar observation was published recently
            (`ingest_id` of that one); throttled: the definition's quota is reached; duplicate: the progress marker was
            published before (`ingest_id` of that time). Only `retry` should be retried.
        ingest_id (str | Unset): On success the new ingest ID; on duplicate and suppressed the ID of the earlier
            publication.
             Example: 9f3c2a1b7d4e5f60000000000000002a.
        delay (int | Unset): On retry, the recommended retry interval in seconds. Example: 7.
        chkpt (str | Unset): On success, the observation's progress marker, when it had one. Example:
            guardduty:2025-06-15T15:06:40Z:0001.
        details (str | Unset): Why, on error (and on an injected retry). Example: observation has no 'definition'.
    """

    outcome: Outcome
    ingest_id: str | Unset = UNSET
    delay: int | Unset = UNSET
    chkpt: str | Unset = UNSET
    details: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        ingest_id = self.ingest_id

        delay = self.delay

        chkpt = self.chkpt

        details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outcome": outcome,
            }
        )
        if ingest_id is not UNSET:
            field_dict["ingest_id"] = ingest_id
        if delay is not UNSET:
            field_dict["delay"] = delay
        if chkpt is not UNSET:
            field_dict["chkpt"] = chkpt
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        outcome = Outcome(d.pop("outcome"))

        ingest_id = d.pop("ingest_id", UNSET)

        delay = d.pop("delay", UNSET)

        chkpt = d.pop("chkpt", UNSET)

        details = d.pop("details", UNSET)

        observation_result = cls(
            outcome=outcome,
            ingest_id=ingest_id,
            delay=delay,
            chkpt=chkpt,
            details=details,
        )

        observation_result.additional_properties = d
        return observation_result

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
