"""Handlers of ``specs/mock_admin.yaml``: the mock's control plane under ``/_mock/``."""

from __future__ import annotations

from typing import Any

from mock_server.core.state import MockState


class AdminHandlers:
    def __init__(self, state: MockState) -> None:
        self.state = state

    async def get_health(self) -> dict[str, str]:
        return {"status": "ok"}

    async def reset(self) -> tuple[None, int]:
        self.state.reset()
        return None, 204

    async def load_seed(self, body: dict[str, Any]) -> tuple[dict, int]:
        # connexion validated the body against SeedDocument, the schema --seed files are
        # checked against too (mock_server.core.seed.validate_seed).
        return self.state.load_seed(body), 201

    async def get_clock(self) -> dict[str, Any]:
        return self._clock()

    async def set_clock(self, body: dict[str, Any]) -> dict[str, Any]:
        # The spec (ClockChange) refuses `advance` and `now` together.
        clock = self.state.clock
        if "frozen" in body:
            clock.freeze(body["frozen"])
        if "advance" in body:
            clock.advance(body["advance"])
        elif "now" in body:
            clock.set(body["now"])
        return self._clock()

    def _clock(self) -> dict[str, Any]:
        return {"now": self.state.clock.now(), "frozen": self.state.clock.frozen}

    async def add_monitor(self, body: dict[str, Any]) -> tuple[dict, int]:
        return self.state.preservica.add_monitor(body), 201

    async def advance_monitor(self, monitor_id: str, body: dict[str, Any]) -> dict:
        return self.state.preservica.advance_monitor(
            monitor_id,
            files=body.get("files", 1),
            status=body.get("status"),
            messages=body.get("messages"),
        )

    async def list_definitions(self) -> list[dict]:
        return self.state.aepublish.list_definitions()

    async def add_definition(self, body: dict[str, Any]) -> tuple[dict, int]:
        return self.state.aepublish.add_definition(body), 201

    async def list_faults(self) -> list[dict]:
        return self.state.aepublish.list_faults()

    async def add_fault(self, body: dict[str, Any]) -> tuple[dict, int]:
        return self.state.aepublish.add_fault(body), 201

    async def clear_faults(self) -> tuple[None, int]:
        self.state.aepublish.clear_faults()
        return None, 204

    async def remove_fault(self, fault_id: str) -> tuple[None, int]:
        self.state.aepublish.remove_fault(fault_id)
        return None, 204
