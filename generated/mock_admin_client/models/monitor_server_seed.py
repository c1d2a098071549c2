from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seed_context import SeedContext
    from ..models.seed_metric import SeedMetric
    from ..models.seed_session import SeedSession


T = TypeVar("T", bound="MonitorServerSeed")


@_attrs_define
class MonitorServerSeed:
    """
    Attributes:
        sessions (list[SeedSession] | Unset):
        contexts (list[SeedContext] | Unset):
        metrics (list[SeedMetric] | Unset):
    """

    sessions: list[SeedSession] | Unset = UNSET
    contexts: list[SeedContext] | Unset = UNSET
    metrics: list[SeedMetric] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        sessions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sessions, Unset):
            sessions = []
            for sessions_item_data in self.sessions:
                sessions_item = sessions_item_data.to_dict()
                sessions.append(sessions_item)

        contexts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contexts, Unset):
            contexts = []
            for contexts_item_data in self.contexts:
                contexts_item = contexts_item_data.to_dict()
                contexts.append(contexts_item)

        metrics: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = []
            for metrics_item_data in self.metrics:
                metrics_item = metrics_item_data.to_dict()
                metrics.append(metrics_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if sessions is not UNSET:
            field_dict["sessions"] = sessions
        if contexts is not UNSET:
            field_dict["contexts"] = contexts
        if metrics is not UNSET:
            field_dict["metrics"] = metrics

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.seed_context import SeedContext
        from ..models.seed_metric import SeedMetric
        from ..models.seed_session import SeedSession

        known = (
            "sessions",
            "contexts",
            "metrics",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"MonitorServerSeed: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        _sessions = d.pop("sessions", UNSET)
        sessions: list[SeedSession] | Unset = UNSET
        if _sessions is not UNSET:
            sessions = []
            for sessions_item_data in _sessions:
                sessions_item = SeedSession.from_dict(sessions_item_data)

                sessions.append(sessions_item)

        _contexts = d.pop("contexts", UNSET)
        contexts: list[SeedContext] | Unset = UNSET
        if _contexts is not UNSET:
            contexts = []
            for contexts_item_data in _contexts:
                contexts_item = SeedContext.from_dict(contexts_item_data)

                contexts.append(contexts_item)

        _metrics = d.pop("metrics", UNSET)
        metrics: list[SeedMetric] | Unset = UNSET
        if _metrics is not UNSET:
            metrics = []
            for metrics_item_data in _metrics:
                metrics_item = SeedMetric.from_dict(metrics_item_data)

                metrics.append(metrics_item)

        monitor_server_seed = cls(
            sessions=sessions,
            contexts=contexts,
            metrics=metrics,
        )

        return monitor_server_seed
