"""Hypothesis strategies for requests to monitor-server: writes, reads and odd ones.

Values come from small pools so that examples collide: hashes share prefixes and differ
only in case, `_` and `%` (SQL LIKE's wildcards) appear in hashes, items, variants,
components and SCM references; items, variants, kinds and resource values repeat (distinct
lists and head/tail ties); descriptions carry pipeline_branch / pipeline_build_no with
string and non-string values.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from hypothesis import strategies as st

from tests.fidelity.servers import API
from tests.fidelity.wire import Request, json_request

HASH_ALPHABET = "aAbB_%"
HASH_POOL = ["a", "A", "ab", "aB", "Ab", "a_", "a%", "b", "abc", "0041724f", "0041724fab"]
hashes = st.one_of(st.sampled_from(HASH_POOL), st.text(HASH_ALPHABET, min_size=1, max_size=3))
prefixes = st.one_of(
    hashes, st.sampled_from(["_", "%", "a_", "0041", "A%", "B"]), st.text(HASH_ALPHABET, max_size=2)
)
# Values that need percent-encoding in a path segment, or are odd once decoded.
odd_segments = st.sampled_from(["a b", "é", "a/b", "a%2Fb", "..", "a?b", "a#b", "%", "+", "1"])

RUN_DATES = [
    "2024-05-13T10:00:40",  # pytest-monitor's form (datetime.isoformat())
    "2024-05-13T10:00:40.123456",
    "2024-05-13T10:00:40Z",
    "2024-05-13T10:00:40+02:00",
    "2024-05-13",
    "2025-06-14T08:02:11",
]
ODD_RUN_DATES = ["2024", "20240513T100040", "2024-05-13 10:00:40", "May 13 2024", "garbage", ""]
run_dates = st.one_of(st.sampled_from(RUN_DATES), st.sampled_from(ODD_RUN_DATES))
scm_refs = st.one_of(
    st.sampled_from(["a1b2c3d", "a1b2", "A1B2", "main", "a_b", "a%b", "ab", ""]), st.none()
)

DESCRIPTION_KEYS = ["pipeline_branch", "pipeline_build_no", "numpy", "python", "os", "flag"]
tag_values = st.one_of(
    st.sampled_from(["main", "dev", "Main", "12", "13", "", "1.26", "a_b"]),
    st.integers(-2, 20),
    st.sampled_from([0.5, 1.0, 12.0]),
    st.booleans(),
    st.none(),
    st.sampled_from([{"x": 1}, [1, "a"], {}, []]),
)
descriptions = st.dictionaries(st.sampled_from(DESCRIPTION_KEYS), tag_values, max_size=4)

ITEMS = ["test_a", "test_b", "test_A", "test_ab", "test_a_b", "test%", "x"]
VARIANTS = ["test_a", "test_a[1]", "test_a[2]", "test_b", "test_A[x]", "test_%", "x[1]"]
KINDS = ["function", "module", "Function", "package"]
COMPONENTS = ["", "core", "Core", "co_e", "core.api", "api", "a%"]
PIPELINES = ["main", "dev", "Main", "12", "1", "True", "ma_n"]
BUILDS = ["12", "13", "1", "1.0", "True", "{'x': 1}"]
RESOURCES = ["memory", "cpu", "kernel_time", "user_time", "total_time"]
UNKNOWN_RESOURCES = ["mem_usage", "Memory", "disk"]
# Few distinct values, so head/tail listings meet ties.
amounts = st.one_of(
    st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.25, 10.0]),
    st.floats(0, 1000, allow_nan=False, allow_infinity=False),
)

WRONG_TYPES = [None, 12, 1.5, True, "x", "8", [], {}, ["a"]]


def seg(value: str) -> str:
    return quote(value, safe="")


def _session(h: str, run_date: Any, scm_ref: Any, description: Any) -> dict[str, Any]:
    return {"session_h": h, "run_date": run_date, "scm_ref": scm_ref, "description": description}


@st.composite
def valid_session(draw) -> Request:
    """What pytest-monitor sends: POST /sessions/ with the session's own hash."""
    body = _session(
        draw(hashes),
        draw(st.sampled_from(RUN_DATES)),
        draw(scm_refs),
        draw(descriptions),
    )
    return json_request("POST", f"{API}/sessions/", body, what="pytest-monitor session")


