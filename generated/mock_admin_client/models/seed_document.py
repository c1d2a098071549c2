from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aepublish_seed import AepublishSeed
    from ..models.clock_seed import ClockSeed
    from ..models.monitor_server_seed import MonitorServerSeed
    from ..models.preservica_seed import PreservicaSeed


T = TypeVar("T", bound="SeedDocument")


@_attrs_define
class SeedDocument:
    """Seed data for every API; each section and key is optional. `GET /_mock/snapshot`
    answers the whole state in this format.

        Attributes:
            clock (ClockSeed | Unset): The mock clock, set before anything else of the document is loaded (so defaults
                taken from the clock follow it). `now` jumps to that time (backwards too); `frozen`
                stops or restarts the clock; `offset` (seconds ahead of real time) sets a running
                clock's lead instead of `now`, which keeps the clock's lead across a restart
                (`--state`). A snapshot gives `now` and `frozen`, and `offset` when the clock runs.
            preservica (PreservicaSeed | Unset):
            monitor_server (MonitorServerSeed | Unset):
            aepublish (AepublishSeed | Unset):
    """

    clock: ClockSeed | Unset = UNSET
    preservica: PreservicaSeed | Unset = UNSET
    monitor_server: MonitorServerSeed | Unset = UNSET
    aepublish: AepublishSeed | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        clock: dict[str, Any] | Unset = UNSET
        if not isinstance(self.clock, Unset):
            clock = self.clock.to_dict()

        preservica: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preservica, Unset):
            preservica = self.preservica.to_dict()

        monitor_server: dict[str, Any] | Unset = UNSET
        if not isinstance(self.monitor_server, Unset):
            monitor_server = self.monitor_server.to_dict()

        aepublish: dict[str, Any] | Unset = UNSET
        if not isinstance(self.aepublish, Unset):
            aepublish = self.aepublish.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if clock is not UNSET:
            field_dict["clock"] = clock
        if preservica is not UNSET:
            field_dict["preservica"] = preservica
        if monitor_server is not UNSET:
            field_dict["monitor_server"] = monitor_server
        if aepublish is not UNSET:
            field_dict["aepublish"] = aepublish

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aepublish_seed import AepublishSeed
        from ..models.clock_seed import ClockSeed
        from ..models.monitor_server_seed import MonitorServerSeed
        from ..models.preservica_seed import PreservicaSeed

        known = (
            "clock",
            "preservica",
            "monitor_server",
            "aepublish",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"SeedDocument: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        _clock = d.pop("clock", UNSET)
        clock: ClockSeed | Unset
        if isinstance(_clock, Unset):
            clock = UNSET
        else:
            clock = ClockSeed.from_dict(_clock)

        _preservica = d.pop("preservica", UNSET)
        preservica: PreservicaSeed | Unset
        if isinstance(_preservica, Unset):
            preservica = UNSET
        else:
            preservica = PreservicaSeed.from_dict(_preservica)

        _monitor_server = d.pop("monitor_server", UNSET)
        monitor_server: MonitorServerSeed | Unset
        if isinstance(_monitor_server, Unset):
            monitor_server = UNSET
        else:
            monitor_server = MonitorServerSeed.from_dict(_monitor_server)

        _aepublish = d.pop("aepublish", UNSET)
        aepublish: AepublishSeed | Unset
        if isinstance(_aepublish, Unset):
            aepublish = UNSET
        else:
            aepublish = AepublishSeed.from_dict(_aepublish)

        seed_document = cls(
            clock=clock,
            preservica=preservica,
            monitor_server=monitor_server,
            aepublish=aepublish,
        )

        return seed_document
