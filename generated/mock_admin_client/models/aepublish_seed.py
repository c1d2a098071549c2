from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_history import AccountHistory
    from ..models.observation_definition import ObservationDefinition
    from ..models.seed_account import SeedAccount
    from ..models.seed_fault import SeedFault


T = TypeVar("T", bound="AepublishSeed")


@_attrs_define
class AepublishSeed:
    """
    Attributes:
        accounts (list[SeedAccount] | Unset):
        definitions (list[ObservationDefinition] | Unset):
        faults (list[SeedFault] | Unset):
        history (list[AccountHistory] | Unset): What past successes of each account left behind, which later
            observations are
            judged against (as `GET /_mock/snapshot` writes it). Loaded after the
            definitions of the same document.
    """

    accounts: list[SeedAccount] | Unset = UNSET
    definitions: list[ObservationDefinition] | Unset = UNSET
    faults: list[SeedFault] | Unset = UNSET
    history: list[AccountHistory] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        accounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.accounts, Unset):
            accounts = []
            for accounts_item_data in self.accounts:
                accounts_item = accounts_item_data.to_dict()
                accounts.append(accounts_item)

        definitions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.definitions, Unset):
            definitions = []
            for definitions_item_data in self.definitions:
                definitions_item = definitions_item_data.to_dict()
                definitions.append(definitions_item)

        faults: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.faults, Unset):
            faults = []
            for faults_item_data in self.faults:
                faults_item = faults_item_data.to_dict()
                faults.append(faults_item)

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if accounts is not UNSET:
            field_dict["accounts"] = accounts
        if definitions is not UNSET:
            field_dict["definitions"] = definitions
        if faults is not UNSET:
            field_dict["faults"] = faults
        if history is not UNSET:
            field_dict["history"] = history

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.account_history import AccountHistory
        from ..models.observation_definition import ObservationDefinition
        from ..models.seed_account import SeedAccount
        from ..models.seed_fault import SeedFault

        known = (
            "accounts",
            "definitions",
            "faults",
            "history",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"AepublishSeed: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        _accounts = d.pop("accounts", UNSET)
        accounts: list[SeedAccount] | Unset = UNSET
        if _accounts is not UNSET:
            accounts = []
            for accounts_item_data in _accounts:
                accounts_item = SeedAccount.from_dict(accounts_item_data)

                accounts.append(accounts_item)

        _definitions = d.pop("definitions", UNSET)
        definitions: list[ObservationDefinition] | Unset = UNSET
        if _definitions is not UNSET:
            definitions = []
            for definitions_item_data in _definitions:
                definitions_item = ObservationDefinition.from_dict(
                    definitions_item_data
                )

                definitions.append(definitions_item)

        _faults = d.pop("faults", UNSET)
        faults: list[SeedFault] | Unset = UNSET
        if _faults is not UNSET:
            faults = []
            for faults_item_data in _faults:
                faults_item = SeedFault.from_dict(faults_item_data)

                faults.append(faults_item)

        _history = d.pop("history", UNSET)
        history: list[AccountHistory] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = AccountHistory.from_dict(history_item_data)

                history.append(history_item)

        aepublish_seed = cls(
            accounts=accounts,
            definitions=definitions,
            faults=faults,
            history=history,
        )

        return aepublish_seed