@st.composite
def session_write(draw) -> Request:
    h = draw(hashes)
    body = _session(h, draw(run_dates), draw(scm_refs), draw(descriptions))
    form = draw(st.sampled_from(["plain", "path", "path-only", "seed", "seed-to-path"]))
    path = f"{API}/sessions/"
    if form == "path":
        path += seg(draw(hashes))
    elif form == "path-only":
        path += seg(h)
        del body["session_h"]
    elif form.startswith("seed"):
        # The seed document's form: `h`, and the description as JSON text.
        body = {
            "h": h,
            "run_date": body["run_date"],
            "scm_ref": body["scm_ref"],
            "description": json.dumps(body["description"]),
        }
        if form == "seed-to-path":
            path += seg(h)
    return json_request("POST", path, body, what=f"session ({form})")


@st.composite
def context_body(draw) -> dict[str, Any]:
    body = {
        "h": draw(hashes),
        "cpu_count": draw(st.sampled_from([1, 2, 8, 16])),
        "cpu_frequency": draw(st.sampled_from([0, 2400, 3600])),
        "cpu_type": draw(st.sampled_from(["x86_64", "arm64"])),
        "cpu_vendor": draw(st.sampled_from(["GenuineIntel", "AuthenticAMD", ""])),
        "ram_total": draw(st.sampled_from([2048, 16384])),
        "machine_node": draw(st.sampled_from(["ci-runner-1", "laptop.local"])),
        "machine_type": "x86_64",
        "machine_arch": draw(st.sampled_from(["64bit", "32bit"])),
        "system_info": draw(st.sampled_from(["Linux - 6.1.0-18-amd64", "Darwin - 23.4.0"])),
        "python_info": "3.11.7 (main, Dec  8 2023, 14:22:46) [GCC 12.2.0]",
    }
    return body


@st.composite
def context_write(draw) -> Request:
    body = draw(context_body())
    form = draw(st.sampled_from(["plain", "plain", "path", "path-only"]))
    path = f"{API}/contexts/"
    if form == "path":
        path += seg(body["h"])
    elif form == "path-only":
        path += seg(body.pop("h"))
    return json_request("POST", path, body, what=f"pytest-monitor context ({form})")


@st.composite
def metric_body(draw) -> dict[str, Any]:
    item = draw(st.sampled_from(ITEMS))
    return {
        "session_h": draw(hashes),
        "context_h": draw(hashes),
        "item_start_time": draw(st.sampled_from(["2024-05-13T10:00:41.123456", "2024-05-13"])),
        "item_path": draw(st.sampled_from(["tests.test_x", "tests.sub.test_y"])),
        "item": item,
        "item_variant": draw(st.sampled_from([*VARIANTS, item])),
        "item_fs_loc": draw(st.sampled_from(["tests/test_x.py", "tests/sub/test_y.py"])),
        "kind": draw(st.sampled_from(KINDS)),
        "component": draw(st.sampled_from(COMPONENTS)),
        "total_time": draw(amounts),
        "user_time": draw(amounts),
        "kernel_time": draw(amounts),
        "cpu_usage": draw(amounts),
        "mem_usage": draw(amounts),
    }


@st.composite
def metric_write(draw) -> Request:
    return json_request(
        "POST", f"{API}/metrics/", draw(metric_body()), what="pytest-monitor metric"
    )


