"""State of the aepublish mock: AIMS accounts and tokens, observation definitions, faults,
and what each account has published. The outcome rules themselves live in ``judge.py``."""

from __future__ import annotations

import hmac
import itertools
import secrets
import threading
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from mock_server.aepublish.judge import (
    AccountLedger,
    Definition,
    Fault,
    ObservationJudge,
    Unjudgeable,
    is_unicode,
    json_value,
    unique_identity,
)
from mock_server.core.clock import LATEST, MockClock
from mock_server.core.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    quoted,
)
from mock_server.core.expiry import expired
from mock_server.core.numbers import MAX_EXACT_INTEGER
from mock_server.core.seed import check_schema

#: How long an AIMS token lives, in seconds of mock time. The mock's choice (6 hours): long
#: enough that a test run never sees one expire unless it moves the clock on purpose.
TOKEN_LIFETIME = 6 * 3600

# A fixed namespace so a key pair's user id is the same on every run.
_USER_NAMESPACE = uuid.UUID("0c5d6b1e-8f4e-4a8e-9a57-6a2d3f1c7b90")

#: The largest count (``times``, ``throttle_count``) and ``delay`` held. The admin spec's
#: schemas hold this bound and the next (``maximum``), and every input is checked against
#: them.
MAX_INTEGER = MAX_EXACT_INTEGER
#: The longest window or period: the mock clock's whole range (a longer one would only
#: overflow the sums of times it is added to).
MAX_SECONDS = LATEST


