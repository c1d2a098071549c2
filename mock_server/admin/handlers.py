"""Handlers of ``specs/mock_admin.yaml``: the mock's control plane under ``/_mock/``."""

from __future__ import annotations

from typing import Any

import yaml
from connexion.context import scope
from starlette.datastructures import Headers
from starlette.responses import Response

from mock_server.core.errors import InvalidInput, NotFound
from mock_server.core.seed import load_seed_text
from mock_server.core.state import MockState

YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml")


class AdminHandlers:
    def __init__(self, state: MockState) -> None:
        self.state = state

    async def get_health(self) -> dict[str, str]:
        return {"status": "ok"}

    async def reset(self, seed: str | None = None) -> tuple[None, int, dict[str, str]]:
        if seed is None:
            self.state.reset()
        else:
            try:
                self.state.reset_to(seed)
            except NotFound as missing:
                raise NotFound(f"{missing} (PUT /_mock/seeds/{seed})") from None
        last = self.state.journal.last_seq
        return None, 204, {"X-Mock-Journal-Last-Seq": str(last)}

    async def keep_seed(self, name: str, body: dict[str, Any]) -> tuple[None, int]:
        # connexion checked the schema; the state checks what the backends refuse.
        self.state.keep_seed(name, body)
        return None, 204

    async def load_seed(self, body: Any) -> tuple[dict[str, Any], int]:
        if isinstance(body, (bytes, str)):
            # YAML (application/yaml, text/yaml): connexion hands the text over as it came;
            # it is read as --seed files are (plain data, aliases bounded), then checked
            # against SeedDocument; a refusal names the line, column and path.
            return load_seed_text(self.state, body, yaml_text=True), 201
        # JSON: connexion validated the body against SeedDocument, the schema --seed files
        # are checked against too (mock_server.core.seed.check_seed).
        return self.state.load_seed(body), 201

    async def get_snapshot(self) -> Response | dict[str, Any]:
        document = self.state.export_seed()
        accept = Headers(scope=scope._get_current_object()).get("accept", "")
        if any(kind in accept for kind in YAML_TYPES) and "application/json" not in accept:
            text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
            return Response(text, media_type="application/yaml")
        return document  # as JSON by the app's encoder (integers beyond 64 bits included)

    async def get_clock(self) -> dict[str, Any]:
        return self._clock()

    async def set_clock(self, body: dict[str, Any]) -> dict[str, Any]:
        # One change, checked whole: a refused move (past the year 3000) freezes nothing.
        self.state.clock.change(
            advance=body.get("advance"), now=body.get("now"), frozen=body.get("frozen")
        )
        return self._clock()

    def _clock(self) -> dict[str, Any]:
        return {"now": self.state.clock.now(), "frozen": self.state.clock.frozen}

    async def add_monitor(self, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
        return self.state.preservica.add_monitor(body), 201

    async def advance_monitor(self, monitor_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return self.state.preservica.advance_monitor(
            monitor_id,
            files=body.get("files", 1),
            status=body.get("status"),
            messages=body.get("messages"),
        )

    async def list_definitions(self) -> list[dict[str, Any]]:
        return self.state.aepublish.list_definitions()

    async def add_definition(self, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
        return self.state.aepublish.add_definition(body), 201

    async def list_faults(self) -> list[dict[str, Any]]:
        return self.state.aepublish.list_faults()

    async def add_fault(self, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
        # A rule acts on observations of a definition the account has: for any other path
        # it would never act, and the test relying on it would fail far from the typo.
        path = body.get("definition")
        known = {definition["path"] for definition in self.state.aepublish.list_definitions()}
        if path not in known:
            raise InvalidInput(
                f"no observation definition {path!r}: add it first (POST "
                f"/_mock/aepublish/definitions, or a seed's aepublish.definitions); known: "
                f"{', '.join(sorted(known)) or 'none'}"
            )
        return self.state.aepublish.add_fault(body), 201

    async def clear_faults(self) -> tuple[None, int]:
        self.state.aepublish.clear_faults()
        return None, 204

    async def remove_fault(self, fault_id: str) -> tuple[None, int]:
        self.state.aepublish.remove_fault(fault_id)
        return None, 204

    # --- HTTP faults and the request journal -------------------------------------------------

    async def list_http_faults(self) -> dict[str, Any]:
        return {"faults": self.state.faults.list()}

    async def add_http_fault(self, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
        return self.state.faults.add(body), 201

    async def clear_http_faults(self) -> tuple[None, int]:
        self.state.faults.clear()
        return None, 204

    async def remove_http_fault(self, fault_id: str) -> tuple[None, int]:
        self.state.faults.remove(fault_id)
        return None, 204

    async def list_requests(
        self,
        api: str | None = None,
        operation: str | None = None,
        method: str | None = None,
        status: int | None = None,
        since: int | None = None,
        limit: int | None = None,
    ) -> dict[str, Any]:
        return self.state.journal.query(
            api=api, operation=operation, method=method, status=status, since=since, limit=limit
        )

    async def clear_requests(self) -> tuple[None, int]:
        self.state.journal.clear()
        return None, 204