@st.composite
def malformed_write(draw) -> Request:
    """A write with something wrong: fields missing or mistyped, or not a JSON object."""
    kind = draw(st.sampled_from(["sessions", "contexts", "metrics"]))
    if kind == "sessions":
        body = _session(draw(hashes), draw(run_dates), draw(scm_refs), draw(descriptions))
    elif kind == "contexts":
        body = draw(context_body())
    else:
        body = draw(metric_body())
    path = f"{API}/{kind}/"
    what = []
    for _ in range(draw(st.integers(1, 2))):
        key = draw(st.sampled_from(sorted(body)))
        change = draw(st.sampled_from(["drop", "retype", "non-finite"]))
        if change == "drop":
            body.pop(key, None)
            what.append(f"without {key}")
        elif change == "retype":
            body[key] = draw(st.sampled_from(WRONG_TYPES))
            what.append(f"{key} as {type(body[key]).__name__}")
        else:
            body[key] = draw(st.sampled_from([float("nan"), float("inf"), float("-inf")]))
            what.append(f"{key} non-finite")
    if kind == "sessions" and draw(st.booleans()):
        body["description"] = draw(st.sampled_from(["text", '{"a": 1}', [], 3, None, True]))
        what.append("description not an object")
    shape = draw(st.sampled_from(["json"] * 6 + ["text/plain", "no type", "charset"]))
    content_type = {
        "json": "application/json",
        "text/plain": "text/plain",
        "no type": None,
        "charset": "application/json; charset=utf-8",
    }[shape]
    if shape != "json":
        what.append(f"sent as {shape}")
    request = json_request("POST", path, body, content_type=content_type, what=", ".join(what))
    return request


@st.composite
def odd_body_write(draw) -> Request:
    """A body that is not a JSON object, or not JSON at all."""
    kind = draw(st.sampled_from(["sessions", "contexts", "metrics"]))
    path = f"{API}/{kind}/"
    if draw(st.booleans()):
        payload = draw(st.sampled_from([[], [1], "x", 3, None, True]))
        return json_request("POST", path, payload, what="JSON that is not an object")
    body = draw(st.sampled_from([b"", b"{", b"not json", b"{'a': 1}", b"\xff\xfe"]))
    content_type = draw(st.sampled_from(["application/json", "text/plain", None]))
    return Request("POST", path, body=body, content_type=content_type, what="not JSON")


# --- reads --------------------------------------------------------------------------------


@st.composite
def page_query(draw, flags: bool = False) -> str:
    """`page` in every shape, unknown parameters, and the session listing's flag filters."""
    params: list[tuple[str, str]] = []
    page = draw(
        st.one_of(
            st.none(),
            st.integers(-4, 6).map(str),
            st.sampled_from(
                ["0", "", "abc", "2.0", " 2", "+2", "1_0", "-0", "99999999999999999999"]
            ),
        )
    )
    if page is not None:
        params.append(("page", page))
        if draw(st.integers(0, 5)) == 0:
            params.append(("page", draw(st.sampled_from(["1", "2", "x"]))))
    if draw(st.integers(0, 3)) == 0:
        params.append(
            draw(
                st.sampled_from(
                    # A name of a route's path value takes its place in the page links.
                    [("foo", "bar"), ("per_page", "1"), ("Page", "2"), ("session_hash", "a")]
                )
            )
        )
    if flags and draw(st.integers(0, 2)) == 0:
        # A key is a JSON path under `$.` on the real server: "" and "[" are not paths.
        keys = draw(
            st.lists(st.sampled_from([*DESCRIPTION_KEYS, "nope", "", "["]), min_size=1, max_size=2)
        )
        params.append(("with_flags", ",".join(keys)))
        if draw(st.booleans()):
            values = draw(
                st.lists(st.sampled_from(["main", "12", "dev", "", "True", "1"]), max_size=2)
            )
            params.append(("restrict_flags", ",".join(values)))
        if draw(st.booleans()):
            params.append(("method", draw(st.sampled_from(["match_any", "match_all", "x"]))))
    if draw(st.booleans()):
        params = draw(st.permutations(params))
    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in params)


def _get(path: str, query: str = "", what: str = "") -> Request:
    return Request("GET", path, query, what=what)


@st.composite
def session_read(draw) -> Request:
    choice = draw(st.sampled_from(["list", "prefix", "count", "metrics", "metrics count"]))
    if choice == "list":
        return _get(f"{API}/sessions/", draw(page_query(flags=True)))
    if choice == "prefix":
        return _get(f"{API}/sessions/{seg(draw(prefixes))}", draw(page_query(flags=True)))
    if choice == "count":
        return _get(f"{API}/sessions/count")
    h = seg(draw(hashes))
    if choice == "metrics":
        return _get(f"{API}/sessions/{h}/metrics", draw(page_query()))
    return _get(f"{API}/sessions/{h}/metrics/count")