class LoginRefused(InvalidInput):
    """AIMS knows the key pair but will not log it in: ``reason`` is the ``error`` AIMS
    answers (``account_inactive``, ``password_expired``)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail, error=reason)
        self.reason = reason


#: The one role the mock gives every key pair's user (the mock enforces no permissions).
ROLE_NAME = "Administrator"
ROLE_PERMISSIONS = {"*:own:*:*": "allowed"}


@dataclass(frozen=True, slots=True)
class Account:
    id: str
    name: str
    access_key_id: str
    secret_key: str
    active: bool = True
    password_expired: bool = False
    #: The AIMS user of the key pair and its role: derived, so stable across reloads;
    #: computed once (a uuid5 per token check was a tenth of a single-observation publish).
    user_id: str = field(init=False, repr=False, compare=False)
    role_id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        user_id = str(uuid.uuid5(_USER_NAMESPACE, f"{self.id}:{self.access_key_id}")).upper()
        object.__setattr__(self, "user_id", user_id)
        role_id = str(uuid.uuid5(_USER_NAMESPACE, f"{self.id}:role:{ROLE_NAME}")).upper()
        object.__setattr__(self, "role_id", role_id)

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "access_key_id": self.access_key_id,
            "secret_key": self.secret_key,
            "active": self.active,
            "password_expired": self.password_expired,
        }

    def refusal(self) -> LoginRefused | None:
        """Why AIMS would not log this key pair in, None if it would; an inactive account is
        told so before an expired password."""
        if not self.active:
            return LoginRefused("account_inactive", f"account {quoted(self.id)} is inactive")
        if self.password_expired:
            detail = f"the password of {quoted(self.access_key_id)} has expired"
            return LoginRefused("password_expired", detail)
        return None

    def aims_account(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "active": self.active}

    def aims_user(self) -> dict[str, Any]:
        return {
            "id": self.user_id,
            "account_id": self.id,
            "name": self.access_key_id,
            "active": True,
        }

    def aims_roles(self) -> list[dict[str, Any]]:
        return [
            {
                "id": self.role_id,
                "account_id": self.id,
                "name": ROLE_NAME,
                "permissions": dict(ROLE_PERMISSIONS),
                "legacy_permissions": [],
                "version": 1,
            }
        ]


class Publication(NamedTuple):
    """What one publish call produced: the 200 body, and the real delay a fault asked for."""

    body: dict[str, Any]
    latency: float


class AepublishBackend:
    """Every public method is atomic under one lock, so concurrent publications of one
    progress marker yield exactly one success."""

    def __init__(self, clock: MockClock, max_batch: int = 1000) -> None:
        self.clock = clock
        self.max_batch = max_batch
        self._lock = threading.Lock()
        # Ingest ids: a random per-process prefix and a counter that survives reset(), so an
        # id is never handed out twice by one process.
        self._id_prefix = secrets.token_hex(8)
        self._id_counter = itertools.count(1)
        self._fault_counter = itertools.count(1)
        self.reset()

    # --- admin: state and seed data -------------------------------------------------------

    def reset(self) -> None:
        with self._lock:
            self._accounts: dict[str, Account] = {}
            self._account_by_key: dict[str, Account] = {}
            #: token -> (account id, expiry): a plain tuple, which the garbage collector
            #: stops tracking (a NamedTuple it tracks for ever).
            self._tokens: dict[str, tuple[str, float]] = {}
            #: (expiry, token) of every token held, in the order they were issued (the
            #: order they expire in, one lifetime for all): pruned from the left at logins.
            self._token_expiries: deque[tuple[float, str]] = deque()
            #: path -> definition for every account
            self._shared_definitions: dict[str, Definition] = {}
            #: account id -> path -> the account's own definition, overriding a shared one
            self._account_definitions: dict[str, dict[str, Definition]] = {}
            self._faults: dict[str, Fault] = {}
            self._ledgers: dict[str, AccountLedger] = {}

    def load_seed(self, section: dict[str, Any]) -> dict[str, int]:
        """Add the ``aepublish:`` part of a seed document; nothing changes if any of it is bad."""
        check_schema(section, "AepublishSeed", "aepublish")
        with self._lock:
            accounts = [
                _parse_account(item, f"aepublish.accounts[{i}]")
                for i, item in enumerate(section.get("accounts", ()))
            ]
            self._check_new_accounts(accounts)
            definitions = [
                _parse_definition(item, f"aepublish.definitions[{i}]")
                for i, item in enumerate(section.get("definitions", ()))
            ]
            faults = self._seed_faults(section.get("faults", []))
            history = [
                _parse_history(item, f"aepublish.history[{i}]")
                for i, item in enumerate(section.get("history", ()))
            ]
            for account in accounts:
                self._store_account(account)
            for definition in definitions:
                self._store_definition(definition)
            for fault in faults:
                self._faults[fault.id] = fault
            # After the definitions: storing one restarts its throttle count.
            for account_id, ledger in history:
                self._ledgers.setdefault(account_id, AccountLedger()).merge(ledger)
        return {
            "accounts": len(accounts),
            "definitions": len(definitions),
            "faults": len(faults),
            "history": len(history),
        }

    def export_seed(self) -> dict[str, Any]:
        """The whole state as the ``aepublish:`` part of a seed document: accounts,
        definitions, faults (ids and what is left of ``times`` kept) and each account's
        history (markers, unique keys, throttle times), so loading it into an empty mock
        judges the next observations the same. Tokens are left out."""
        with self._lock:
            definitions = [d.to_wire() for d in self._shared_definitions.values()]
            definitions += [
                d.to_wire() for own in self._account_definitions.values() for d in own.values()
            ]
            faults = []
            for fault in self._faults.values():
                wire = fault.to_wire()
                if not wire.get("latency"):
                    wire.pop("latency", None)
                faults.append(wire)
            history = [
                _history_wire(account_id, ledger)
                for account_id, ledger in self._ledgers.items()
                if ledger.markers or ledger.unique_keys or ledger.successes
            ]
            return {
                "accounts": [account.to_wire() for account in self._accounts.values()],
                "definitions": definitions,
                "faults": faults,
                "history": history,
            }

    def _seed_faults(self, items: list[Any]) -> list[Fault]:
        """Seed faults, keeping the ids a snapshot gives (a held or repeated one is a
        Conflict); the others are numbered past every id held."""
        given = [item.get("id") for item in items]
        taken = set(self._faults)
        faults = []
        for i, item in enumerate(items):
            where = f"aepublish.faults[{i}]"
            fault_id = item.get("id")
            if fault_id is not None and (fault_id in taken or given.count(fault_id) > 1):
                raise Conflict(f"{where}.id: a fault {quoted(fault_id)} exists already")

            def next_id(fixed: str | None = fault_id) -> str:
                if fixed is not None:
                    return fixed
                while True:
                    candidate = self._next_fault_id()
                    if candidate not in taken and candidate not in given:
                        return candidate

            fault = _parse_fault({k: v for k, v in item.items() if k != "id"}, where, next_id)
            taken.add(fault.id)
            faults.append(fault)
        return faults

    def add_account(self, account: dict[str, Any]) -> dict[str, Any]:
        """Add an account with its key pair (generated when not given); 409 if it exists."""
        check_schema(account, "SeedAccount", "account")
        with self._lock:
            parsed = _parse_account(account, "account")
            self._check_new_accounts([parsed])
            self._store_account(parsed)
            return parsed.to_wire()

    def list_accounts(self) -> list[dict[str, Any]]:
        with self._lock:
            return [account.to_wire() for account in self._accounts.values()]

    def add_definition(self, definition: dict[str, Any]) -> dict[str, Any]:
        """Add a definition, replacing one with the same ``path`` and ``account_id``."""
        check_schema(definition, "ObservationDefinition", "definition")
        with self._lock:
            parsed = _parse_definition(definition, "definition")
            self._store_definition(parsed)
            return parsed.to_wire()

    def list_definitions(self) -> list[dict[str, Any]]:
        with self._lock:
            shared = [d.to_wire() for d in self._shared_definitions.values()]
            own = [
                d.to_wire()
                for per_account in self._account_definitions.values()
                for d in per_account.values()
            ]
            return shared + own

    def add_fault(self, fault: dict[str, Any]) -> dict[str, Any]:
        check_schema(fault, "FaultRule", "fault")
        with self._lock:
            parsed = _parse_fault(fault, "fault", self._free_fault_id)
            self._faults[parsed.id] = parsed
            return parsed.to_wire()

    def list_faults(self) -> list[dict[str, Any]]:
        """The faults still active; ``times`` is what is left of each."""
        with self._lock:
            return [fault.to_wire() for fault in self._faults.values()]

    def remove_fault(self, fault_id: str) -> None:
        with self._lock:
            if not isinstance(fault_id, str) or self._faults.pop(fault_id, None) is None:
                raise NotFound(f"no fault {quoted(fault_id)}")

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    # --- AIMS ---------------------------------------------------------------------------

    def verify_key_pair(self, access_key_id: str, secret_key: str) -> bool:
        with self._lock:
            return self._account_of_key_pair(access_key_id, secret_key) is not None

    def authenticate(self, access_key_id: str, secret_key: str) -> dict[str, Any]:
        """Issue a token for a key pair: the ``authentication`` object of AIMS' answer.

        Unauthorized for an unknown or wrong pair; ``LoginRefused`` for a right pair AIMS
        will not log in (an inactive account, an expired password).
        """
        with self._lock:
            account = self._account_of_key_pair(access_key_id, secret_key)
            if account is None:
                raise Unauthorized("unknown access key id or wrong secret key")
            refusal = account.refusal()
            if refusal is not None:
                raise refusal
            token = secrets.token_urlsafe(32)
            now = self.clock.now()
            self._forget_expired(now)
            expires_at = now + TOKEN_LIFETIME
            self._tokens[token] = (account.id, expires_at)
            self._token_expiries.append((expires_at, token))
            return {
                "token": token,
                "token_expiration": expires_at,
                "account": account.aims_account(),
                "user": account.aims_user(),
            }

    def token_info(self, token: str) -> dict[str, Any]:
        """Whom a live token belongs to, with the fields of AIMS' ``token_info`` answer;
        Unauthorized otherwise."""
        with self._lock:
            account, expires_at = self._account_of_token(token)
            return {
                "account": account.aims_account(),
                "user": account.aims_user(),
                "roles": account.aims_roles(),
                # The token's holder: a user (access keys belong to users in AIMS).
                "entity_id": account.user_id,
                "entity_type": "user",
                "requester_id": f"{account.id}:user:{account.user_id}",
                "token_expiration": expires_at,
            }

    # --- aepublish ----------------------------------------------------------------------

    def publish(self, token: str, account_id: str, observations: Any) -> Publication:
        """Judge a request's observations in order, atomically as a whole."""
        with self._lock:
            account, _ = self._account_of_token(token)
            if account.id != account_id:
                raise Forbidden(
                    f"token of account {quoted(account.id)} may not publish to account "
                    f"{quoted(account_id)}"
                )
            if not isinstance(observations, list):
                raise InvalidInput(
                    "the body must be a JSON array of observations, sent as application/json"
                )
            # Counted before any observation is looked at: a batch too large costs nothing
            # more than its length.
            if len(observations) > self.max_batch:
                raise PayloadTooLarge(
                    f"{len(observations)} observations in one request; "
                    f"the limit is {self.max_batch}"
                )
            judge = ObservationJudge(
                account_id=account_id,
                ledger=self._ledgers.setdefault(account_id, AccountLedger()),
                definition_for=self._definition_resolver(account_id),
                faults=self._faults,
                now=self.clock.now(),
                new_ingest_id=self._new_ingest_id,
            )
            results = judge.judge_all(observations)
            return Publication({"observations": results, "stats": judge.stats}, judge.latency)

    # --- internals (called with the lock held) ----------------------------------------------

    def _account_of_key_pair(self, access_key_id: str, secret_key: str) -> Account | None:
        if not isinstance(access_key_id, str) or not isinstance(secret_key, str):
            return None
        account = self._account_by_key.get(access_key_id)
        if account is None:
            return None
        # Constant-time comparison: the mock should not teach habits that leak secrets.
        # surrogatepass: a secret holding a lone surrogate is only wrong, not an error.
        given = secret_key.encode("utf-8", "surrogatepass")
        if not hmac.compare_digest(account.secret_key.encode("utf-8", "surrogatepass"), given):
            return None
        return account

    def _forget_expired(self, now: float) -> None:
        for token in expired(self._token_expiries, now):
            self._tokens.pop(token, None)

    def _account_of_token(self, token: str) -> tuple[Account, float]:
        entry = self._tokens.get(token) if isinstance(token, str) else None
        if entry is None:
            raise Unauthorized("unknown token")
        account_id, expires_at = entry
        if self.clock.now() >= expires_at:
            del self._tokens[token]
            raise Unauthorized("the token has expired")
        account = self._accounts.get(account_id)
        if account is None:  # the account went away (reset or a reload) after login
            raise Unauthorized("unknown token")
        return account, expires_at

    def _definition_resolver(self, account_id: str) -> Callable[[str], Definition | None]:
        own = self._account_definitions.get(account_id)
        shared = self._shared_definitions
        if not own:
            return shared.get

        def definition_for(path: str) -> Definition | None:
            return own.get(path) or shared.get(path)

        return definition_for

    def _new_ingest_id(self) -> str:
        return f"{self._id_prefix}{next(self._id_counter):016x}"

    def _next_fault_id(self) -> str:
        return f"fault-{next(self._fault_counter)}"

    def _free_fault_id(self) -> str:
        # A seed may have brought ids of the same form (a snapshot's).
        while True:
            candidate = self._next_fault_id()
            if candidate not in self._faults:
                return candidate

    def _check_new_accounts(self, accounts: list[Account]) -> None:
        ids: set[str] = set()
        keys: set[str] = set()
        for account in accounts:
            if account.id in self._accounts or account.id in ids:
                raise Conflict(f"account {quoted(account.id)} already exists")
            if account.access_key_id in self._account_by_key or account.access_key_id in keys:
                raise Conflict(f"access key id {quoted(account.access_key_id)} is already in use")
            ids.add(account.id)
            keys.add(account.access_key_id)

    def _store_account(self, account: Account) -> None:
        self._accounts[account.id] = account
        self._account_by_key[account.access_key_id] = account

    def _store_definition(self, definition: Definition) -> None:
        # Same path and scope: the newer one replaces the older (admin "add or replace").
        if definition.account_id is None:
            self._shared_definitions[definition.path] = definition
        else:
            own = self._account_definitions.setdefault(definition.account_id, {})
            own[definition.path] = definition
        # A new or replaced definition's quota counts from now: the ledger keeps only what
        # the quota in force needs (its latest throttle_count successes), so earlier ones
        # could not be counted against a larger quota or longer period anyway.
        # Only the ledgers it governs: an account whose own definition of the path applies
        # keeps its count when the shared one is replaced.
        for account_id, ledger in self._ledgers.items():
            if self._governs(definition, account_id):
                ledger.successes.pop(definition.path, None)

    def _governs(self, definition: Definition, account_id: str) -> bool:
        if definition.account_id is not None:
            return definition.account_id == account_id
        return definition.path not in self._account_definitions.get(account_id, {})


