"""The differences between the real server and the mock that the suite lets pass.

One class only: the real server crashes (500) where the mock refuses the request with a
4xx JSON problem and stores nothing. Each crash is recognised by the exception the real
server logs (the last exception line of its traceback) and the route it happened on, so a
crash not listed here fails the suite until someone reads it and either lists it, with its
reason, or finds a bug in the mock.

Separately, the documented exceptions that are not crashes (``DOCUMENTED``): the check
skips exactly those, for the reason written next to each.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Crash:
    name: str
    reason: str
    route: str  # regex matched against "METHOD /path" as sent
    exception: str  # regex searched in the exception line of the real server's traceback

    def matches(self, method_path: str, exception: str) -> bool:
        return bool(re.match(self.route, method_path) and re.search(self.exception, exception))


SESSION_POST = r"POST /api/v1/sessions/"
CONTEXT_POST = r"POST /api/v1/contexts/"
WRITE = r"POST /api/v1/(sessions|contexts)/"
CONTEXT_KEYS = (
    "h|cpu_count|cpu_frequency|cpu_type|ram_total|machine_node|machine_type|machine_arch"
    "|system_info|python_info"
)

ALLOWED_CRASHES: tuple[Crash, ...] = (
    Crash(
        "duplicate session hash",
        "the INSERT breaks the primary key of TEST_SESSIONS (IntegrityError)",
        SESSION_POST,
        r"IntegrityError.*UNIQUE constraint failed: TEST_SESSIONS\.SESSION_H",
    ),
    Crash(
        "duplicate context hash",
        "the INSERT breaks the primary key of EXECUTION_CONTEXTS (IntegrityError)",
        CONTEXT_POST,
        r"IntegrityError.*UNIQUE constraint failed: EXECUTION_CONTEXTS\.ENV_H",
    ),
    Crash(
        "session field missing",
        "the handler reads request.json['run_date' | 'scm_ref' | 'description'] (KeyError)",
        SESSION_POST,
        r"^KeyError: '(run_date|scm_ref|description)'$",
    ),
    Crash(
        "session without a hash, or run_date null",
        "SESSION_H and RUN_DATE are NOT NULL: a POST to /sessions/ without session_h (the seed"
        " form's `h` included), or a null one, or a null run_date (IntegrityError)",
        SESSION_POST,
        r"IntegrityError.*NOT NULL constraint failed: TEST_SESSIONS\.(SESSION_H|RUN_DATE)",
    ),
    Crash(
        "run_date the server cannot render",
        "any run_date is stored as given, then rendering it as an ISO 8601 date fails, on this"
        " POST and on every later listing holding it (MarshallingError)",
        SESSION_POST,
        r"MarshallingError: Unable to marshal field \"run_date\"",
    ),
    Crash(
        "context field missing",
        "the handler reads every field but cpu_vendor as request.json[...] (KeyError); on"
        " POST /contexts/{h} the hash still comes from the body",
        CONTEXT_POST,
        rf"^KeyError: '({CONTEXT_KEYS})'$",
    ),
    Crash(
        "context field null",
        "every context column but CPU_VENDOR is NOT NULL (IntegrityError)",
        CONTEXT_POST,
        r"IntegrityError.*NOT NULL constraint failed: EXECUTION_CONTEXTS\.",
    ),
    Crash(
        "context number the server cannot render",
        "cpu_count, cpu_frequency and ram_total are stored as given, then rendered with int(),"
        " which fails on text such as 'abc' (MarshallingError)",
        CONTEXT_POST,
        r"MarshallingError: Unable to marshal field \"(cpu_count|cpu_frequency|ram_total)\"",
    ),
    Crash(
        "body not read as a JSON object",
        "the handler indexes request.json, which is None for a body not sent as"
        " application/json (text/plain, no Content-Type) and a list, string or number for"
        " such JSON (TypeError)",
        WRITE,
        r"^TypeError: ('NoneType' object is not subscriptable|list indices must be integers"
        r"|string indices must be integers|'(int|float|bool)' object is not subscriptable)",
    ),
    Crash(
        "value SQLite cannot store",
        "a list or object where the session or context table holds text or a number: "
        "SQLAlchemy cannot hash or bind it (TypeError, InterfaceError, ProgrammingError)",
        WRITE,
        r"^(TypeError: unhashable type|sqlalchemy\.exc\.(InterfaceError|ProgrammingError))",
    ),
    Crash(
        "page beyond SQLite's integers",
        "the page number goes into LIMIT/OFFSET; past 2**63 sqlite3 cannot bind it (OverflowError)",
        r"GET /api/v1/",
        r"^OverflowError: Python int too large to convert to SQLite INTEGER",
    ),
    Crash(
        "other method on a path that redirects",
        "a method the route does not take, on a path werkzeug redirects (no trailing slash,"
        " a double slash): flask-restx's error handler matches the path again and the"
        " redirect escapes it; gunicorn answers its own HTML 500",
        r"(?!GET |HEAD )",
        r"^werkzeug\.routing\.RequestRedirect",
    ),
    Crash(
        "page in a GET's JSON body that is not an integer",
        "a GET sent with a JSON body takes `page` from it when the query has none; null or"
        " text meets `page < 0` (TypeError)",
        r"GET /api/v1/",
        r"^TypeError: '<' not supported between instances of",
    ),
    Crash(
        "page in a GET's JSON body read off a list or a string",
        "a GET's JSON body that is a list or a string holding 'page' passes the `key in"
        " request.json` test, then request.json['page'] fails (TypeError)",
        r"GET /api/v1/",
        r"^TypeError: (list|string) indices must be integers",
    ),
    Crash(
        "page links that cannot be built",
        "a query parameter named like a path value of the route (session_hash on"
        " /sessions/, which has none) makes url_for find no rule for the page links"
        " (BuildError)",
        r"GET /api/v1/",
        r"^werkzeug\.routing\.BuildError",
    ),
    Crash(
        "with_flags key that is not a JSON path",
        "each with_flags key becomes json_extract(description, '$.<key>'); SQLite refuses"
        " a malformed path on the first row it reads (OperationalError)",
        r"GET /api/v1/sessions/",
        r"OperationalError.*JSON path error",
    ),
    Crash(
        "unknown resource name",
        "resources map memory, cpu, kernel_time, user_time and total_time to a column; any"
        " other name is a KeyError",
        r"GET /api/v1/resources/",
        r"^KeyError: ",
    ),
)


@dataclass(frozen=True)
class Documented:
    name: str
    reason: str


# The mock refuses JSON holding NaN, Infinity or -Infinity with a 400 (they are not JSON,
# though Python's json module, and so the real server, reads them); the real server stores
# or crashes on them. A request whose body holds one, answered 400 by the mock, is not
# compared, and what the real server stored is deleted.
NON_FINITE = Documented(
    "non-finite number in a JSON body",
    "the mock refuses NaN/Infinity with a 400: not JSON, though Python's json (and so the"
    " real server) reads them",
)
DOCUMENTED: tuple[Documented, ...] = (NON_FINITE,)

# What a run met, by name: printed at the end of the run for the README's list.
SEEN: Counter[str] = Counter()


# A dotted name ending in a capitalised one, alone or before ": message".
_EXCEPTION_LINE = re.compile(r"^(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?::.*)?$", re.M)


def exception_line(log: str) -> str | None:
    """The last exception line the real server logged, e.g. "KeyError: 'scm_ref'"."""
    lines = [m.group(0) for m in _EXCEPTION_LINE.finditer(log)]
    return lines[-1] if lines else None


def crash_for(method: str, path: str, exception: str | None) -> Crash | None:
    if exception is None:
        return None
    for crash in ALLOWED_CRASHES:
        if crash.matches(f"{method} {path}", exception):
            return crash
    return None