@st.composite
def context_read(draw) -> Request:
    choice = draw(st.sampled_from(["list", "prefix", "count", "metrics", "metrics count"]))
    if choice == "list":
        return _get(f"{API}/contexts/", draw(page_query()))
    if choice == "prefix":
        return _get(f"{API}/contexts/{seg(draw(prefixes))}", draw(page_query()))
    if choice == "count":
        return _get(f"{API}/contexts/count")
    h = seg(draw(hashes))
    if choice == "metrics":
        return _get(f"{API}/contexts/{h}/metrics", draw(page_query()))
    return _get(f"{API}/contexts/{h}/metrics/count")


like_patterns = st.one_of(
    st.sampled_from(["test", "a", "A", "_", "%", "test_a", "b]", "[1", "x"]),
    st.sampled_from(ITEMS + VARIANTS),
)


@st.composite
def metric_read(draw) -> Request:
    """Every view over metrics: items, variants, filters, components, pipelines."""
    q = draw(page_query())
    item = seg(draw(st.sampled_from(ITEMS)))
    variant = seg(draw(st.sampled_from(VARIANTS)))
    component = seg(draw(st.sampled_from([c for c in COMPONENTS if c]) | prefixes))
    pipeline = seg(draw(st.sampled_from(PIPELINES)))
    build = seg(draw(st.sampled_from(BUILDS)))
    scm = seg(draw(st.sampled_from(["a1b2c3d", "a1b2", "A", "a_", "%", "main", "x"])))
    scope = seg(draw(st.sampled_from(KINDS)))
    paths = [
        (f"{API}/metrics/", q),
        (f"{API}/metrics/count", ""),
        (f"{API}/items/{item}/metrics", q),
        (f"{API}/items/{item}/metrics/count", ""),
        (f"{API}/items/like/{seg(draw(like_patterns))}/metrics", q),
        (f"{API}/variants/{variant}/metrics", q),
        (f"{API}/variants/{variant}/metrics/count", ""),
        (f"{API}/variants/like/{seg(draw(like_patterns))}/metrics", q),
        (f"{API}/filters/scope/{scope}/metrics", q),
        (f"{API}/filters/scope/{scope}/metrics/count", ""),
        (f"{API}/filters/scm/{scm}/metrics", q),
        (f"{API}/filters/scm/{scm}/metrics/count", ""),
        (f"{API}/filters/scm/{scm}/sessions", q),
        (f"{API}/components/", q),
        (f"{API}/components/{component}", q),
        (f"{API}/components/count", ""),
        (f"{API}/components/metrics", q),
        (f"{API}/components/{component}/metrics", q),
        (f"{API}/components/{component}/pipelines", q),
        (f"{API}/components/{component}/pipelines/{pipeline}/builds", q),
        (f"{API}/components/{component}/pipelines/{pipeline}/builds/{build}/sessions", q),
        (f"{API}/components/items/{item}/metrics", q),
        (f"{API}/components/{component}/items/{item}/metrics", q),
        (f"{API}/components/variants/{variant}/metrics", q),
        (f"{API}/components/{component}/variants/{variant}/metrics", q),
        (f"{API}/pipelines/", q),
        (f"{API}/pipelines/{pipeline}/builds", q),
        (f"{API}/pipelines/{pipeline}/builds/{build}/sessions", q),
    ]
    path, query = draw(st.sampled_from(paths))
    return _get(path, query)


