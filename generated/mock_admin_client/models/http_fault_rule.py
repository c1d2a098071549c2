from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.http_fault_action import HttpFaultAction
    from ..models.http_fault_match import HttpFaultMatch


T = TypeVar("T", bound="HttpFaultRule")


@_attrs_define
class HttpFaultRule:
    """
    Attributes:
        action (HttpFaultAction): Exactly one of `status`, `latency`, `disconnect` and `truncate`:
            - `status` (with `headers`, `body`, `content_type`): this answer instead. Without
              `body`, a problem document naming the rule; a `body` (HTML, text, empty...) is sent
              as given, typed `content_type` (default `text/plain; charset=utf-8` when not empty).
            - `latency` (seconds, `jitter` optional): wait `latency` ± up to `jitter`, then the
              normal answer; the two add up to at most 60 s.
            - `disconnect`: `before_response` closes the connection with nothing sent;
              `mid_body` sends the status and headers of the operation's example answer (from
              its spec) with its full `Content-Length`, half its body, then closes.
            - `truncate`: a complete answer (status, headers, `Content-Length`) whose body is the
              first `truncate` bytes of the operation's example answer (at most all but its last
              byte), so the JSON is cut.
        id (str | Unset):
        match (HttpFaultMatch | Unset): Which requests a rule takes; every key given must hold. `path` is a glob over
            the
            request's path (no query): `*` matches any run of characters, `/` included, `?` one
            character, `[...]` a set.
        times (int | None | Unset): How many requests it acts on (what is left, when listed); absent or null, until
            removed.
        probability (float | Unset): The chance it acts on a request it matches. Default: 1.0.
        seed (int | None | Unset): Seeds the rule's draws (probability, jitter) for reproducible runs.
        hits (int | Unset): How many requests it has acted on.
    """

    action: HttpFaultAction
    id: str | Unset = UNSET
    match: HttpFaultMatch | Unset = UNSET
    times: int | None | Unset = UNSET
    probability: float | Unset = 1.0
    seed: int | None | Unset = UNSET
    hits: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.to_dict()

        id = self.id

        match: dict[str, Any] | Unset = UNSET
        if not isinstance(self.match, Unset):
            match = self.match.to_dict()

        times: int | None | Unset
        if isinstance(self.times, Unset):
            times = UNSET
        else:
            times = self.times

        probability = self.probability

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        hits = self.hits

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if match is not UNSET:
            field_dict["match"] = match
        if times is not UNSET:
            field_dict["times"] = times
        if probability is not UNSET:
            field_dict["probability"] = probability
        if seed is not UNSET:
            field_dict["seed"] = seed
        if hits is not UNSET:
            field_dict["hits"] = hits

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.http_fault_action import HttpFaultAction
        from ..models.http_fault_match import HttpFaultMatch

        known = (
            "action",
            "id",
            "match",
            "times",
            "probability",
            "seed",
            "hits",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"HttpFaultRule: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        action = HttpFaultAction.from_dict(d.pop("action"))

        id = d.pop("id", UNSET)

        _match = d.pop("match", UNSET)
        match: HttpFaultMatch | Unset
        if isinstance(_match, Unset):
            match = UNSET
        else:
            match = HttpFaultMatch.from_dict(_match)

        def _parse_times(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        times = _parse_times(d.pop("times", UNSET))

        probability = d.pop("probability", UNSET)

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        hits = d.pop("hits", UNSET)

        http_fault_rule = cls(
            action=action,
            id=id,
            match=match,
            times=times,
            probability=probability,
            seed=seed,
            hits=hits,
        )

        return http_fault_rule
