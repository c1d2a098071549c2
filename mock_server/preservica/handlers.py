"""Handlers of ``specs/preservica_monitor.yaml``: unpack what connexion passes, call the
backend, shape the answer (envelope, XML, absolute paging links)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote_plus

from connexion.context import scope
from starlette.datastructures import URL, QueryParams
from starlette.types import Scope

from mock_server.core.errors import Unauthorized
from mock_server.core.state import MockState
from mock_server.preservica.backend import PreservicaBackend

# Preservica's monitor API wraps every answer in this envelope; `version` is its format.
ENVELOPE_VERSION = 1

VERSION_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<VersionDetailsResponse xmlns="http://preservica.com/EntityAPI/v{major_minor}">'
    "<CurrentVersion>{version}</CurrentVersion></VersionDetailsResponse>\n"
)


def _envelope(value: dict[str, Any]) -> dict[str, Any]:
    return {"success": True, "version": ENVELOPE_VERSION, "value": value}


def _query_list(name: str, parsed: list[str] | None, raw: QueryParams) -> list[str] | None:
    """All values of a comma-list parameter, sent as ``a,b`` or repeated (``x=a&x=b``).

    connexion keeps only the last of repeated values of a non-exploded parameter; the
    generated client repeats them, so they are gathered from the raw query here. The backend
    re-checks enum values, so one connexion did not see still answers 400.
    """
    values = raw.getlist(name)
    if len(values) <= 1:
        return parsed
    return list(dict.fromkeys(v for value in values for v in value.split(",")))


def _request_scope() -> Scope:
    # The scope itself, not connexion's proxy of it: each read through the proxy costs.
    return scope._get_current_object()


def _raw_query(current: Scope) -> QueryParams:
    return QueryParams(current["query_string"])


class PreservicaHandlers:
    def __init__(self, state: MockState) -> None:
        self.state = state

    @property
    def backend(self) -> PreservicaBackend:
        return self.state.preservica

    # --- security ---------------------------------------------------------------------------

    def check_token(self, apikey: str, required_scopes: Any = None) -> dict[str, str] | None:
        """connexion's apiKey check: token info for a live token, None (→ 401) otherwise."""
        try:
            who = self.backend.authenticate(apikey)
        except Unauthorized:
            return None
        return {"sub": who["user"], "tenant": who["tenant"], "token": apikey}

    # --- access tokens and server -----------------------------------------------------------

    async def login(self, body: dict[str, Any]) -> dict[str, Any]:
        return self.backend.login(
            body["username"],
            body["password"],
            body.get("tenant"),
            include_user_details=bool(body.get("includeUserDetails")),
        )

    async def refresh_token(
        self, body: dict[str, Any], token_info: dict[str, str]
    ) -> dict[str, Any]:
        return self.backend.refresh(token_info["token"], body["refreshToken"])

    async def get_version(self) -> tuple[str, int, dict[str, str]]:
        version = self.backend.version
        major_minor = ".".join(version.split(".")[:2])
        xml = VERSION_XML.format(version=version, major_minor=major_minor)
        return xml, 200, {"Content-Type": "application/xml"}

    async def get_user_details(self, token_info: dict[str, str]) -> dict[str, Any]:
        return self.backend.user_details(token_info["sub"], token_info["tenant"])

    # --- process monitors -------------------------------------------------------------------

    async def list_monitors(
        self,
        status: list[str] | None = None,
        category: list[str] | None = None,
        subcategory: list[str] | None = None,
        name: list[str] | None = None,
    ) -> dict[str, Any]:
        raw = _raw_query(_request_scope())
        monitors = self.backend.list_monitors(
            status=_query_list("status", status, raw),
            category=_query_list("category", category, raw),
            subcategory=_query_list("subcategory", subcategory, raw),
            name=_query_list("name", name, raw),
        )
        # Not paged; the count is there because clients decode it (The National Archives').
        return _envelope({"paging": {"totalResults": len(monitors)}, "monitors": monitors})

    async def list_messages(
        self, monitor: list[str], start: int, max: int, status: list[str] | None = None
    ) -> dict[str, Any]:
        page_size = max  # the wire name shadows the builtin
        current = _request_scope()
        raw = _raw_query(current)
        monitors = _query_list("monitor", monitor, raw) or []
        statuses = _query_list("status", status, raw)
        page = self.backend.list_messages(
            monitors, status=statuses, start=start, max_results=page_size
        )
        total = page["totalResults"]
        paging: dict[str, Any] = {"totalResults": total}
        # This route's path is fixed, so the request's URL up to "?" is the links' base.
        base = str(URL(scope=current)).partition("?")[0]
        if start + page_size < total:
            paging["next"] = _page_url(base, monitors, statuses, start + page_size, page_size)
        if start > 0:
            previous = start - page_size if start > page_size else 0
            paging["previous"] = _page_url(base, monitors, statuses, previous, page_size)
        return _envelope({"messages": page["messages"], "paging": paging})

    async def get_monitor_timeseries(self, id: str) -> dict[str, Any]:
        return _envelope({"timeseries": self.backend.get_timeseries(id)})


def _page_url(
    base: str, monitors: list[str], statuses: list[str] | None, start: int, size: int
) -> str:
    """The absolute URL of another page of the current request, same filters.

    Rebuilt from the parsed parameters rather than edited, so the URL stays canonical even
    when a client (pyPreservica) appends parameters the link already carries.
    """
    # What urlencode(query, safe=",") writes, without its generality (a tenth of the request).
    query = f"monitor={quote_plus(','.join(monitors), safe=',')}"
    if statuses:
        query += f"&status={quote_plus(','.join(statuses), safe=',')}"
    return f"{base}?{query}&start={start}&max={size}"
