"""HTTP side of the aepublish mock: one method per operationId of ``specs/aepublish.yaml``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from connexion.lifecycle import ConnexionResponse

from mock_server.aepublish.backend import LoginRefused
from mock_server.core.errors import Unauthorized

if TYPE_CHECKING:
    from mock_server.aepublish.backend import AepublishBackend
    from mock_server.core.state import MockState


class AepublishHandlers:
    def __init__(self, state: MockState) -> None:
        self._state = state

    @property
    def _backend(self) -> AepublishBackend:
        # Looked up on every call: the state's backend is the one source of truth.
        return self._state.aepublish

    # --- security functions named by the spec's x-apikeyInfoFunc / x-basicInfoFunc ---------

    def check_token(self, apikey: str, required_scopes: Any = None) -> dict[str, Any] | None:
        """A live token's info, or None (connexion then answers 401)."""
        try:
            info = self._backend.token_info(apikey)
        except Unauthorized:
            return None
        return {"sub": info["user"]["id"], "token": apikey}

    def check_key_pair(
        self, username: str, password: str, required_scopes: Any = None
    ) -> dict[str, Any] | None:
        # None: connexion goes on to the spec's other, empty requirement, and the
        # authenticate handler answers the 401 as AIMS does.
        if not self._backend.verify_key_pair(username, password):
            return None
        # The authenticate handler issues the token; it needs the pair to do so atomically.
        return {"sub": username, "access_key_id": username, "secret_key": password}

    # --- operations ---------------------------------------------------------------------

    async def publish_observations(
        self, account_id: str, body: Any, token_info: dict[str, Any]
    ) -> dict[str, Any]:
        publication = self._backend.publish(token_info["token"], account_id, body)
        if publication.latency > 0:
            # Cut short when the server stops (a SIGTERM does not wait out the fault).
            await self._state.faults.delays.wait(publication.latency)
        return publication.body

    async def authenticate(self, token_info: dict[str, Any]) -> Any:
        """AIMS' answers, not problem documents: a failed login is a 401 with an empty body
        whatever failed (no Authorization header, a garbled one, a wrong key pair), and a
        pair AIMS will not log in is a 400 ``{"error": reason}``."""
        if "access_key_id" not in token_info:  # the key pair did not pass check_key_pair
            return _failed_login()
        try:
            authentication = self._backend.authenticate(
                token_info["access_key_id"], token_info["secret_key"]
            )
        except Unauthorized:  # the account went away since check_key_pair
            return _failed_login()
        except LoginRefused as refused:
            return {"error": refused.reason}, 400
        return {"authentication": authentication}, 200

    async def get_token_info(self, token_info: dict[str, Any]) -> tuple[dict[str, Any], int]:
        return self._backend.token_info(token_info["token"]), 200


def _failed_login() -> ConnexionResponse:
    # No body and so no Content-Type, as AIMS sends it.
    return ConnexionResponse(status_code=401)