# --- parsing admin input ---------------------------------------------------------------------
# Each input was checked against its admin spec schema (``check_schema``) first: the types,
# bounds and keys are the schema's. What is left here is what a schema cannot say.


def _unicode(value: str, where: str) -> str:
    # A lone surrogate (JSON's "\ud800") is no character: an account's user id is hashed
    # from its ids as UTF-8, and a snapshot or --state file cannot write one.
    if not is_unicode(value):
        raise InvalidInput(f"{where} must be Unicode text (it holds a lone surrogate)")
    return value


def _text(item: dict[str, Any], key: str, where: str) -> str:
    return _unicode(item[key], f"{where}.{key}")


def _optional_text(item: dict[str, Any], key: str, where: str) -> str | None:
    return None if item.get(key) is None else _text(item, key, where)


def _given(item: dict[str, Any], key: str, default: Any) -> Any:
    """The value of an optional field (null, for the nullable ones, is absent)."""
    value = item.get(key)
    return default if value is None else value


def _parse_account(item: dict[str, Any], where: str) -> Account:
    account_id = _text(item, "id", where)
    return Account(
        id=account_id,
        name=_optional_text(item, "name", where) or f"Account {account_id}",
        access_key_id=_optional_text(item, "access_key_id", where) or secrets.token_hex(8),
        secret_key=_optional_text(item, "secret_key", where) or secrets.token_urlsafe(24),
        active=item.get("active", True),
        password_expired=item.get("password_expired", False),
    )


