"""Which generated cases break the contract only where the real service answers anyway.

The monitor-server mock answers what the real monitor-server answers, some of which its
contract calls malformed (see ``specs/monitor_server.yaml``). A check that expects every
malformed request refused must skip exactly those cases, and no others.
"""

from __future__ import annotations

import schemathesis
from schemathesis import Case
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import allow_header_conformance, negative_data_rejection

from tests.contract.contract import CHECKS

#: Operations whose request body the real monitor-server reads loosely: a session or a
#: context with fields of other types, missing or extra (stored with SQLite's affinity,
#: or refused with its own 400); a metric body is validated as the contract says.
LENIENT_BODIES = frozenset(
    {"create_session", "create_session_at", "create_context", "create_context_at"}
)


def negative_locations(case: Case) -> set[ParameterLocation]:
    """Where a generated case is malformed (empty for a positive case)."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_negative:
        return set()
    return {location for location, info in meta.components.items() if info.mode.is_negative}


def negative_only_in(case: Case, *, query: bool, bodies: frozenset[str]) -> bool:
    """Whether the case is malformed only in its query (when ``query``) and in the body of
    one of ``bodies`` (operationIds)."""
    allowed = set()
    if query:
        allowed.add(ParameterLocation.QUERY)
    if case.operation.definition.raw.get("operationId") in bodies:
        allowed.add(ParameterLocation.BODY)
    found = negative_locations(case)
    return bool(found) and found <= allowed


@schemathesis.check
def negative_data_rejection_where_the_real_server_rejects(ctx, response, case):
    """``negative_data_rejection``, except where the case is malformed only in its query (a
    ``page`` that is not an integer or is repeated, unknown parameters: the real server
    reads them as page 1, the first value, and ignores them) or in a session or context
    body (``LENIENT_BODIES``)."""
    if negative_only_in(case, query=True, bodies=LENIENT_BODIES):
        return None
    return negative_data_rejection(ctx, response, case)


#: Paths that are also a hash: the real server's ``Allow`` names the hash route's POST too
#: (``POST /api/v1/sessions/count`` stores a session named ``count``), which the spec, one
#: path per template, cannot say.
COUNT_PATHS = frozenset({"/api/v1/sessions/count", "/api/v1/contexts/count"})


@schemathesis.check
def allow_header_conformance_where_paths_are_not_hashes(ctx, response, case):
    """``allow_header_conformance``, except on the count paths that are also hashes."""
    if case.operation.path in COUNT_PATHS:
        return None
    return allow_header_conformance(ctx, response, case)


_REPLACED = {
    negative_data_rejection: negative_data_rejection_where_the_real_server_rejects,
    allow_header_conformance: allow_header_conformance_where_paths_are_not_hashes,
}
#: ``contract.CHECKS`` for the monitor-server API.
MONITOR_SERVER_CHECKS = [_REPLACED.get(check, check) for check in CHECKS]