@st.composite
def resource_read(draw) -> Request:
    resource = draw(st.one_of(st.sampled_from(RESOURCES), st.sampled_from(UNKNOWN_RESOURCES)))
    end = draw(st.sampled_from(["head", "tail"]))
    size = draw(
        st.one_of(
            st.none(),
            st.sampled_from(["0", "1", "2", "3", "10", "500", "501", "010", "-1", "x"]),
            st.just("99999999999999999999"),
        )
    )
    scope = draw(st.sampled_from(["all", "component", "pipeline", "build"]))
    base = f"{API}/resources/{seg(resource)}"
    if scope == "component":
        base += f"/components/{seg(draw(st.sampled_from(COMPONENTS[1:])))}"
    elif scope in ("pipeline", "build"):
        base += f"/pipelines/{seg(draw(st.sampled_from(PIPELINES)))}"
        if scope == "build":
            base += f"/builds/{seg(draw(st.sampled_from(BUILDS)))}"
    path = f"{base}/{end}/metrics" if size is None else f"{base}/{end}/{size}/metrics"
    query = draw(st.sampled_from(["", "", "page=2", "foo=bar"]))
    return _get(path, query)


# --- paths and methods --------------------------------------------------------------------

ROUTED = [
    "sessions/",
    "sessions/count",
    "sessions/{h}",
    "sessions/{h}/metrics",
    "sessions/{h}/metrics/count",
    "contexts/",
    "contexts/count",
    "contexts/{h}",
    "contexts/{h}/metrics",
    "contexts/{h}/metrics/count",
    "metrics/",
    "metrics/count",
    "items/{h}/metrics",
    "variants/like/{h}/metrics",
    "filters/scm/{h}/sessions",
    "components/",
    "components/{h}/pipelines",
    "pipelines/",
    "resources/memory/head/metrics",
]
ODD_PATHS = [
    "sessions",
    "contexts",
    "metrics",
    "components",
    "pipelines",
    "sessions/count/",
    "sessions/{h}/metrics/",
    "sessions/{h}/metrics/count/",
    "contexts/count/",
    "contexts/{h}/metrics/",
    "contexts/{h}/metrics/count/",
    "metrics/count/",
    "items/{h}/metrics/",
    "sessions//count",
    "sessions/{h}//metrics",
    "",
    "nothing",
    "sessions/{h}/nothing",
    "resources/memory/head",
    "SESSIONS/",
]


@st.composite
def path_quirk(draw) -> Request:
    template = draw(st.sampled_from(ROUTED + ODD_PATHS))
    h = seg(draw(st.one_of(hashes, odd_segments)))
    path = f"{API}/{template.replace('{h}', h)}"
    method = draw(
        st.sampled_from(["GET"] * 4 + ["HEAD", "OPTIONS", "DELETE", "PUT", "PATCH", "POST"])
    )
    query = draw(st.sampled_from(["", "", "page=2", "foo=bar"]))
    if method in ("POST", "PUT", "PATCH"):
        return json_request(
            method, path, {"session_h": "a"}, query=query, what="odd method or path"
        )
    return Request(method, path, query, what="odd method or path")


@st.composite
def get_with_body(draw) -> Request:
    """A listing whose `page` comes in a JSON body (the real server reads it from there)."""
    collection = draw(st.sampled_from(["sessions", "contexts", "metrics"]))
    page = draw(st.sampled_from([1, 2, -1, "2", None, 2.0, 2.5, -1.0, True, False]))
    body = draw(st.sampled_from([{"page": page}, {"page": page}, ["page"], "a page", [1]]))
    return json_request("GET", f"{API}/{collection}/", body, what="page in a GET body")


# --- sequences ----------------------------------------------------------------------------

STORE_AND_LIST = st.one_of(
    valid_session(),
    valid_session(),
    session_write(),
    context_write(),
    session_read(),
    session_read(),
    context_read(),
)
METRIC_VIEWS = st.one_of(
    valid_session(),
    context_write(),
    metric_write(),
    metric_write(),
    metric_write(),
    metric_read(),
    metric_read(),
    resource_read(),
)
MALFORMED = st.one_of(
    valid_session(),
    context_write(),
    metric_write(),
    malformed_write(),
    malformed_write(),
    odd_body_write(),
    session_read(),
    context_read(),
)
ODD_REQUESTS = st.one_of(
    valid_session(),
    context_write(),
    metric_write(),
    path_quirk(),
    path_quirk(),
    get_with_body(),
    session_read(),
)