def _parse_definition(item: dict[str, Any], where: str) -> Definition:
    unique = tuple(item.get("unique") or ())
    # An account not held yet is fine: the definition applies once it is seeded.
    return Definition(
        path=_text(item, "path", where),
        unique=unique,
        unique_window=_given(item, "unique_window", 3600 if unique else 0),
        throttle_count=item.get("throttle_count"),
        throttle_period=_given(item, "throttle_period", 60),
        account_id=_optional_text(item, "account_id", where),
    )


def _parse_fault(item: dict[str, Any], where: str, next_id: Callable[[], str]) -> Fault:
    definition = _text(item, "definition", where)
    return Fault(
        id=next_id(),
        definition=definition,
        delay=_given(item, "delay", 1),
        times=item.get("times"),
        # Real seconds the answer waits: bounded as an HTTP fault's latency is.
        latency=_given(item, "latency", 0),
    )


def _parse_history(item: dict[str, Any], where: str) -> tuple[str, AccountLedger]:
    """One account's history in a seed: what its past successes left behind."""
    account_id = _text(item, "account_id", where)
    ledger = AccountLedger()
    for i, marker in enumerate(item.get("markers", ())):
        at = f"{where}.markers[{i}]"
        ledger.markers[_text(marker, "marker", at)] = _text(marker, "ingest_id", at)
    for i, key in enumerate(item.get("unique_keys", ())):
        at = f"{where}.unique_keys[{i}]"
        values = key["values"]
        try:
            identity = tuple((name, unique_identity(values[name])) for name in sorted(values))
        except Unjudgeable as error:
            raise InvalidInput(f"{at}.values: {error}") from None
        ledger.unique_keys[(_text(key, "definition", at), identity)] = (
            _text(key, "ingest_id", at),
            key["at"],
        )
    for i, successes in enumerate(item.get("successes", ())):
        at = f"{where}.successes[{i}]"
        ledger.successes[_text(successes, "definition", at)] = deque(sorted(successes["at"]))
    return account_id, ledger


def _history_wire(account_id: str, ledger: AccountLedger) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "markers": [{"marker": m, "ingest_id": i} for m, i in ledger.markers.items()],
        "unique_keys": [
            {
                "definition": path,
                "values": {name: json_value(value) for name, value in identity},
                "ingest_id": ingest_id,
                "at": at,
            }
            for (path, identity), (ingest_id, at) in ledger.unique_keys.items()
        ],
        "successes": [
            {"definition": path, "at": list(times)}
            for path, times in ledger.successes.items()
            if times
        ],
    }
